import { runSearch, searchOptions, type Outcome } from '../../lib/search/engine';
import type { PagefindResultData } from '../../lib/search/pagefind-types';
import { PAGE_SIZE } from '../../lib/search/ranking';
import {
  FILTER_KEYS,
  SORTS,
  emptyYears,
  hasFilters,
  hasYearRange,
  isEmptySearch,
  parseState,
  stateToQueryString,
  type FilterKey,
  type SearchState,
  type SortKey,
} from '../../lib/search/state';
import { loadPagefind, loadVocabulary, pagefindRequested, type LoadedPagefind } from './load';
import { el, plural, resultItem, unquoted } from './render';

/**
 * The search page's behaviour. The whole search (words, ticked filters, order) is a SearchState that lives in the
 * URL: typing replaces the current history entry (one entry per typed query, not per key), ticking a filter or
 * changing the order pushes a new one, and Back/Forward restore the state from the URL.
 *
 * Speed: Pagefind starts loading when the page has loaded (not when the reader reaches the box). A search starts on
 * a keystroke with no delay (a timer would add its delay to every query), one at a time (a key pressed meanwhile
 * only replaces the next search; see `pump`); a newer search makes an older one stop before it loads any result
 * data. A word still being typed is searched from its third letter; finished words' index chunks preload at once.
 * While typing, a search is quick (no spelling checks); when typing pauses (SETTLE_MS) the full search runs, mostly
 * from the cache, and brings spelling help, filter counts and the spoken count. Nothing in the result list changes
 * then unless the full search changes the results. The first FIRST_PAGE results show (one fragment request each);
 * "Show more results" adds PAGE_SIZE more.
 */
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

const form = $<HTMLFormElement>('#search-form');
const input = $<HTMLInputElement>('#search-input');
const app = $<HTMLElement>('#search-app');
const status = $<HTMLElement>('#search-status');
const notice = $<HTMLElement>('#search-notice');
const list = $<HTMLOListElement>('#search-results');
const more = $<HTMLButtonElement>('#search-more');
const empty = $<HTMLElement>('#search-empty');
const intro = $<HTMLElement>('#search-intro');
const panel = $<HTMLDetailsElement>('#filters-panel');
const selectedCount = $<HTMLElement>('#filters-selected');
const clearFilters = $<HTMLButtonElement>('#clear-filters');
const sortSelect = $<HTMLSelectElement>('#search-sort');
const filtersLoading = $<HTMLElement>('#filters-loading');
const filtersSection = panel.closest<HTMLElement>('section')!;
const yearFrom = $<HTMLInputElement>('#year-from');
const yearTo = $<HTMLInputElement>('#year-to');
const yearUndated = $<HTMLInputElement>('#year-undated');
const exportBar = $<HTMLElement>('#results-export');
const exportStatus = $<HTMLElement>('#results-export-status');
const fieldsets = new Map<FilterKey, HTMLFieldSetElement>(
  [...document.querySelectorAll<HTMLFieldSetElement>('fieldset[data-filter-key]')].map((f) => [
    f.dataset.filterKey as FilterKey,
    f,
  ]),
);
const labels = Object.fromEntries(
  [...fieldsets].map(([key, f]) => [key, f.querySelector('legend')?.textContent?.trim() ?? key]),
) as Record<FilterKey, string>;
const baseTitle = document.title;

let state: SearchState = parseState(location.search);
/** Each run gets a number; a run that is no longer the latest stops at its next step. */
let latest = 0;
/** True while the current history entry was made by typing (so further typing replaces it). */
let typingEntry = false;
let current: { outcome: Outcome; shown: number } | undefined;
/** Set by a submitted search (Enter, the button): the result count takes focus once the results are shown. */
let focusCount = false;
/** "Inside the documents": only on a site whose publications carry documents (see search.astro). */
const documentHits = document.querySelector<HTMLElement>('#document-hits');
/** "Only in: <title> — show all", and the form's `document` field (with the section, see search.astro). */
const onlyBar = document.querySelector<HTMLElement>('#search-only');
const onlyTitle = document.querySelector<HTMLAnchorElement>('#search-only-title');
const onlyInput = document.querySelector<HTMLInputElement>('#search-document');
/** Its code, loaded after the catalogue's results are on screen (or for the "Only in" title). */
const documentsCode = () => import('./documents');
const introText = intro.firstElementChild?.textContent?.trim() ?? '';
/** The slug whose title the "Only in" control shows (its title loads once per slug). */
let titled: string | undefined;
/**
 * Whether the reader has reached for the filters (pointer or focus in them, the panel opened on a phone, or
 * filters in the address): only then do their values and counts load (Pagefind's filter chunks weigh about as much
 * as the rest of a first query on 10,000 entries, and most searches never use them).
 */
let filtersWanted = false;
const expanded = new Set<FilterKey>();

type HistoryMode = 'none' | 'typing' | 'push';

function updateHistory(next: SearchState, mode: HistoryMode): void {
  if (mode === 'none') return;
  const url = `${location.pathname}${stateToQueryString(next)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'typing' && typingEntry) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  typingEntry = mode === 'typing';
}

function filterSummary(s: SearchState): string {
  const n = FILTER_KEYS.reduce((sum, key) => sum + s.filters[key].length, 0) + (hasYearRange(s.years) ? 1 : 0);
  return n === 0 ? '' : ` with ${plural(n, 'filter', 'filters')}`;
}

function statusText(outcome: Outcome): string {
  const s = outcome.state;
  const order = outcome.sort === 'relevance' ? '' : `, ${SORTS[outcome.sort].toLowerCase()}`;
  const shown = unquoted(outcome.corrected?.to ?? s.q);
  const words = shown ? ` for “${shown}”` : '';
  if (outcome.results.length === 0) return `No publications found${s.q.trim() ? ` for “${unquoted(s.q)}”` : ''}${filterSummary(s)}.`;
  if (outcome.partial) {
    const all = outcome.partial.complete;
    const of = shown ? ` of “${shown}”` : '';
    return `${all === 0 ? 'No publication has' : `${plural(all, 'publication has', 'publications have')}`} all ${outcome.partial.of} searched words${of}${filterSummary(s)}; ${plural(outcome.results.length - all, 'more has', 'more have')} most of them.`;
  }
  return `${plural(outcome.results.length, 'publication', 'publications')} found${words}${filterSummary(s)}${order}.`;
}

/**
 * Shows and speaks (role=status) the count. Called for full searches only, so while the reader types a screen
 * reader is not interrupted on every key; the count comes when typing pauses.
 */
function announce(text: string): void {
  if (status.textContent !== text) status.textContent = text;
}

function syncControls(s: SearchState): void {
  if (input.value !== s.q) input.value = s.q;
  const shownSort: SortKey = s.q.trim() === '' && s.sort === 'relevance' ? 'year' : s.sort;
  sortSelect.value = shownSort;
  const ticked = FILTER_KEYS.reduce((sum, key) => sum + s.filters[key].length, 0) + (hasYearRange(s.years) ? 1 : 0);
  const asText = (year: number | undefined) => (year === undefined ? '' : String(year));
  if (document.activeElement !== yearFrom) yearFrom.value = asText(s.years.from);
  if (document.activeElement !== yearTo) yearTo.value = asText(s.years.to);
  yearUndated.checked = s.years.undated;
  selectedCount.textContent = ticked ? ` (${ticked} selected)` : '';
  clearFilters.hidden = ticked === 0;
  document.title = s.q.trim() ? `“${unquoted(s.q)}” – ${baseTitle}` : baseTitle;
  syncDocument(s);
}

/**
 * `?document=<slug>` (the record page's "Search inside this document"): kept in the address and the form through
 * every change of the search, shown as "Only in: <title> — show all" until the reader removes it, and its pages are
 * listed above the catalogue's results. Without it the pages come below the results (appearing later, they move
 * nothing on screen).
 */
function syncDocument(s: SearchState): void {
  if (!documentHits || !onlyBar || !onlyTitle || !onlyInput) return;
  const slug = s.document;
  onlyBar.hidden = slug === undefined;
  onlyInput.disabled = slug === undefined;
  onlyInput.value = slug ?? '';
  if (slug) list.before(documentHits);
  else empty.before(documentHits);
  if (!slug || slug === titled) return;
  titled = slug;
  onlyTitle.href = `/publications/${slug}/`;
  onlyTitle.replaceChildren('this publication’s document');
  void documentsCode()
    .then(({ documentTitle }) => documentTitle(documentHits, slug))
    .then((title) => {
      if (title && titled === slug) onlyTitle.replaceChildren(el('bdi', { text: title }));
    })
    .catch(() => undefined);
}

function showIdle(): void {
  current = undefined;
  list.replaceChildren();
  more.hidden = true;
  exportBar.hidden = true;
  notice.hidden = true;
  empty.hidden = true;
  intro.hidden = false;
  intro.firstElementChild!.textContent = state.document && documentHits
    ? 'Type a word or a "phrase in quotes" to search the pages of this document, and the catalogue.'
    : introText;
  delete app.dataset.searching;
  announce('');
}

/**
 * One search at a time: Pagefind answers in order, and on 10,000 entries a common word takes a while, so searches
 * for every key would queue up behind each other. A key pressed while a search runs only replaces the next search
 * to run; the keys in between are never searched.
 */
interface Job {
  next: SearchState;
  mode: HistoryMode | 'settle';
  run: number;
  /** How the address changes when the job runs (typing: once per search made, not per key). */
  history: HistoryMode;
}
let pending: Job | undefined;
let busy = false;
let settleTimer: ReturnType<typeof setTimeout> | undefined;

/** How long typing must pause before the full search (spelling checks, filter counts, the spoken count). */
const SETTLE_MS = 400;
/**
 * Results shown first: each needs its own fragment request (a long full text's is ~17 KB), and five fill a screen,
 * as in Pagefind's own UI. "Show more results" adds PAGE_SIZE at a time.
 */
const FIRST_PAGE = 5;
/** Letters a word needs before the page searches it while the reader types (see `run`). */
const MIN_LETTERS = 3;
/** The letters and digits of a word. */
const letters = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, '').length;

/** Loads the index chunks of the words typed so far (whole words only), beside any search that runs. */
function preloadWords(q: string, next: SearchState): void {
  const done = q.replace(/["“”]/gu, ' ').split(/\s+/u);
  done.pop(); // the word being typed, or '' after a space
  const term = done.filter((word) => letters(word) >= MIN_LETTERS).join(' ');
  if (!term) return;
  void loadPagefind()
    .then(({ pagefind }) => pagefind.preload?.(term, searchOptions(next, 'relevance')))
    .catch(() => undefined);
}

/** Called when a newer search is asked for (see `unlessSuperseded`). */
let onNewer = () => {};

/**
 * `work`, or undefined as soon as a newer search is asked for: the results' data (one fragment request each) of a
 * search the reader has typed past is not waited for, so the newer search starts at once (measured at 10,000
 * entries: the last key waited 28–241 ms for fragments nobody would see).
 */
function unlessSuperseded<T>(work: Promise<T>): Promise<T | undefined> {
  return Promise.race([work, new Promise<undefined>((resolve) => (onNewer = () => resolve(undefined)))]);
}

function run(next: SearchState, mode: HistoryMode): void {
  const job: Job = { next, mode, run: ++latest, history: mode === 'typing' ? mode : 'none' };
  onNewer();
  state = next;
  clearTimeout(settleTimer);
  // Typing changes the address when its search runs, not on every key (each change of the address also makes
  // Chromium ask for the favicon again).
  if (mode !== 'typing' || isEmptySearch(next)) updateHistory(next, mode);
  syncControls(next);
  if (!isEmptySearch(next)) app.dataset.searching = '';
  if (isEmptySearch(next)) {
    pending = undefined;
    showIdle();
    if (documentHits) documentHits.hidden = true;
    // The catalogue's totals, once Pagefind is loaded (it loads when the reader focuses the box, not before).
    if (pagefindRequested()) void refreshFilters(undefined, job.run);
    return;
  }
  if (mode === 'typing') {
    // Words the reader has finished (a space typed after them) start loading at once, even while an earlier search
    // runs. Not the word being typed: Pagefind keeps a word in the index chunk its whole spelling sorts into, which
    // for most words differs from the chunk of their first letters ("vic" and "victims", "tra" and "trafficking"),
    // so loading a beginning only adds bytes (measured: 99 KB for "tra" on 10,000 entries).
    preloadWords(next.q, next);
    // A word of one or two letters being typed ("t", "trafficking s") matches nearly everything, and on a large
    // catalogue such a search is slow (every chunk of that prefix) and useless: it waits for a pause in typing (an
    // acronym such as "UN" or "EU" is then searched in full) and the results on screen stay meanwhile.
    const typing = /\s$/u.test(next.q) ? '' : (next.q.split(/\s+/u).pop() ?? '');
    if (letters(next.q) < MIN_LETTERS || (typing !== '' && letters(typing) < MIN_LETTERS)) {
      settleTimer = setTimeout(() => {
        if (job.run === latest) enqueue({ ...job, mode: 'settle' });
      }, SETTLE_MS);
      return;
    }
  }
  enqueue(job);
}

function enqueue(job: Job): void {
  pending = job;
  if (!busy) void pump();
}

async function pump(): Promise<void> {
  busy = true;
  while (pending) {
    const job = pending;
    pending = undefined;
    await execute(job).catch(() => {
      if (job.run === latest) announce('The search failed. Check your connection and try again.');
    });
  }
  busy = false;
}

async function execute(job: Job): Promise<void> {
  const { next, mode, run } = job;
  if (run === latest) updateHistory(next, job.history);
  let loaded: LoadedPagefind;
  try {
    loaded = await loadPagefind();
  } catch {
    if (run === latest) announce('Search could not be loaded. Reload the page to try again, or browse below.');
    return;
  }
  if (run !== latest) return;
  const quick = mode === 'typing';
  const outcome = await runSearch(next, { pagefind: loaded.pagefind, vocabulary: loadVocabulary, quick });
  if (run !== latest) return;
  // The same results as on screen (a space typed, the full search after a quick one): the list stays as it is.
  if (!(current && sameOutcome(current.outcome, outcome))) {
    const loading = Promise.all([Promise.all(outcome.results.slice(0, FIRST_PAGE).map((r) => r.data())), messagesFor(outcome)]);
    const first = await unlessSuperseded(loading);
    if (run !== latest || !first) return;
    current = { outcome, shown: first[0].length };
    renderOutcome(outcome, ...first);
  } else {
    current = { outcome, shown: current.shown };
    const messages = await messagesFor(outcome);
    if (run !== latest) return;
    renderMessages(outcome, messages);
  }
  if (quick) {
    // When typing pauses: the full search (mostly answered from the cache), which also speaks the count.
    settleTimer = setTimeout(() => {
      if (run === latest) enqueue({ next, mode: 'settle', run, history: 'none' });
    }, SETTLE_MS);
    return;
  }
  announce(statusText(outcome));
  if (documentHits) {
    void documentsCode()
      .then(({ showDocumentHits }) => showDocumentHits(documentHits, next, () => run === latest))
      .catch(() => {
        documentHits.hidden = true;
      });
  }
  if (focusCount) {
    focusCount = false;
    status.focus();
  }
  void refreshFilters(outcome, run);
}

/** Same words searched, same order, same notices, same first results: nothing to redraw. */
function sameOutcome(a: Outcome, b: Outcome): boolean {
  const ids = (o: Outcome) => o.results.slice(0, FIRST_PAGE).map((r) => r.id).join(' ');
  return (
    a.term === b.term &&
    a.sort === b.sort &&
    a.results.length === b.results.length &&
    a.corrected?.to === b.corrected?.to &&
    (a.ignored ?? []).join(' ') === (b.ignored ?? []).join(' ') &&
    a.suggestion?.query === b.suggestion?.query &&
    ids(a) === ids(b)
  );
}

/**
 * The code of what a search says beside its results (search/messages.ts: notices, the empty state), loaded only
 * for a search that has something to say, beside the results' data so that both show in the same frame.
 */
function messagesFor(outcome: Outcome): Promise<typeof import('./messages') | undefined> {
  const says = outcome.results.length === 0 || outcome.partial || outcome.dropped?.length || outcome.corrected || outcome.ignored?.length;
  return says ? import('./messages') : Promise.resolve(undefined);
}

function renderMessages(outcome: Outcome, messages: typeof import('./messages') | undefined): void {
  if (!messages) {
    notice.replaceChildren();
    notice.hidden = true;
    empty.replaceChildren();
    empty.hidden = true;
    return;
  }
  const context = { state, labels, inDocument: Boolean(outcome.state.document && documentHits) };
  messages.renderNotice(notice, outcome, context);
  messages.renderEmpty(empty, outcome, context);
}

function renderOutcome(outcome: Outcome, first: PagefindResultData[], messages: typeof import('./messages') | undefined): void {
  intro.hidden = true;
  list.replaceChildren(...first.map((data, i) => resultItem(data, i, matchedOf(outcome, i))));
  // With the results, in the same frame, so that it appearing moves nothing (layout shift).
  exportBar.hidden = outcome.results.length === 0;
  updateMore();
  renderMessages(outcome, messages);
}

/** In a partial search: how many of the words the result at `i` has, and of how many. */
function matchedOf(outcome: Outcome, i: number): { matched: number; of: number } | undefined {
  const matched = outcome.results[i]?.matched;
  return outcome.partial && matched !== undefined ? { matched, of: outcome.partial.of } : undefined;
}

function updateMore(): void {
  if (!current) return;
  const total = current.outcome.results.length;
  more.hidden = current.shown >= total;
  more.textContent = `Show more results (${current.shown.toLocaleString('en')} of ${total.toLocaleString('en')} shown)`;
}

async function showMore(): Promise<void> {
  if (!current) return;
  const { outcome, shown } = current;
  const run = latest;
  const next = await Promise.all(outcome.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
  if (run !== latest || current?.outcome !== outcome) return;
  const items = next.map((data, i) => resultItem(data, shown + i, matchedOf(outcome, shown + i)));
  list.append(...items);
  current.shown = shown + next.length;
  updateMore();
  items[0]?.querySelector('a')?.focus();
}

/**
 * The filter panel's values and counts for the search on screen. Only while the panel is open: its data (the
 * filter chunks) and its code (search/filters.ts) load when the reader first reaches for it.
 */
async function refreshFilters(outcome: Outcome | undefined, run: number): Promise<void> {
  if (!panel.open || !filtersWanted) return;
  filtersLoading.textContent = 'Loading filters…';
  try {
    const loaded = await loadPagefind();
    const [totals, panelCode] = await Promise.all([loaded.loadFilters(), import('./filters')]);
    if (run !== latest) return;
    const counts = await panelCode.panelCounts(outcome, loaded.pagefind, totals, () => run === latest);
    if (!counts || run !== latest) return;
    panelCode.renderPanel(fieldsets, counts, state.filters, expanded);
  } catch {
    return;
  }
  filtersLoading.hidden = true;
}

function rerenderFilters(): void {
  void refreshFilters(current?.outcome, latest);
}

function toggleFilter(key: FilterKey, value: string, on: boolean): void {
  const values = state.filters[key].filter((v) => v !== value);
  if (on) values.push(value);
  run({ ...state, filters: { ...state.filters, [key]: values } }, 'push');
}

// ---------------------------------------------------------------------------------------------------------------
// Wiring

app.hidden = false;
// The filters start folded ("Filters", and how many values are ticked), except on a wide screen when the URL ticks
// some: their data loads when the reader opens them, so a search that does not use them does not download them.
// Open from tablet width up (search.astro opens it before the first paint); with filters in the address, they are
// in use: their values load at once.
if (hasFilters(state)) {
  filtersWanted = true;
  if (window.matchMedia('(min-width: 48rem)').matches) panel.open = true;
}
function wantFilters(): void {
  if (filtersWanted) return;
  filtersWanted = true;
  void refreshFilters(current?.outcome, latest);
}
for (const type of ['pointerenter', 'focusin', 'touchstart'] as const) {
  filtersSection.addEventListener(type, wantFilters, { once: true, passive: true });
}
// Opening the panel on a phone is using it (the toggle event itself also fires for the panel opened on load).
panel.querySelector('summary')!.addEventListener('click', wantFilters);
panel.addEventListener('toggle', () => {
  if (panel.open) void refreshFilters(current?.outcome, latest);
});

input.addEventListener('input', () => run({ ...state, q: input.value }, 'typing'));
/**
 * Pagefind (its code, WebAssembly and index metadata: the fixed part of every search, about 260 KB at 10,000
 * entries) starts loading when the reader reaches the box (focus, or a tap), so that it is there by the time they
 * have typed a word; a page opened with a search in its address loads it at once. A visitor who only browses from
 * here does not pay for it (bench: the page would weigh 291 KiB with it, over the 200 KB page budget).
 */
function loadEarly(): void {
  if (pagefindRequested()) return;
  loadPagefind()
    .then(() => {
      if (isEmptySearch(state)) void refreshFilters(undefined, latest);
    })
    .catch(() => undefined);
}
for (const type of ['focus', 'pointerdown'] as const) input.addEventListener(type, loadEarly, { once: true });
if (document.activeElement === input) loadEarly();
form.addEventListener('submit', (event) => {
  event.preventDefault();
  typingEntry = false;
  focusCount = true;
  run({ ...state, q: input.value, sort: (sortSelect.value as SortKey) ?? state.sort }, 'push');
});
sortSelect.addEventListener('change', () => run({ ...state, sort: sortSelect.value as SortKey }, 'push'));
/** A year box's value: a four-digit year, or undefined (empty or not a year). */
function yearOf(input: HTMLInputElement): number | undefined {
  return /^\d{4}$/.test(input.value.trim()) ? Number(input.value.trim()) : undefined;
}
function changeYears(): void {
  let from = yearOf(yearFrom);
  let to = yearOf(yearTo);
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  run({ ...state, years: { from, to, undated: yearUndated.checked } }, 'push');
}
panel.addEventListener('change', (event) => {
  const box = event.target;
  if (box === yearFrom || box === yearTo || box === yearUndated) {
    changeYears();
    return;
  }
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
  toggleFilter(box.name as FilterKey, box.value, box.checked);
});
panel.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('.filter-more');
  if (!button) return;
  const key = button.closest<HTMLFieldSetElement>('fieldset')!.dataset.filterKey as FilterKey;
  if (expanded.has(key)) expanded.delete(key);
  else expanded.add(key);
  rerenderFilters();
});
document.querySelector('#search-only-clear')?.addEventListener('click', () => {
  const { document: _removed, ...rest } = state;
  run(rest, 'push');
  input.focus();
});
clearFilters.addEventListener('click', () => {
  run({ ...state, filters: parseState('').filters, years: emptyYears() }, 'push');
  input.focus();
});
function onSearchLinks(event: Event): void {
  const target = event.target as Element;
  const chip = target.closest<HTMLButtonElement>('button[data-remove-key]');
  if (chip?.dataset.removeKey === 'years') {
    run({ ...state, years: emptyYears() }, 'push');
    input.focus();
    return;
  }
  if (chip) {
    const key = chip.dataset.removeKey as FilterKey;
    run({ ...state, filters: { ...state.filters, [key]: state.filters[key].filter((v) => v !== chip.dataset.removeValue) } }, 'push');
    input.focus();
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[data-search-link]');
  if (link && !(event as MouseEvent).ctrlKey && !(event as MouseEvent).metaKey) {
    event.preventDefault();
    typingEntry = false;
    run(parseState(new URL(link.href).search), 'push');
    input.focus();
  }
}
empty.addEventListener('click', onSearchLinks);
notice.addEventListener('click', onSearchLinks);
more.addEventListener('click', () => void showMore());
exportBar.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-export]');
  if (!button || !current) return;
  const { results } = current.outcome;
  // The export code loads when a reader asks for a file.
  void import('./export').then(({ exportResults }) => exportResults(results, button, exportStatus));
});
window.addEventListener('popstate', () => {
  typingEntry = false;
  run(parseState(location.search), 'none');
});

run(state, 'none');
