import type { PagefindApi, PagefindResultData } from '../../lib/search/pagefind-types';
import { pagefindFilters, type SearchState } from '../../lib/search/state';
import { DOCUMENT_FILTER, DOCUMENTS_INDEX_DIR } from '../../lib/documents/records';
import { el, setExcerpt } from './render';

/**
 * "Inside the documents": the pages of the publications' own documents that a search's words are on, from their
 * own Pagefind index (`/pagefind/documents/`, src/lib/search/build-index.ts), so the catalogue's results, counts
 * and filters stay about publications. Loaded only on a site that has documents, at the first search. Each hit
 * says "Page N" and opens the document at that page; `?document=<slug>` (the record page's "Search inside this
 * document" box) keeps one publication's pages and lists them first.
 */
const SHOWN = 5;
const SHOWN_INSIDE_ONE = 50;

let api: Promise<PagefindApi> | undefined;

function loadDocumentsIndex(): Promise<PagefindApi> {
  api ??= (async () => {
    const path = `/${DOCUMENTS_INDEX_DIR}/pagefind.js`;
    const loaded = (await import(/* @vite-ignore */ path)) as PagefindApi;
    await loaded.options({ excerptLength: 30 });
    await loaded.init?.();
    return loaded;
  })();
  return api;
}

/** The `document` address parameter: the slug of the publication whose pages are searched alone. */
export function documentParam(search: string): string | undefined {
  const value = new URLSearchParams(search).get(DOCUMENT_FILTER)?.trim();
  return value && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? value : undefined;
}

/** Shows the pages the words are on (or hides the section): `section` holds a heading, a status line and a list. */
export async function showDocumentHits(section: HTMLElement, state: SearchState, only: string | undefined, isLatest: () => boolean): Promise<void> {
  const q = state.q.trim();
  if (!q) {
    section.hidden = true;
    return;
  }
  const pagefind = await loadDocumentsIndex();
  const filters = only ? { [DOCUMENT_FILTER]: { any: [only] } } : pagefindFilters(state);
  const found = await pagefind.search(q, { filters });
  const data = await Promise.all(found.results.slice(0, only ? SHOWN_INSIDE_ONE : SHOWN).map((r) => r.data()));
  if (!isLatest()) return;
  const list = section.querySelector('ol')!;
  const status = section.querySelector('[data-documents-status]')!;
  list.replaceChildren(...data.map(pageItem));
  const title = data[0]?.meta.title;
  const total = found.results.length;
  const pages = `${total} ${total === 1 ? 'page' : 'pages'}`;
  status.textContent = only
    ? total === 0
      ? `No page of this document has “${q}”.`
      : `${pages} of “${title}” ${total === 1 ? 'has' : 'have'} “${q}”${total > data.length ? `; the first ${data.length} are listed` : ''}.`
    : `${pages} of the publications’ own documents ${total === 1 ? 'has' : 'have'} these words${total > data.length ? `; the best ${data.length} are listed` : ''}.`;
  section.hidden = !only && total === 0;
}

function pageItem(data: PagefindResultData): HTMLLIElement {
  const { page = '', title = '', record = '', online } = data.meta;
  const pageLink = el('a', { text: `Page ${page}` });
  pageLink.href = data.url;
  if (online !== 'yes') pageLink.removeAttribute('href');
  const recordLink = el('a', {}, el('bdi', { text: title }));
  recordLink.href = record;
  recordLink.dir = 'auto';
  const heading = el('h3', { className: 'entry-title' }, online === 'yes' ? pageLink : el('span', { text: `Page ${page}` }), ' of ', recordLink);
  const excerpt = el('p', { className: 'excerpt' });
  setExcerpt(excerpt, data.excerpt);
  const item = el('li', { className: 'document-page' }, heading, excerpt);
  if (online !== 'yes') item.append(el('p', { className: 'entry-meta', text: 'The document is not online: the record says how to get a copy.' }));
  return item;
}
