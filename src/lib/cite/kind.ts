import type { Category } from '../schema/categories';

/**
 * What kind of item a category is for reference managers, decided once so every format agrees: a `report` issued
 * by an institution, or a book-length `book`. "other" cites as a report: a generic type has no RIS form Zotero reads
 * back as itself (`GEN` imports as a journal article and drops the publisher).
 */
export type ItemKind = 'report' | 'book';

const KINDS: Record<Category, ItemKind> = {
  report: 'report',
  assessment: 'report',
  study: 'report',
  'issue-paper': 'report',
  'policy-brief': 'report',
  'legal-review': 'report',
  'case-digest': 'report',
  toolkit: 'book',
  manual: 'book',
  handbook: 'book',
  guidance: 'book',
  training: 'book',
  bibliography: 'book',
  'model-law': 'book',
  strategy: 'book',
  other: 'report',
};

export function itemKind(category: Category): ItemKind {
  return KINDS[category];
}
