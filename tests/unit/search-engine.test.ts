import { describe, expect, it } from 'vitest';
import { COUNT_ONLY, joinCompounds, phrasesFirst, runSearch, undatedLast } from '../../src/lib/search/engine';
import { filterCounts } from '../../src/lib/search/filter-counts';
import type {
  FilterCounts,
  PagefindApi,
  PagefindResult,
  PagefindSearch,
  PagefindSearchOptions,
} from '../../src/lib/search/pagefind-types';
import { makeVocabulary } from '../../src/lib/search/spelling';
import {
  FILTER_KEYS,
  emptyFilters,
  emptyYears,
  DOCUMENT_PARAM,
  isEmptySearch,
  pagefindFilters,
  pagefindSort,
  parseState,
  stateToQueryString,
  type SearchState,
  UNDATED_VALUE,
  yearValues,
} from '../../src/lib/search/state';
import { FACET_KEYS, UNDATED } from '../../src/lib/facets';
import { DOCUMENT_FILTER } from '../../src/lib/documents/records';
import { planQuery } from '../../src/lib/search/text';

/**
 * A small stand-in for Pagefind 1.5 with the behaviours the engine must cope with (measured on the real bundle,
 * see src/lib/search/engine.ts): words AND-ed and matched by prefix; a word the index lacks is dropped from a longer
 * query; a quoted query is exact; filters take { any: [...] }; sorting drops pages without the key; filter counts.
 */
interface FakePage {
  id: string;
  text: string;
  filters: Record<string, string[]>;
  year?: number;
}

function fakePagefind(pages: FakePage[]): PagefindApi & { searches: string[] } {
  const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).filter(Boolean);
  const index = pages.map((p) => ({ ...p, words: words(p.text) }));
  const known = (w: string) => index.some((p) => p.words.some((x) => x.startsWith(w)));
  const searches: string[] = [];
  const matches = (page: (typeof index)[number], term: string | null): boolean => {
    if (term === null) return true;
    const exact = /^".*"$/.test(term.trim());
    const list = words(term);
    if (exact) {
      const phrase = list.join(' ');
      return ` ${page.words.join(' ')} `.includes(` ${phrase} `);
    }
    const usable = list.filter(known);
    return usable.length > 0 && usable.every((w) => page.words.some((x) => x.startsWith(w)));
  };
  const passes = (page: FakePage, filters: PagefindSearchOptions['filters'] = {}) =>
    Object.entries(filters).every(([key, value]) => {
      const any = (value as { any: string[] }).any;
      return any.some((v) => page.filters[key]?.includes(v));
    });
  const counts = (list: FakePage[]): FilterCounts => {
    const out: FilterCounts = {};
    for (const page of pages) for (const key of Object.keys(page.filters)) out[key] ??= {};
    for (const page of pages) for (const [key, values] of Object.entries(page.filters)) for (const v of values) out[key]![v] ??= 0;
    for (const page of list) for (const [key, values] of Object.entries(page.filters)) for (const v of values) out[key]![v]! += 1;
    return out;
  };
  const result = (page: FakePage, score: number): PagefindResult => ({
    id: page.id,
    score,
    data: async () => ({ url: `/publications/${page.id}/`, excerpt: page.text, meta: { title: page.id }, sub_results: [] }),
  });
  return {
    searches,
    options: async () => undefined,
    filters: async () => counts(pages),
    search: async (term, options = {}): Promise<PagefindSearch> => {
      searches.push(term ?? '(null)');
      const unfiltered = index.filter((p) => matches(p, term));
      let found = unfiltered.filter((p) => passes(p, options.filters));
      if (options.sort) found = found.filter((p) => p.year !== undefined).sort((a, b) => b.year! - a.year!);
      return {
        results: found.map((p, i) => result(p, 10 - i)),
        unfilteredResultCount: unfiltered.length,
        filters: counts(found),
        totalFilters: counts(unfiltered),
      };
    },
  };
}

const PAGES: FakePage[] = [
  { id: 'labour', text: 'Forced labour in fishing in Thailand', filters: { country: ['Thailand'], category: ['Report'] }, year: 2019 },
  { id: 'smuggling', text: 'Human smuggling by sea', filters: { country: ['Italy'], category: ['Report'] }, year: 2015 },
  { id: 'migrants', text: 'Smuggling of migrants and human rights', filters: { country: ['Italy', 'Libya'], category: ['Study'] }, year: 2018 },
  { id: 'retrafficking', text: 'Re-trafficking retrafficking of returnees', filters: { country: ['Nepal'], category: ['Study'] } },
];
const VOCABULARY = makeVocabulary(['labour', 'forced', 'fishing', 'thailand', 'smuggling', 'migrants', 'human', 'returnees', 'retrafficking']);
const state = (q: string, filters: Partial<SearchState['filters']> = {}, sort: SearchState['sort'] = 'relevance'): SearchState => ({
  q,
  filters: { ...emptyFilters(), ...filters },
  years: emptyYears(),
  sort,
});
const ids = (results: PagefindResult[]) => results.map((r) => r.id);

describe('search state in the URL', () => {
  it('uses the browse pages’ facet keys, in their order', () => {
    expect([...FILTER_KEYS]).toEqual([...FACET_KEYS]);
  });

  it('reads and writes q, repeated filter values and sort, and round-trips', () => {
    const parsed = parseState('?q=forced+labour&country=Jordan&country=Lebanon&region=South-Eastern+Europe%2C+Eastern+Europe+and+Central+Asia&sort=year');
    expect(parsed.q).toBe('forced labour');
    expect(parsed.filters.country).toEqual(['Jordan', 'Lebanon']);
    expect(parsed.filters.region).toEqual(['South-Eastern Europe, Eastern Europe and Central Asia']);
    expect(parsed.sort).toBe('year');
    expect(parseState(stateToQueryString(parsed))).toEqual(parsed);
    expect(stateToQueryString(parseState(''))).toBe('');
    expect(parseState('?sort=sideways&q=').sort).toBe('relevance');
    expect(isEmptySearch(parseState('?q=+'))).toBe(true);
    expect(parseState(`?q=${'x'.repeat(1000)}`).q).toHaveLength(300);
  });

  it('keeps "search inside this document" (`document`) through a round trip, and drops a value that is no slug', () => {
    expect(DOCUMENT_PARAM).toBe(DOCUMENT_FILTER);
    const parsed = parseState('?document=labour-inspection-checklist&q=%22identity+documents%22&country=Jordan');
    expect(parsed.document).toBe('labour-inspection-checklist');
    expect(stateToQueryString(parsed)).toBe('?q=%22identity+documents%22&document=labour-inspection-checklist&country=Jordan');
    expect(parseState(stateToQueryString(parsed))).toEqual(parsed);
    // A changed query keeps it; removing it leaves the rest of the address.
    expect(stateToQueryString({ ...parsed, q: 'indicator' })).toContain('document=labour-inspection-checklist');
    const { document: _removed, ...rest } = parsed;
    expect(stateToQueryString(rest)).toBe('?q=%22identity+documents%22&country=Jordan');
    expect(parseState('?document=..%2Fetc&q=x').document).toBeUndefined();
    expect(parseState('?document=Labour%20Inspection').document).toBeUndefined();
    // It narrows no catalogue search: without words the search is empty.
    expect(isEmptySearch(parseState('?document=labour-inspection-checklist'))).toBe(true);
    expect(pagefindFilters(parsed)).toEqual({ country: { any: ['Jordan'] } });
  });

  it('asks Pagefind for any of a filter’s values, and for sort keys every page has', () => {
    const filters = { ...emptyFilters(), country: ['Jordan', 'Lebanon'], year: ['2019'] };
    expect(pagefindFilters({ filters, years: emptyYears() })).toEqual({ country: { any: ['Jordan', 'Lebanon'] }, year: { any: ['2019'] } });
    expect(pagefindFilters({ filters, years: emptyYears() }, 'country')).toEqual({ year: { any: ['2019'] } });
    expect(pagefindSort('relevance')).toBeUndefined();
    expect(pagefindSort('year')).toEqual({ year: 'desc' });
    expect(pagefindSort('year-asc')).toEqual({ year: 'asc' });
  });
});

describe('a year range in the URL', () => {
  it('reads from, to and undated, swaps a reversed range, ignores what is not a year, and round-trips', () => {
    const parsed = parseState('?country=Nigeria&from=2015&undated=include');
    expect(parsed.years).toEqual({ from: 2015, to: undefined, undated: true });
    expect(stateToQueryString(parsed)).toBe('?country=Nigeria&from=2015&undated=include');
    expect(parseState(stateToQueryString(parsed))).toEqual(parsed);
    expect(parseState('?from=2020&to=2015').years).toMatchObject({ from: 2015, to: 2020 });
    expect(parseState('?from=soon&to=15').years).toMatchObject({ from: undefined, to: undefined });
    // "undated" alone is not a range.
    expect(stateToQueryString(parseState('?undated=include'))).toBe('');
    expect(isEmptySearch(parseState('?to=2000'))).toBe(false);
  });

  it('becomes the year values of the range, undated ones only when asked, narrowed by ticked years', () => {
    const years = (query: string) => yearValues(parseState(query), 2026);
    expect(years('?from=2024')).toEqual(['2024', '2025', '2026', '2027']);
    expect(years('?from=2024&undated=include')).toEqual(['2024', '2025', '2026', '2027', 'Undated']);
    expect(years('?to=1901')).toEqual(['1900', '1901']);
    expect(years('?year=2010&year=2020&from=2015')).toEqual(['2020']);
    expect(years('?year=2010&from=2015')).toEqual([]);
    expect(years('?year=2010')).toEqual(['2010']);
    expect(years('')).toBeUndefined();
    expect(pagefindFilters(parseState('?year=2010&from=2015'))).toEqual({ year: { any: ['none'] } });
    expect(UNDATED_VALUE).toBe(UNDATED);
  });
});

describe('planning a query', () => {
  it('leaves out stop words, keeps acronyms in capitals, and searches short words whole', () => {
    expect(planQuery('what counts as financial or other material benefit in smuggling')).toEqual({
      term: 'counts financial material benefit smuggling',
      exact: [],
      words: ['counts', 'financial', 'material', 'benefit', 'smuggling'],
      dropped: ['what', 'as', 'or', 'other', 'in'],
    });
    expect(planQuery('UN women in Nepal')).toMatchObject({ term: 'women Nepal', exact: ['UN'], dropped: ['in'] });
    expect(planQuery('US visa').exact).toEqual(['US']);
    expect(planQuery('us visa').dropped).toEqual(['us']);
    // Nothing but stop words, or a phrase: as typed.
    expect(planQuery('who')).toMatchObject({ term: 'who', exact: [], dropped: [] });
    expect(planQuery('"trafficking in persons"')).toMatchObject({ term: '"trafficking in persons"', dropped: [] });
  });
});

describe('one search', () => {
  it('finds, and says nothing more when the words are known', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('forced labour'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(ids(outcome.results)).toEqual(['labour']);
    expect(outcome.corrected).toBeUndefined();
    expect(outcome.ignored).toBeUndefined();
  });

  it('corrects a misspelt word when the query finds nothing', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('smugling'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.corrected).toEqual({ from: 'smugling', to: 'smuggling' });
    expect(ids(outcome.results).sort()).toEqual(['migrants', 'smuggling']);
  });

  it('corrects a misspelt word that Pagefind would silently drop from a longer query', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('forced labuor'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.corrected?.to).toBe('forced labour');
    expect(ids(outcome.results)).toEqual(['labour']);
  });

  it('says which word it could not find when there is no close spelling', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('smuggling qqzzx'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.ignored).toEqual(['qqzzx']);
    expect(outcome.results.length).toBe(2);
  });

  it('while typing, searches quickly: no spelling checks until typing pauses', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('forced labuo'), { pagefind, vocabulary: async () => VOCABULARY, quick: true });
    expect(outcome.unchecked).toBe(true);
    expect(outcome.corrected).toBeUndefined();
    expect(pagefind.searches.filter((s) => s.startsWith('"'))).toEqual(['"forced labuo"']); // the phrase only
  });

  it('checks words with count-only searches (a filter no page has), not by building their results', async () => {
    const pagefind = fakePagefind(PAGES);
    const calls: Array<[string | null, unknown]> = [];
    const search = pagefind.search;
    pagefind.search = (term, options) => {
      calls.push([term, options]);
      return search(term, options);
    };
    await runSearch(state('forced labour'), { pagefind, vocabulary: async () => VOCABULARY });
    const checks = calls.filter(([term]) => term === '"forced"' || term === '"labour"');
    expect(checks).toHaveLength(2);
    for (const [, options] of checks) expect(options).toEqual(COUNT_ONLY);
  });

  it('with filters that exclude everything, reports what the words find without them', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('smuggling', { country: ['Nepal'] }), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.results).toEqual([]);
    expect(outcome.unfilteredCount).toBe(2);
    expect(outcome.corrected).toBeUndefined();
  });

  it('with words that never meet, says what each finds alone', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('thailand returnees'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.results).toEqual([]);
    expect(outcome.wordCounts).toEqual([
      { word: 'thailand', count: 1 },
      { word: 'returnees', count: 1 },
    ]);
  });

  it('when no publication has all the words, ranks those with most of them and says so; stop words never count', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('what about human smuggling at sea and rights'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.dropped).toEqual(['what', 'about', 'at', 'and']);
    expect(outcome.partial).toEqual({ of: 4, complete: 0 });
    expect(outcome.results.map((r) => [r.id, r.matched])).toEqual([
      ['smuggling', 3],
      ['migrants', 3],
    ]);
    // Two words that never meet: no "most of them" (one of two is not most); what each finds alone instead.
    const two = await runSearch(state('thailand returnees'), { pagefind, vocabulary: async () => VOCABULARY });
    expect(two.partial).toBeUndefined();
  });

  it('lists by filters alone, newest first, keeping pages that have the sort key', async () => {
    const pagefind = fakePagefind(PAGES);
    const outcome = await runSearch(state('', { country: ['Italy'] }), { pagefind, vocabulary: async () => VOCABULARY });
    expect(outcome.sort).toBe('year');
    expect(ids(outcome.results)).toEqual(['migrants', 'smuggling']);
  });

  it('joins a prefix typed apart when the index has the joined word', async () => {
    const pagefind = fakePagefind(PAGES);
    await expect(joinCompounds('re trafficking returnees', pagefind)).resolves.toBe('retrafficking returnees');
    await expect(joinCompounds('counter trafficking', pagefind)).resolves.toBe('counter trafficking');
    await expect(joinCompounds('"re trafficking"', pagefind)).resolves.toBe('"re trafficking"');
  });

  it('puts results with the words as a phrase first', async () => {
    const pagefind = fakePagefind([
      { id: 'apart', text: 'human rights and smuggling', filters: {} },
      { id: 'phrase', text: 'on human smuggling', filters: {} },
    ]);
    const found = await pagefind.search('human smuggling');
    expect(ids(found.results)).toEqual(['apart', 'phrase']);
    expect(ids(await phrasesFirst('human smuggling', found.results, pagefind, {}))).toEqual(['phrase', 'apart']);
  });
});

describe('filter counts', () => {
  it('counts a filter’s values as if its own ticks were not there (OR within a filter), others as they are', async () => {
    const pagefind = fakePagefind(PAGES);
    const totals = await pagefind.filters();
    const s = state('smuggling', { country: ['Italy'], category: ['Study'] });
    const outcome = await runSearch(s, { pagefind, vocabulary: async () => VOCABULARY });
    const counts = await filterCounts(outcome, pagefind, totals);
    // Country without its own tick (Study only): migrants (Italy, Libya).
    expect(counts.country).toMatchObject({ Italy: 1, Libya: 1, Thailand: 0, Nepal: 0 });
    // Category without its own tick (Italy only): smuggling (Report) and migrants (Study).
    expect(counts.category).toMatchObject({ Report: 1, Study: 1 });
  });

  it('with a year range, counts years outside it as 0 (ticking one would find nothing)', async () => {
    const pagefind = fakePagefind(PAGES.map((p) => ({ ...p, filters: { ...p.filters, year: [p.year ? String(p.year) : 'Undated'] } })));
    const ranged = { ...state('smuggling'), years: { from: 2016, undated: false } };
    const outcome = await runSearch(ranged, { pagefind, vocabulary: async () => VOCABULARY });
    expect(ids(outcome.results)).toEqual(['migrants']);
    const counts = await filterCounts(outcome, pagefind, await pagefind.filters());
    expect(counts.year).toMatchObject({ '2018': 1, '2015': 0 });
  });

  it('without words or ticks, gives the catalogue’s totals', async () => {
    const pagefind = fakePagefind(PAGES);
    const totals = await pagefind.filters();
    const counts = await filterCounts({ state: state(''), term: '', filters: {}, totalFilters: {} }, pagefind, totals);
    expect(counts.country).toEqual({ Thailand: 1, Italy: 2, Libya: 1, Nepal: 1 });
  });

  it('with ticks in one filter only, needs no extra search', async () => {
    const pagefind = fakePagefind(PAGES);
    const totals = await pagefind.filters();
    const outcome = await runSearch(state('smuggling', { country: ['Italy'] }), { pagefind, vocabulary: async () => VOCABULARY });
    const before = pagefind.searches.length;
    const counts = await filterCounts(outcome, pagefind, totals);
    expect(pagefind.searches.length).toBe(before);
    expect(counts.country).toMatchObject({ Italy: 2, Libya: 1, Thailand: 0 });
    expect(counts.category).toMatchObject({ Report: 1, Study: 1 });
  });
});

describe('oldest first', () => {
  // Pagefind under an ascending sort on `year`: undated records (year 0) first, and, once the year filter's chunk is
  // loaded (any search with a filter on `year`), the count of "Undated" among the results.
  const years = [0, 0, 2002, 2015, 2020];
  function sortingPagefind() {
    const calls: PagefindSearchOptions[] = [];
    const api: PagefindApi = {
      options: async () => undefined,
      filters: async () => ({}),
      search: async (_term, options = {}) => {
        calls.push(options);
        const order = options.sort?.year === 'asc' ? years : [...years].sort((a, b) => b - a);
        const counted = options.filters?.year !== undefined;
        const filters: FilterCounts = counted ? { year: { [UNDATED_VALUE]: 2, '2002': 1, '2015': 1, '2020': 1 } } : {};
        return {
          results: order.map((y, i) => ({ id: `${y}-${i}`, score: 1, data: async () => ({ url: '', excerpt: '', meta: {}, sub_results: [] }) })),
          unfilteredResultCount: years.length,
          filters,
          totalFilters: {},
        };
      },
    };
    return { api, calls };
  }

  it('moves the undated records from the front to the end, counting them with a year filter that keeps every record', async () => {
    const { api, calls } = sortingPagefind();
    const found = await undatedLast(api).search('x', { sort: { year: 'asc' }, filters: { region: { any: ['Africa'] } } });
    expect(found.results.map((r) => r.id)).toEqual(['2002-2', '2015-3', '2020-4', '0-0', '0-1']);
    expect(calls[0]!.filters).toEqual({ region: { any: ['Africa'] }, year: { none: ['none'] } });
  });

  it('keeps the reader’s own year filter, and leaves newest first and relevance alone', async () => {
    const { api, calls } = sortingPagefind();
    const wrapped = undatedLast(api);
    await wrapped.search('x', { sort: { year: 'asc' }, filters: { year: { any: ['2002', UNDATED_VALUE] } } });
    expect(calls[0]!.filters).toEqual({ year: { any: ['2002', UNDATED_VALUE] } });
    const newest = await wrapped.search('x', { sort: { year: 'desc' } });
    expect(newest.results.map((r) => r.id)).toEqual(['2020-0', '2015-1', '2002-2', '0-3', '0-4']);
    await wrapped.search('x', {});
    expect(calls.slice(1).map((c) => c.filters)).toEqual([undefined, undefined]);
  });
});
