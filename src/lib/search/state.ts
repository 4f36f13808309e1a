/**
 * What a search is: a query, the filter values ticked, and the order. It lives in the URL
 * (`/search/?q=forced+labour&region=Worldwide&country=Jordan&country=Lebanon&sort=year`) so a search can be
 * shared, bookmarked and gone back to. Pure, for the browser and for unit tests.
 *
 * Filters are Pagefind filter keys, named as the browse pages name them (src/lib/facets.ts): `region`, `country`,
 * `year`, `category`, `language`, `author`; their values are the human names shown on browse pages. Values of one
 * filter combine with OR (Jordan or Lebanon), different filters with AND (Jordan, and a toolkit).
 */
export const FILTER_KEYS = ['region', 'country', 'year', 'category', 'language', 'author'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
// The same keys, in the same order, as FACET_KEYS in src/lib/facets.ts (tests/unit/search-state.test.ts checks).
// Not imported from there: facets.ts brings the country and language tables, which the browser does not need.

export const SORTS = {
  relevance: 'Relevance',
  year: 'Newest first',
  'year-asc': 'Oldest first',
} as const;
export type SortKey = keyof typeof SORTS;

/**
 * Pagefind sort keys. Pagefind leaves out every page without the key, so every publication has both: undated
 * ones get a year that sorts them last either way (see SearchData.astro).
 */
export const SORT_KEYS = { newest: 'year', oldest: 'year_oldest' } as const;
export const UNDATED_NEWEST_FIRST = '0';
export const UNDATED_OLDEST_FIRST = '9999';

export interface SearchState {
  q: string;
  filters: Record<FilterKey, string[]>;
  sort: SortKey;
}

export function emptyFilters(): Record<FilterKey, string[]> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, []])) as unknown as Record<FilterKey, string[]>;
}

/** The longest query kept from a URL (a query is typed, not pasted books). */
export const MAX_QUERY_LENGTH = 300;

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    filters[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter((v) => v !== ''))];
  }
  const sort = params.get('sort') ?? 'relevance';
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    filters,
    sort: sort in SORTS ? (sort as SortKey) : 'relevance',
  };
}

/** The URL query string of a state, "" for the empty search; keys in a fixed order so equal states compare equal. */
export function stateToQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((key) => state.filters[key].length > 0);
}

export function isEmptySearch(state: SearchState): boolean {
  return state.q.trim() === '' && !hasFilters(state);
}

/** Pagefind's `filters` option: OR within a filter (`any`), AND across filters. */
export function pagefindFilters(
  filters: Record<FilterKey, string[]>,
  except?: FilterKey,
): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    if (key === except || filters[key].length === 0) continue;
    out[key] = { any: filters[key] };
  }
  return out;
}

/** Pagefind's `sort` option for a sort choice (undefined: by relevance). */
export function pagefindSort(sort: SortKey): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'year') return { [SORT_KEYS.newest]: 'desc' };
  if (sort === 'year-asc') return { [SORT_KEYS.oldest]: 'asc' };
  return undefined;
}
