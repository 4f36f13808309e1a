import type { Category } from '../schema/categories';

/**
 * What kind of item a category is for reference managers, in every format at once, so CSL-JSON, BibTeX, RIS,
 * Highwire tags and JSON-LD never disagree:
 *
 * - `report`: a report issued by an institution (APA 7 "report by a government agency or other organization").
 *   Highwire `citation_technical_report_institution` (Zotero: Report), CSL `report`, BibTeX `@techreport`, RIS
 *   `RPRT`, schema.org `Report`.
 * - `book`: a stand-alone book-length work (toolkits, manuals, handbooks, training material, bibliographies, model
 *   laws, strategies). CSL `book`, BibTeX `@book`, RIS `BOOK`, schema.org `Book`.
 * - `document`: anything else. CSL `document`, BibTeX `@misc`, RIS `GEN`, schema.org `CreativeWork`.
 */
export type ItemKind = 'report' | 'book' | 'document';

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
  other: 'document',
};

export function itemKind(category: Category): ItemKind {
  return KINDS[category];
}
