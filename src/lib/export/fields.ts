import type { Entry } from '../schema/entry';

/**
 * What each field of the open dataset means, written once: the open data page's tables, the CSV column list and the
 * descriptions in the published JSON Schema all read it. Typed by the entry schema, so a new field in
 * `src/lib/schema/entry.ts` does not compile until it is documented here.
 */
export const FIELD_DOCS: Record<keyof Entry, string> = {
  title: 'The title as printed on the publication (1–300 characters).',
  title_supplied:
    'true when the sources give no title and the catalogue supplied a descriptive one (shown in [square brackets] on the site and in citations).',
  title_language: "ISO 639-1 code of the title's language when it is not English (e.g. ar, ru, zh).",
  authors: 'People and organisations credited as authors, in credited order, each as credited.',
  publisher: 'The organisation that published it, when known and not already the author.',
  publisher_supplied:
    'true when no source names the publisher and the catalogue supplied it from the listing the record came from (the publisher’s own publications page); shown in [square brackets].',
  year: 'Year of publication (a whole number), when known.',
  region: 'Regions the publication is about, from the catalogue’s list of regions (a name may contain a comma).',
  country: 'Countries the publication is about: ISO 3166-1 alpha-2 codes in upper case (plus XK Kosovo and the withdrawn AN Netherlands Antilles).',
  category: 'What kind of publication it is: one key from the catalogue’s list of categories.',
  languages: 'Languages the publication is available in: ISO 639-1 codes.',
  summary: 'Two to four sentences written by the catalogue (not by the publisher), plain text.',
  link: 'Where to read or download the publication (an https URL on the publisher’s site), when known.',
  document:
    'File name of the publication’s own document in the catalogue (content/documents/): its text is searchable page by page.',
  document_redistributable:
    'true when the document’s licence lets the catalogue publish it (served at /documents/<file name>); otherwise only its text is searched.',
  source: 'Where the record’s details came from (provenance): one or more keys from the catalogue’s list of sources.',
  notes: 'Notes for readers: the volume a paper appeared in, the languages of an executive summary, … (never a source file or line).',
  editor_notes:
    'Notes for editors (which source line gave which field, why a value was supplied). Kept in the entry files only: not in the dataset, the pages, the feeds or the search index.',
  added: 'The date the record was added to the catalogue (YYYY-MM-DD).',
};

/** Fields the dataset adds to each entry. */
export const EXTRA_FIELD_DOCS = {
  slug: 'The record’s identifier: the file name in content/publications/ and the last part of its page URL. Stable.',
  url: 'The record’s page in the catalogue.',
} as const;
