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
 *
 * There is no third, generic kind: "other" publications (a factsheet, a compilation, an audio tool issued by an
 * organisation) are grey literature and cite as reports. A generic type has no RIS form that Zotero reads back as
 * itself (`GEN` imports as a journal article and drops the publisher), so it would differ between page and exports.
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
