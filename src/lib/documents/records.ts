/**
 * A publication's document in the search index: one Pagefind record per page, so a phrase on page 112 of a
 * 300-page manual is a result that says "page 112" and opens the document there.
 *
 * A page record carries the publication's own filters and sort keys (the same values as its record page, from
 * facetNames), so filtering by country or year keeps the pages of that country's documents, plus a `document`
 * filter naming the publication, for the record page's "Search inside this document" box.
 */
import { dirname, join } from 'node:path';
import type { EntryData } from '../schema/entry';
import { publicationPath } from '../catalogue';
import { FACET_KEYS, facetNames, UNDATED } from '../facets';
import { sortValues } from '../search/state';

/** Where the site serves documents it may publish: `/documents/<file name>`. */
export const DOCUMENTS_PATH = '/documents/';
/** The folder of document files, beside the entries' folder. */
export const DOCUMENTS_DIR = 'content/documents';

/** The documents folder of a content folder: `content/publications` → `content/documents` (fixtures alike). */
export function documentsDirFor(contentDir: string): string {
  return join(dirname(contentDir), 'documents');
}
/** The documents' own search index, inside the site (beside the catalogue's `pagefind/`). */
export const DOCUMENTS_INDEX_DIR = 'pagefind/documents';
/** The search page filter that keeps one publication's pages (its slug). */
export const DOCUMENT_FILTER = 'document';

/** A publication as the documents need it: the page slug and the validated data (`added` does not matter here). */
export interface DocumentOwner {
  slug: string;
  data: EntryData;
}

/** The Pagefind record of one page (Pagefind's `CustomRecord`). */
export interface PageRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * Where page `n` of a publication's document opens: the site's copy when the licence lets us publish it, else the
 * publisher's copy (`link`), else undefined (the text is searchable, the document is not online: results say so).
 * `#page=N` is the PDF open-parameters form every browser's PDF viewer follows.
 */
export function documentPageHref(publication: DocumentOwner, page: number): string | undefined {
  const { document, document_redistributable: redistributable, link } = publication.data;
  if (!document) return undefined;
  const base = redistributable ? `${DOCUMENTS_PATH}${encodeURIComponent(document)}` : link;
  if (!base) return undefined;
  return /\.pdf$/i.test(document) ? `${base}#page=${page}` : base;
}

/** One record for every page with text; empty pages are left out. */
export function documentPageRecords(publication: DocumentOwner, pages: readonly string[]): PageRecord[] {
  const { data, slug } = publication;
  const names = facetNames(data);
  const filters: Record<string, string[]> = { [DOCUMENT_FILTER]: [slug] };
  for (const key of FACET_KEYS) if (names[key].length) filters[key] = [...names[key]];
  const year = data.year === undefined ? undefined : String(data.year);
  const sort = sortValues(data.year, slug);
  const recordPath = publicationPath(slug);
  return pages.flatMap((content, i) => {
    if (!content) return [];
    const page = i + 1;
    const href = documentPageHref(publication, page);
    return [
      {
        // Pagefind keys results by URL: the record page plus the page number keeps each page its own result even
        // when the document is not online.
        url: href ?? `${recordPath}#document-page-${page}`,
        content,
        language: 'en',
        meta: {
          title: data.title,
          page: String(page),
          record: recordPath,
          online: href ? 'yes' : 'no',
          year: year ?? UNDATED,
        },
        filters,
        sort,
      },
    ];
  });
}
