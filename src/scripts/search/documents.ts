import type { PagefindApi, PagefindResultData } from '../../lib/search/pagefind-types';
import { DOCUMENT_PARAM, pagefindFilters, type SearchState } from '../../lib/search/state';
import { loadPagefind, openIndex } from './load';
import { el, setExcerpt, unquoted } from './render';

/**
 * "Inside the documents": the pages of the publications' own documents that a search's words are on, from their
 * own Pagefind index (its folder in the section's `data-index`, written by search.astro from
 * src/lib/documents/records.ts), so the catalogue's results, counts and filters stay about publications. This
 * module loads only on a site that has documents, after the catalogue's results are on screen; the index is a
 * second instance in the catalogue's Pagefind worker (no second copy of Pagefind's code; only its WebAssembly is
 * fetched again, from the index's own folder). Each hit says "Page N" and opens the document at that page;
 * `?document=<slug>` (the record page's "Search inside this document" box) keeps one publication's pages and lists
 * them first.
 */
const SHOWN = 5;
const SHOWN_INSIDE_ONE = 50;

let api: Promise<PagefindApi> | undefined;

/**
 * Opened once the catalogue's index is: the worker's WebAssembly is one module for all its instances, and two
 * instances loading it at once would each make their own (the second replacing the first's under it).
 */
function loadDocumentsIndex(section: HTMLElement): Promise<PagefindApi> {
  api ??= loadPagefind().then(() => openIndex(section.dataset.index ?? '/pagefind/documents/', { excerptLength: 30 }));
  api.catch(() => (api = undefined));
  return api;
}

const only = (slug: string) => ({ [DOCUMENT_PARAM]: { any: [slug] } });

/** The title of the publication whose pages are searched alone (from its first page), or undefined. */
export async function documentTitle(section: HTMLElement, slug: string): Promise<string | undefined> {
  const pagefind = await loadDocumentsIndex(section);
  const found = await pagefind.search(null, { filters: only(slug) });
  return (await found.results[0]?.data())?.meta.title;
}

/** Shows the pages the words are on (or hides the section): `section` holds a heading, a status line and a list. */
export async function showDocumentHits(section: HTMLElement, state: SearchState, isLatest: () => boolean): Promise<void> {
  const q = state.q.trim();
  if (!q) {
    section.hidden = true;
    return;
  }
  const pagefind = await loadDocumentsIndex(section);
  const filters = state.document ? only(state.document) : pagefindFilters(state);
  const found = await pagefind.search(q, { filters });
  const data = await Promise.all(found.results.slice(0, state.document ? SHOWN_INSIDE_ONE : SHOWN).map((r) => r.data()));
  if (!isLatest()) return;
  const list = section.querySelector('ol')!;
  const status = section.querySelector('[data-documents-status]')!;
  list.replaceChildren(...data.map(pageItem));
  const title = data[0]?.meta.title;
  const total = found.results.length;
  const pages = `${total} ${total === 1 ? 'page' : 'pages'}`;
  status.textContent = state.document
    ? total === 0
      ? `No page of this document has “${unquoted(q)}”.`
      : `${pages} of “${title}” ${total === 1 ? 'has' : 'have'} “${unquoted(q)}”${total > data.length ? `; the first ${data.length} are listed` : ''}.`
    : `${pages} of the publications’ own documents ${total === 1 ? 'has' : 'have'} these words${total > data.length ? `; the best ${data.length} are listed` : ''}.`;
  section.hidden = !state.document && total === 0;
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
