import type { FilterCounts, PagefindApi, PagefindResult, PagefindSearch, PagefindSearchOptions } from './pagefind-types';
import { planQuery, type QueryPlan } from './text';
import type { Vocabulary } from './spelling';
import {
  NO_YEAR,
  SORT_KEY,
  UNDATED_VALUE,
  pagefindFilters,
  pagefindSort,
  type FilterKey,
  type SearchState,
  type SortKey,
} from './state';
import { COMPOUND_PREFIXES, isSpellable, words } from './text';

/**
 * One search, start to end, over the Pagefind API: the query with its filters and order, and — only when that
 * finds nothing — the honest fallbacks: the closest spelling, what the query finds without the filters, what each
 * word finds alone. No DOM here (the page renders an Outcome), so it is unit-tested with a fake Pagefind.
 */
export interface Outcome {
  state: SearchState;
  /** The order actually used: without a query there is no relevance, so newest first. */
  sort: SortKey;
  /** The words searched: the query (prefixes joined, see joinCompounds), or its spelling correction. */
  term: string;
  results: RankedResult[];
  /** When the query found nothing and its closest spelling did: what was replaced. */
  corrected?: { from: string; to: string };
  /** How many results the searched words give without the filters. */
  unfilteredCount: number;
  /** Pagefind's counts of filter values among these results. */
  filters: FilterCounts;
  /** The same among the words' results without any filter. */
  totalFilters: FilterCounts;
  /** A quick search (see EngineDeps.quick): the words' spelling is not checked yet. */
  unchecked?: boolean;
  /** Words of the query the index has nothing for and no close spelling of, left out by Pagefind. */
  ignored?: string[];
  /** When nothing was found: a spelling suggestion that finds something (with or without the filters). */
  suggestion?: { query: string; count: number };
  /** When nothing was found and the query has several words: what each finds alone (with the filters). */
  wordCounts?: Array<{ word: string; count: number }>;
  /**
   * When all the words together found fewer than FEW publications: the results go on with publications that have
   * most of the words (`results[i].matched` of `of`), those with more first. `complete` is how many have them all.
   */
  partial?: { of: number; complete: number };
  /** Words left out of the search (stop words: "what", "in", "the"), as typed. */
  dropped?: string[];
}

/** A result, and in a partial search how many of the query's words it has. */
export type RankedResult = PagefindResult & { matched?: number };

/** Fewer results than this for all the words together, and the search adds those with most of the words. */
export const FEW = 3;

export interface EngineDeps {
  pagefind: PagefindApi;
  /**
   * While the reader types: only the search itself (and its phrase search), no spelling checks, which would
   * catch every half-typed word ("traffickin") and cost a search per word. The page runs the full search when
   * typing pauses (see `Outcome.unchecked`), mostly from Pagefind's cache.
   */
  quick?: boolean;
  /** Loads the spelling vocabulary (fetched once, only when a query finds nothing). */
  vocabulary: () => Promise<Vocabulary | undefined>;
}

export function searchOptions(state: SearchState, sort: SortKey, except?: FilterKey): PagefindSearchOptions {
  const options: PagefindSearchOptions = {};
  const filters = pagefindFilters(state, except);
  if (Object.keys(filters).length) options.filters = filters;
  const pfSort = pagefindSort(sort);
  if (pfSort) options.sort = pfSort;
  return options;
}

/**
 * Oldest first with undated records last. Undated records sort as year 0 (state.ts SORT_KEY), so Pagefind puts them
 * first; its count of the year filter's "Undated" value among the results says how many to move to the end. Pagefind
 * counts a filter only when its chunk is loaded, which a filter on `year` does: a search without one gets one that
 * excludes nothing (on 10,000 entries the year chunk is 22 KB, loaded by "Oldest first" searches only, while the
 * second sort key it replaces cost 12.9 KB of the metadata every search loads).
 */
export function undatedLast(pagefind: PagefindApi): PagefindApi {
  return {
    ...pagefind,
    search: async (term, options = {}) => {
      if (options.sort?.[SORT_KEY] !== 'asc') return pagefind.search(term, options);
      const filters = { [SORT_KEY]: { none: [NO_YEAR] }, ...options.filters };
      const found = await pagefind.search(term, { ...options, filters });
      const undated = found.filters[SORT_KEY]?.[UNDATED_VALUE] ?? 0;
      return { ...found, results: [...found.results.slice(undated), ...found.results.slice(0, undated)] };
    },
  };
}

/**
 * A filter no page has: searching with it returns no results (and loads no filter chunk), but Pagefind still says
 * how many the words alone find (`unfilteredResultCount`). On 10,000 entries, turning a common word's thousands of
 * results into JavaScript objects costs far more than finding them, so every check that only needs a count uses
 * this.
 */
export const COUNT_ONLY: PagefindSearchOptions = { filters: { count_only: { any: ['none'] } } };

/** How many pages the words find, without building their results. */
async function countOnly(pagefind: PagefindApi, term: string): Promise<number> {
  return (await pagefind.search(term, COUNT_ONLY)).unfilteredResultCount;
}

/** The searched term: null (all entries) when there are no words, for browsing by filters alone. */
export function termOf(q: string): string | null {
  return q.trim() === '' ? null : q.trim();
}

/** The distinct words of a query as typed (quotes dropped), with their normalized forms. */
export type QueryWord = { raw: string; word: string };

function queryWords(q: string): QueryWord[] {
  const seen = new Set<string>();
  const out: QueryWord[] = [];
  for (const raw of q.replace(/["“”]/gu, ' ').split(/\s+/u)) {
    const [word] = words(raw);
    if (!word || seen.has(word)) continue;
    seen.add(word);
    out.push({ raw, word });
  }
  return out;
}

/**
 * "re trafficking" → "retrafficking", "counter trafficking" → "countertrafficking": a prefix typed apart is joined to
 * the next word when the index has the joined word (an exact search says so), because Pagefind would otherwise
 * search "re" and "trafficking" anywhere in a page.
 */
export async function joinCompounds(q: string, pagefind: PagefindApi): Promise<string> {
  const parts = q.split(/(\s+)/u);
  for (let i = 0; i + 2 < parts.length; i += 2) {
    const prefix = words(parts[i]!)[0];
    const next = words(parts[i + 2]!)[0];
    if (!prefix || !next || !COMPOUND_PREFIXES.has(prefix) || !/^\p{L}{3,}$/u.test(next)) continue;
    if (/["“”]/u.test(parts[i]! + parts[i + 2]!)) continue;
    const joined = prefix + next;
    if ((await countOnly(pagefind, `"${joined}"`)) === 0) continue;
    parts.splice(i, 3, joined);
  }
  return parts.join('');
}

/**
 * Results that contain the words as a phrase come first (in their order), then the rest: Pagefind ranks words
 * wherever they are in a page, so "human smuggling" would otherwise rank every page with "human" somewhere and
 * "smuggling" elsewhere alongside the one that says "human smuggling". One exact search, on chunks already loaded.
 */
export async function phrasesFirst(
  q: string,
  results: PagefindResult[],
  pagefind: PagefindApi,
  options: PagefindSearchOptions,
  phraseSearch?: Promise<PagefindSearch | undefined>,
): Promise<PagefindResult[]> {
  const phrase = await (phraseSearch ?? searchPhrase(q, pagefind, options));
  if (!phrase || results.length < 2) return results;
  if (phrase.results.length === 0 || phrase.results.length >= results.length) return results;
  const inPhrase = new Set(phrase.results.map((r) => r.id));
  return [...results.filter((r) => inPhrase.has(r.id)), ...results.filter((r) => !inPhrase.has(r.id))];
}

/** The exact-phrase search for a query of several words (undefined for one word or a quoted query). */
function searchPhrase(q: string, pagefind: PagefindApi, options: PagefindSearchOptions): Promise<PagefindSearch | undefined> {
  if (words(q).length < 2 || /["“”]/u.test(q)) return Promise.resolve(undefined);
  return pagefind.search(`"${q}"`, options);
}

/**
 * Searches a planned query (text.ts planQuery): the long words through Pagefind (prefix matching), each short word
 * as a whole word (an exact search), kept only where both agree. Filter counts come from the long words' search.
 */
async function searchPlan(plan: QueryPlan, pagefind: PagefindApi, options: PagefindSearchOptions): Promise<PagefindSearch> {
  if (plan.exact.length === 0) return pagefind.search(termOf(plan.term), options);
  const [first, ...rest] = plan.term ? [plan.term, ...plan.exact.map((w) => `"${w}"`)] : plan.exact.map((w) => `"${w}"`);
  const [main, ...others] = await Promise.all([first!, ...rest].map((term) => pagefind.search(term, options)));
  if (others.length === 0) return main!;
  const keep = others.map((search) => new Set(search.results.map((r) => r.id)));
  const results = main!.results.filter((r) => keep.every((ids) => ids.has(r.id)));
  const unfiltered = options.filters
    ? Math.min(main!.unfilteredResultCount, ...others.map((o) => o.unfilteredResultCount))
    : results.length;
  return { ...main!, results, unfilteredResultCount: unfiltered };
}

export async function runSearch(state: SearchState, deps: EngineDeps): Promise<Outcome> {
  const { pagefind } = deps;
  const typed = state.q.trim();
  const sort: SortKey = typed === '' && state.sort === 'relevance' ? 'year' : state.sort;
  const options = searchOptions(state, sort);
  const joined = typed === '' ? '' : await joinCompounds(typed, pagefind);
  const plan = planQuery(joined);
  // What is searched: the query without its stop words ("what counts as … in smuggling" → "counts … smuggling").
  const q = [plan.term, ...plan.exact].filter(Boolean).join(' ');
  // The phrase search runs beside the main one, not after it (on the words as typed: a phrase keeps its "of").
  const phrase = sort === 'relevance' && q !== '' ? searchPhrase(joined, pagefind, options) : Promise.resolve(undefined);
  const first = await searchPlan(plan, pagefind, options);
  const outcome: Outcome = {
    state,
    sort,
    term: q,
    results: first.results,
    unfilteredCount: q === '' ? first.results.length : first.unfilteredResultCount,
    filters: first.filters,
    totalFilters: first.totalFilters,
  };
  if (plan.dropped.length) outcome.dropped = plan.dropped;
  if (q === '') return outcome;
  outcome.results = await phrasesFirst(q, outcome.results, pagefind, options, phrase);
  if (deps.quick) {
    outcome.unchecked = true;
    return outcome;
  }

  // Words the index has nothing for. Pagefind 1.5 quietly leaves such a word out of a longer query ("forced labuor"
  // is searched as "forced"), and may match a short word the query word starts with ("kittens" finds "kit"), so
  // each word is checked on its own with an exact search (quoted: whole word or its stem, no prefixes), whose index
  // chunks the query has already loaded.
  const list = queryWords(q);
  const checked = list.filter((w) => isSpellable(w.word));
  const exact = await Promise.all(checked.map((w) => countOnly(pagefind, `"${w.word}"`)));
  const unknown = checked.filter((_, i) => exact[i] === 0);
  if (unknown.length > 0 && unknown.length === list.length) {
    // No word of the query is in the index: whatever Pagefind returned are near misses ("kit" for "kittens").
    outcome.results = [];
    outcome.unfilteredCount = 0;
    outcome.filters = {};
    outcome.totalFilters = {};
  }
  // What follows (a spelling suggestion for an unknown word; for several words that find little, the publications
  // with most of them and what each finds alone) has its code loaded only then, not with the page.
  const few = outcome.results.length < FEW && plan.words.length > 1;
  const none = outcome.results.length === 0 && list.length > 1;
  if (unknown.length === 0 && !few && !none) return outcome;
  const { explainFew } = await import('./fallbacks');
  return explainFew(outcome, { deps, plan, q, typed, sort, options, list, unknown });
}
