import { stringify } from 'csv-stringify/sync';
import { publicationPath, type Publication } from '../catalogue';
import { categoryLabel } from '../schema/categories';
import { countryName } from '../schema/countries';
import { languageName } from '../schema/languages';
import { SITE_URL } from '../site';
import type { Entry } from '../schema/entry';
import { EXTRA_FIELD_DOCS, FIELD_DOCS } from './fields';

/**
 * The catalogue as CSV: one row per entry, one column per field (plus names next to codes), for spreadsheets.
 *
 * - UTF-8 with a byte-order mark, so Excel shows Arabic, Cyrillic and accented names correctly (LibreOffice,
 *   pandas, R and csv-parse accept or skip the mark).
 * - RFC 4180: comma-separated, CRLF line ends, a field in double quotes when it contains a comma, quote or line
 *   break, a quote inside doubled ("").
 * - A list (authors, regions, countries, languages, sources) is one cell, its items joined by " | " — never a
 *   comma, because region and organisation names contain commas. No item may contain " | " itself.
 * - Empty cell: the entry has no value. true/false for title_supplied and publisher_supplied.
 * - Cells are written as they are in the entries. Spreadsheet users: a cell that begins with =, +, - or @ is text
 *   here; open the file with "text" columns if your spreadsheet would read it as a formula.
 */
export const LIST_SEPARATOR = ' | ';

type Cell = string | number | boolean | undefined | readonly string[];

export interface CsvColumn {
  name: string;
  /** The entry field the column comes from (derived columns such as country_names have none). */
  field?: keyof Entry;
  description: string;
  /** True for columns whose cell is a list joined by LIST_SEPARATOR. */
  list?: boolean;
  value: (publication: Publication) => Cell;
}

const list = (description: string) => `${description} Items joined by " | ".`;

export const CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'slug', description: EXTRA_FIELD_DOCS.slug, value: (p) => p.slug },
  { name: 'url', description: EXTRA_FIELD_DOCS.url, value: (p) => pageUrl(p.slug) },
  { field: 'title', name: 'title', description: FIELD_DOCS.title, value: (p) => p.data.title },
  { field: 'title_supplied', name: 'title_supplied', description: FIELD_DOCS.title_supplied, value: (p) => p.data.title_supplied ?? false },
  { field: 'title_language', name: 'title_language', description: FIELD_DOCS.title_language, value: (p) => p.data.title_language },
  { field: 'authors', name: 'authors', description: list(FIELD_DOCS.authors), list: true, value: (p) => p.data.authors ?? [] },
  { field: 'publisher', name: 'publisher', description: FIELD_DOCS.publisher, value: (p) => p.data.publisher },
  {
    field: 'publisher_supplied',
    name: 'publisher_supplied',
    description: FIELD_DOCS.publisher_supplied,
    value: (p) => p.data.publisher_supplied ?? false,
  },
  { field: 'year', name: 'year', description: FIELD_DOCS.year, value: (p) => p.data.year },
  { field: 'category', name: 'category', description: FIELD_DOCS.category, value: (p) => p.data.category },
  { name: 'category_label', description: 'The category in words ("Issue paper").', value: (p) => categoryLabel(p.data.category) },
  { field: 'region', name: 'regions', description: list(FIELD_DOCS.region), list: true, value: (p) => p.data.region },
  { field: 'country', name: 'countries', description: list(FIELD_DOCS.country), list: true, value: (p) => p.data.country },
  {
    name: 'country_names',
    description: list('The countries in English, in the same order as countries.'),
    list: true,
    value: (p) => p.data.country.map(countryName),
  },
  { field: 'languages', name: 'languages', description: list(FIELD_DOCS.languages), list: true, value: (p) => p.data.languages ?? [] },
  {
    name: 'language_names',
    description: list('The languages in English, in the same order as languages.'),
    list: true,
    value: (p) => (p.data.languages ?? []).map(languageName),
  },
  { field: 'summary', name: 'summary', description: FIELD_DOCS.summary, value: (p) => p.data.summary },
  { field: 'link', name: 'link', description: FIELD_DOCS.link, value: (p) => p.data.link },
  { field: 'document', name: 'document', description: FIELD_DOCS.document, value: (p) => p.data.document },
  {
    field: 'document_redistributable',
    name: 'document_redistributable',
    description: FIELD_DOCS.document_redistributable,
    value: (p) => (p.data.document ? (p.data.document_redistributable ?? false) : undefined),
  },
  { field: 'source', name: 'sources', description: list(FIELD_DOCS.source), list: true, value: (p) => p.data.source },
  { field: 'notes', name: 'notes', description: FIELD_DOCS.notes, value: (p) => p.data.notes },
  { field: 'added', name: 'added', description: FIELD_DOCS.added, value: (p) => p.data.added },
];

export function pageUrl(slug: string): string {
  return new URL(publicationPath(slug), SITE_URL).href;
}

function cell(publication: Publication, column: CsvColumn): string {
  const value = column.value(publication);
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  for (const item of value) {
    if (item.includes(LIST_SEPARATOR)) {
      throw new Error(
        `${publication.slug}: ${column.name} item ${JSON.stringify(item)} contains " | ", the CSV list separator`,
      );
    }
  }
  return value.join(LIST_SEPARATOR);
}

/** The CSV file's text, byte-order mark included. */
export function toCsv(publications: readonly Publication[]): string {
  const rows = publications.map((publication) => CSV_COLUMNS.map((column) => cell(publication, column)));
  return stringify(rows, {
    bom: true,
    header: true,
    columns: CSV_COLUMNS.map((column) => column.name),
    record_delimiter: 'windows',
  });
}
