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
 * The one Pagefind sort key. Pagefind leaves out every page without the key, so undated records get 0: newest first
 * lists them last, and oldest first moves them from the front to the end (engine.ts `undatedLast`). One key, not a
 * second one with 9999, because each sort key adds its values for every page to the index metadata that every first
 * query loads (measured at 10,000 entries: 104.3 KB with two keys, 91.4 KB with one).
 */
export const SORT_KEY = 'year';

/**
 * A record's sort value, for its page and for its document's pages alike: the year (0000 when undated), then the
 * slug. Pagefind orders ties by the order it read the pages in, which is the folder's order on disk
 * (build-index.ts): the slug makes the order the same on every machine. The values are compared as text, so the
 * year has four digits; only the order is written to the index, not the values.
 */
export function sortValues(year: number | undefined, slug: string): Record<typeof SORT_KEY, string> {
  return { [SORT_KEY]: `${String(year ?? 0).padStart(4, '0')} ${slug}` };
}

export interface SearchState {
  q: string;
  /**
   * "Search inside this document" (a record page's box): the slug of the one publication whose document pages the
   * "Inside the documents" section keeps, until the reader removes it. The catalogue's results are not narrowed.
   */
  document?: string;
  filters: Record<FilterKey, string[]>;
  /** A range of years (both ends included), part of the address as `from`, `to` and `undated`. */
  years: YearRange;
  sort: SortKey;
}

/**
 * "From 2015 on": `from` and `to` are whole years, either may be open. Undated records (the year filter's value
 * "Undated") are left out of a range unless `undated` is true (`&undated=include`): a reader asking for 2015 on
 * usually means records known to be from then, and can add the undated ones with one tick.
 */
export interface YearRange {
  from?: number;
  to?: number;
  undated: boolean;
}

/** The year filter's value for records without a year (src/lib/facets.ts UNDATED, kept in step by a unit test). */
export const UNDATED_VALUE = 'Undated';
/** The earliest year a range reaches back to when it has no `from`. */
export const EARLIEST_YEAR = 1900;

export function hasYearRange(years: YearRange): boolean {
  return years.from !== undefined || years.to !== undefined;
}

function yearParam(value: string | null): number | undefined {
  if (value === null || !/^\s*\d{4}\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * The year filter values a search keeps: the ticked years, narrowed to the range when there is one (undefined:
 * no constraint on years). An empty list means no record can match.
 */
export function yearValues(state: Pick<SearchState, 'filters' | 'years'>, thisYear = new Date().getFullYear()): string[] | undefined {
  const ticked = state.filters.year;
  if (!hasYearRange(state.years)) return ticked.length ? ticked : undefined;
  const from = state.years.from ?? EARLIEST_YEAR;
  const to = state.years.to ?? thisYear + 1;
  const inRange = (value: string) =>
    value === UNDATED_VALUE ? state.years.undated : /^\d+$/.test(value) && Number(value) >= from && Number(value) <= to;
  if (ticked.length) return ticked.filter(inRange);
  const values: string[] = [];
  for (let year = Math.max(from, EARLIEST_YEAR); year <= to && values.length < 500; year++) values.push(String(year));
  if (state.years.undated) values.push(UNDATED_VALUE);
  return values;
}

export function emptyFilters(): Record<FilterKey, string[]> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, []])) as unknown as Record<FilterKey, string[]>;
}

/**
 * The address parameter of that restriction: the documents index's filter name (DOCUMENT_FILTER in
 * src/lib/documents/records.ts, kept in step by a unit test; not imported, as that module is for the build).
 */
export const DOCUMENT_PARAM = 'document';

/** A publication slug as the record pages have them (anything else in `document` is ignored). */
function documentSlug(value: string | null): string | undefined {
  const slug = value?.trim();
  return slug && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : undefined;
}

/** The longest query kept from a URL (a query is typed, not pasted books). */
const MAX_QUERY_LENGTH = 300;

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) {
    filters[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter((v) => v !== ''))];
  }
  const sort = params.get('sort') ?? 'relevance';
  let from = yearParam(params.get('from'));
  let to = yearParam(params.get('to'));
  // "From 2020 to 2015" means the years between them.
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  const document = documentSlug(params.get(DOCUMENT_PARAM));
  return {
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    ...(document ? { document } : {}),
    filters,
    years: { from, to, undated: params.get('undated') === 'include' },
    sort: sort in SORTS ? (sort as SortKey) : 'relevance',
  };
}

/** The URL query string of a state, "" for the empty search; keys in a fixed order so equal states compare equal. */
export function stateToQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  if (state.document) params.set(DOCUMENT_PARAM, state.document);
  for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
  if (state.years.from !== undefined) params.set('from', String(state.years.from));
  if (state.years.to !== undefined) params.set('to', String(state.years.to));
  if (hasYearRange(state.years) && state.years.undated) params.set('undated', 'include');
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function hasFilters(state: Pick<SearchState, 'filters' | 'years'>): boolean {
  return FILTER_KEYS.some((key) => state.filters[key].length > 0) || hasYearRange(state.years);
}

export function emptyYears(): YearRange {
  return { undated: false };
}

export function isEmptySearch(state: SearchState): boolean {
  return state.q.trim() === '' && !hasFilters(state);
}

/** A year value no record has: a range that excludes every ticked year finds nothing. */
export const NO_YEAR = 'none';

/** Pagefind's `filters` option: OR within a filter (`any`), AND across filters; the year range narrows `year`. */
export function pagefindFilters(
  state: Pick<SearchState, 'filters' | 'years'>,
  except?: FilterKey,
): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    if (key === except) continue;
    const values = key === 'year' ? yearValues(state) : state.filters[key];
    if (values === undefined || (key !== 'year' && values.length === 0)) continue;
    out[key] = { any: values.length ? values : [NO_YEAR] };
  }
  return out;
}

/** Pagefind's `sort` option for a sort choice (undefined: by relevance). */
export function pagefindSort(sort: SortKey): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'year') return { [SORT_KEY]: 'desc' };
  if (sort === 'year-asc') return { [SORT_KEY]: 'asc' };
  return undefined;
}
