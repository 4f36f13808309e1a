import { searchOptions, termOf, type Outcome } from './engine';
import type { FilterCounts, PagefindApi } from './pagefind-types';
import { FILTER_KEYS, hasYearRange, pagefindFilters, yearValues, type FilterKey } from './state';

/**
 * Counts for every filter value (the filter panel's; apart from engine.ts, as its code loads with the panel's
 * data, not with the search page), given the words and the other filters: "if you also tick this". Values of one
 * filter combine with OR, so a filter's own counts leave out its own ticks. They come from the search already
 * made whenever possible (Pagefind counts among the results, `filters`, and among the words' results before any
 * filter, `totalFilters`); only when ticks are spread over two filters or more does a filter need a search of
 * its own. Pagefind counts only filters whose chunks are loaded: the page loads them all (`pagefind.filters()`,
 * which also gives `totals`) before its first search.
 */
export async function filterCounts(
  outcome: Pick<Outcome, 'state' | 'term' | 'filters' | 'totalFilters'>,
  pagefind: PagefindApi,
  totals: FilterCounts,
): Promise<Record<FilterKey, Record<string, number>>> {
  const { state } = outcome;
  const term = termOf(outcome.term);
  const counts = {} as Record<FilterKey, Record<string, number>>;
  await Promise.all(
    FILTER_KEYS.map(async (key) => {
      const others = pagefindFilters(state, key);
      const own = key === 'year' ? yearValues(state) !== undefined : state.filters[key].length > 0;
      if (Object.keys(others).length === 0) {
        // No other filter ticked: the counts before any filter (the catalogue's, without words).
        counts[key] = { ...((term === null ? totals : outcome.totalFilters)[key] ?? {}) };
      } else if (!own) {
        counts[key] = { ...(outcome.filters[key] ?? {}) };
      } else {
        const without = await pagefind.search(term, searchOptions(state, 'relevance', key));
        counts[key] = { ...(without.filters[key] ?? {}) };
      }
    }),
  );
  // Every known value shows, with 0 when no result has it.
  for (const key of FILTER_KEYS) {
    for (const value of Object.keys(totals[key] ?? {})) counts[key][value] ??= 0;
  }
  // A year outside the range finds nothing when ticked (the range narrows the ticks): its count says so.
  if (hasYearRange(state.years)) {
    for (const value of Object.keys(counts.year)) {
      if (yearValues({ filters: { ...state.filters, year: [value] }, years: state.years })?.length === 0) counts.year[value] = 0;
    }
  }
  return counts;
}
