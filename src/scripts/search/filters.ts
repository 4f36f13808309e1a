import { runSearch, type Outcome } from '../../lib/search/engine';
import { filterCounts } from '../../lib/search/filter-counts';
import type { FilterCounts, PagefindApi } from '../../lib/search/pagefind-types';
import { FILTER_KEYS, type FilterKey, type SearchState } from '../../lib/search/state';
import { loadVocabulary } from './load';
import { el } from './render';

/**
 * The filter panel's values and counts. Loaded with the panel's data (Pagefind's filter chunks), when the reader
 * reaches for the filters (see app.ts refreshFilters): a search that never uses them downloads neither.
 */

export type PanelCounts = Record<FilterKey, Record<string, number>>;

/**
 * Each filter value's count for the search on screen (`outcome`), or the catalogue's totals when there is none;
 * undefined when `current()` says a newer search has started meanwhile.
 */
export async function panelCounts(
  outcome: Outcome | undefined,
  pagefind: PagefindApi,
  totals: FilterCounts,
  current: () => boolean,
): Promise<PanelCounts | undefined> {
  if (!outcome) return Object.fromEntries(FILTER_KEYS.map((key) => [key, { ...(totals[key] ?? {}) }])) as PanelCounts;
  // Counted by a search made now that the filter chunks are loaded (usually answered from the cache).
  const fresh = await runSearch(outcome.state, { pagefind, vocabulary: loadVocabulary, quick: true });
  if (!current()) return undefined;
  return filterCounts({ ...fresh, term: outcome.term }, pagefind, totals);
}

/** Every filter's list of values, ticked as in `selected`; `expanded` filters show all their values. */
export function renderPanel(
  fieldsets: ReadonlyMap<FilterKey, HTMLFieldSetElement>,
  counts: PanelCounts,
  selected: SearchState['filters'],
  expanded: ReadonlySet<FilterKey>,
): void {
  for (const [key, fieldset] of fieldsets) {
    renderFilterGroup(fieldset, key, filterValues(key, counts[key] ?? {}, selected[key]), expanded.has(key));
  }
}

export interface FilterValueView {
  value: string;
  count: number;
  selected: boolean;
}

/** How many values a filter shows before "Show all". */
export const FILTER_VALUES_SHOWN = 6;

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Values to list: those some result has, and every ticked one. Years newest first; others most results first. */
export function filterValues(key: FilterKey, counts: Record<string, number>, selected: readonly string[]): FilterValueView[] {
  const values = new Map<string, FilterValueView>();
  for (const [value, count] of Object.entries(counts)) {
    if (count > 0) values.set(value, { value, count, selected: selected.includes(value) });
  }
  for (const value of selected) if (!values.has(value)) values.set(value, { value, count: counts[value] ?? 0, selected: true });
  const list = [...values.values()];
  if (key === 'year') {
    const rank = (v: string) => (/^\d+$/.test(v) ? Number(v) : -Infinity);
    list.sort((a, b) => rank(b.value) - rank(a.value) || nameCollator.compare(a.value, b.value));
  } else {
    list.sort((a, b) => b.count - a.count || nameCollator.compare(a.value, b.value));
  }
  return list;
}

/** The values shown when a filter is folded: the first few, and any ticked one further down. */
export function foldedValues(list: readonly FilterValueView[], expanded: boolean): FilterValueView[] {
  if (expanded || list.length <= FILTER_VALUES_SHOWN + 1) return [...list];
  return list.filter((view, index) => index < FILTER_VALUES_SHOWN || view.selected);
}

export function renderFilterGroup(
  fieldset: HTMLFieldSetElement,
  key: FilterKey,
  list: readonly FilterValueView[],
  expanded: boolean,
): void {
  const ul = fieldset.querySelector<HTMLUListElement>('.filter-values') ?? fieldset.appendChild(el('ul', { className: 'filter-values' }));
  ul.setAttribute('role', 'list');
  let more = fieldset.querySelector<HTMLButtonElement>('.filter-more');
  if (!more) {
    more = fieldset.appendChild(el('button', { className: 'filter-more link-button' }));
    more.type = 'button';
  }
  const active = document.activeElement;
  const focusedValue =
    active instanceof HTMLInputElement && ul.contains(active) ? active.value : undefined;
  const shown = foldedValues(list, expanded);
  const items = shown.map((view) => {
    const box = el('input');
    box.type = 'checkbox';
    box.name = key;
    box.value = view.value;
    box.checked = view.selected;
    box.setAttribute('form', 'search-form');
    const label = el(
      'label',
      {},
      box,
      ' ',
      el('bdi', { className: 'filter-name', text: view.value }),
      ' ',
      el('span', { className: 'filter-count', text: `(${view.count.toLocaleString('en')})` }),
    );
    return el('li', {}, label);
  });
  ul.replaceChildren(...items);
  if (focusedValue !== undefined) {
    for (const box of ul.querySelectorAll<HTMLInputElement>('input')) if (box.value === focusedValue) box.focus();
  }
  fieldset.hidden = list.length === 0;
  const plural = fieldset.dataset.filterPlural ?? 'values';
  const hiddenCount = list.length - shown.length;
  more.hidden = !expanded && hiddenCount === 0;
  more.setAttribute('aria-expanded', String(expanded));
  more.textContent = expanded ? `Show fewer ${plural}` : `Show all ${list.length.toLocaleString('en')} ${plural}`;
}
