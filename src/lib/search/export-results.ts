/**
 * A search's results, taken away in the open dataset's formats (CSV, RIS, BibTeX). The records are not written
 * here: they are cut out of the whole catalogue's files that src/lib/export writes at build time
 * (/data/catalogue.csv, .ris, .bib), so a result set's file is byte for byte the same records as /data/ has,
 * whatever those writers do. Pure (only catalogue.ts's URL helper): it runs in the browser, and in unit tests.
 */
import { publicationSlug } from '../catalogue';

/** Pagefind result id → publication slug, written by build-index.ts next to the index. */
export const RESULT_SLUGS_FILE = 'search/result-slugs.json';
export const RESULT_SLUGS_PATH = `/${RESULT_SLUGS_FILE}`;

/**
 * The map in RESULT_SLUGS_FILE. A result id is its fragment's name, a 7-hex hash: pages in two shards can share one,
 * and such an id maps to null, for the result's own page to say which record it is.
 */
export type ResultSlugs = Record<string, string | null>;

/** The slugs of `results` in their order: from the map, or from the page's URL where two shards share the id. */
export async function resultSlugs(
  results: readonly { id: string; data: () => Promise<{ url: string }> }[],
  map: ResultSlugs,
): Promise<string[]> {
  const slugs = await Promise.all(
    results.map(async ({ id, data }) =>
      map[id] === null ? publicationSlug((await data()).url) : map[id],
    ),
  );
  return slugs.filter((slug): slug is string => slug !== undefined);
}

export type ResultExportFormat = 'csv' | 'ris' | 'bib';
export const RESULT_EXPORT_FORMATS: readonly ResultExportFormat[] = ['csv', 'ris', 'bib'];

interface SplitFile {
  /** What comes before the first record: the CSV header row (with its byte-order mark), a BibTeX comment. */
  head: string;
  records: Map<string, string>;
  /** What goes between two records, as in the file. */
  between: string;
  /** What ends the file after its last record. */
  end: string;
}

/** CSV rows: a line break ends a row unless it is inside double quotes (RFC 4180). */
function csvRows(text: string): string[] {
  const rows: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) {
      rows.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) rows.push(text.slice(start));
  return rows;
}

/** The first CSV cell of a row (the slug column), unquoted. */
function firstCell(row: string): string {
  if (row.startsWith('"')) return /^"((?:[^"]|"")*)"/.exec(row)?.[1]?.replace(/""/g, '"') ?? '';
  return row.split(/[,\r\n]/, 1)[0] ?? '';
}

export function splitRecords(format: ResultExportFormat, text: string): SplitFile {
  const records = new Map<string, string>();
  if (format === 'csv') {
    const [header = '', ...rows] = csvRows(text);
    const eol = header.endsWith('\r\n') ? '\r\n' : '\n';
    for (const row of rows) {
      const slug = firstCell(row);
      if (slug) records.set(slug, row.endsWith('\n') ? row.slice(0, -eol.length) : row);
    }
    return { head: header, records, between: eol, end: eol };
  }
  if (format === 'ris') {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    for (const match of text.matchAll(/^TY {2}- [\s\S]*?^ER {2}-[^\n]*$/gm)) {
      const record = match[0].replace(/\r$/, '');
      const slug = /^ID {2}- (.+?)\r?$/m.exec(record)?.[1];
      if (slug) records.set(slug, record);
    }
    return { head: '', records, between: `${eol}${eol}`, end: eol };
  }
  const starts = [...text.matchAll(/^@\w+\s*\{/gm)].map((m) => m.index);
  for (const [i, start] of starts.entries()) {
    const entry = text.slice(start, starts[i + 1] ?? text.length).trimEnd();
    const slug = /^@\w+\s*\{\s*([^,\s]+)\s*,/.exec(entry)?.[1];
    if (slug) records.set(slug, entry);
  }
  return { head: text.slice(0, starts[0] ?? 0), records, between: '\n\n', end: '\n' };
}

/**
 * The file for a result set: the catalogue file's head, then the records of `slugs` in that order (the results'
 * order); a slug with no record is skipped and counted.
 */
export function resultFile(format: ResultExportFormat, catalogueFile: string, slugs: readonly string[]): { text: string; missing: number } {
  const { head, records, between, end } = splitRecords(format, catalogueFile);
  const chosen: string[] = [];
  let missing = 0;
  for (const slug of slugs) {
    const record = records.get(slug);
    if (record === undefined) missing += 1;
    else chosen.push(record);
  }
  return { text: head + chosen.join(between) + (chosen.length ? end : ''), missing };
}
