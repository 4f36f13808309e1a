import type { Outcome } from '../../lib/search/engine';
import { emptyYears, FILTER_KEYS, hasFilters, hasYearRange, parseState, stateToQueryString, type FilterKey, type SearchState } from '../../lib/search/state';
import { el, plural, unquoted } from './render';

/**
 * What a search says beside its results: notices above them (words left out, a spelling corrected, publications
 * with most of the words) and the empty state with its ways out. Loaded only for a search that has such a thing to
 * say (see app.ts messagesFor); the links and buttons here are handled by app.ts (onSearchLinks).
 */
export interface MessageContext {
  /** The search on screen, which the links start from. */
  state: SearchState;
  labels: Record<FilterKey, string>;
  /** Searching one document's pages ("Only in"): the empty state speaks of the catalogue's records only. */
  inDocument: boolean;
}

function searchLink(state: SearchState, q: string, text: string, keepFilters: boolean): HTMLAnchorElement {
  const link = el('a', { text });
  const target: SearchState = keepFilters ? { ...state, q } : { ...state, q, filters: parseState('').filters, years: emptyYears() };
  link.href = `${location.pathname}${stateToQueryString(target)}`;
  link.dataset.searchLink = '';
  return link;
}

export function renderNotice(notice: HTMLElement, outcome: Outcome, context: MessageContext): void {
  notice.replaceChildren();
  if (outcome.partial) {
    const { of, complete } = outcome.partial;
    notice.append(
      el(
        'p',
        {},
        complete === 0
          ? `No publication has all ${of} words together. Showing the publications that have most of them, those with the most first.`
          : `Only ${plural(complete, 'publication has', 'publications have')} all ${of} words; after ${complete === 1 ? 'it' : 'them'} come the publications that have most of them, those with the most first.`,
      ),
    );
  }
  if (outcome.dropped?.length && outcome.results.length > 0) {
    const names: Array<Node | string> = [];
    outcome.dropped.forEach((word, i) => {
      if (i) names.push(', ');
      names.push('“', el('bdi', { text: word }), '”');
    });
    notice.append(el('p', { className: 'muted' }, 'Common words left out of the search: ', ...names, '.'));
  }
  if (outcome.corrected) {
    notice.append(
      el(
        'p',
        {},
        'Nothing matched “',
        el('bdi', { text: outcome.corrected.from }),
        '”. Showing results for “',
        el('strong', {}, el('bdi', { text: outcome.corrected.to })),
        '” instead.',
      ),
    );
  }
  if (outcome.ignored?.length) {
    const names: Array<Node | string> = [];
    outcome.ignored.forEach((word, i) => {
      if (i) names.push(i === outcome.ignored!.length - 1 ? ' and ' : ', ');
      names.push('“', el('bdi', { text: word }), '”');
    });
    notice.append(
      el(
        'p',
        {},
        `No publication contains ${outcome.ignored.length === 1 ? 'the word' : 'the words'} `,
        ...names,
        '; these results are for the other words.',
      ),
    );
    if (outcome.suggestion) {
      notice.append(el('p', {}, 'Did you mean ', searchLink(context.state, outcome.suggestion.query, `“${outcome.suggestion.query}”`, false), '?'));
    }
  }
  notice.hidden = !notice.hasChildNodes();
}

export function renderEmpty(empty: HTMLElement, outcome: Outcome, context: MessageContext): void {
  empty.replaceChildren();
  empty.hidden = outcome.results.length > 0;
  if (outcome.results.length > 0) return;
  const q = outcome.state.q.trim();
  const filtered = hasFilters(outcome.state);
  // Searching one document's pages ("Only in"): the pages are listed in their own section, so this one speaks of
  // the catalogue's records only.
  const { inDocument } = context;
  empty.append(
    el(
      'h3',
      {},
      q ? (inDocument ? 'No publication record matched “' : 'Nothing matched “') : 'Nothing matched these filters',
      ...(q ? [el('bdi', { text: unquoted(q) }), `”${filtered ? ' with these filters' : ''}`] : []),
    ),
  );
  if (outcome.suggestion) {
    empty.append(
      el(
        'p',
        {},
        'Did you mean ',
        searchLink(context.state, outcome.suggestion.query, `“${outcome.suggestion.query}”`, false),
        `? It finds ${plural(outcome.suggestion.count, 'publication', 'publications')}${filtered ? ' without the filters' : ''}.`,
      ),
    );
  }
  if (filtered) {
    if (q && outcome.unfilteredCount > 0) {
      empty.append(
        el(
          'p',
          {},
          searchLink(context.state, q, `Search “${q}” without filters`, false),
          ` (${plural(outcome.unfilteredCount, 'publication', 'publications')}), or remove filters one at a time:`,
        ),
      );
    } else {
      empty.append(el('p', { text: 'Remove filters one at a time:' }));
    }
    empty.append(removeFilterButtons(outcome.state, context.labels));
  }
  const found = outcome.wordCounts?.filter((w) => w.count > 0) ?? [];
  if (found.length) {
    const items = found.map((w) =>
      el('li', {}, searchLink(context.state, w.word, w.word, true), ` (${plural(w.count, 'publication', 'publications')})`),
    );
    empty.append(
      el('p', { text: 'No publication has all of these words together. Each word alone finds:' }),
      el('ul', { className: 'word-counts' }, ...items),
    );
  }
  if (!inDocument && !outcome.suggestion && !found.length && !(filtered && outcome.unfilteredCount > 0)) {
    empty.append(
      el('p', {
        text: 'Check the spelling, try fewer or more general words, or an organisation’s full name instead of its acronym. You can also browse by region, country, year, category, language or author, below.',
      }),
    );
  }
}

/** "Country: Jordan" buttons that each remove one ticked value. */
export function removeFilterButtons(state: SearchState, labels: Record<FilterKey, string>): HTMLUListElement {
  const list = el('ul', { className: 'filter-chips' });
  if (hasYearRange(state.years)) {
    const { from, to, undated } = state.years;
    const range = from !== undefined && to !== undefined ? `${from}–${to}` : from !== undefined ? `from ${from}` : `to ${to}`;
    const button = el(
      'button',
      { className: 'chip' },
      el('span', { className: 'visually-hidden', text: 'Remove filter ' }),
      `Years: ${range}${undated ? ' and undated' : ''}`,
      el('span', { className: 'chip-x', text: ' ×' }),
    );
    button.querySelector('.chip-x')!.setAttribute('aria-hidden', 'true');
    button.type = 'button';
    button.dataset.removeKey = 'years';
    list.append(el('li', {}, button));
  }
  for (const key of FILTER_KEYS) {
    for (const value of state.filters[key]) {
      const button = el(
        'button',
        { className: 'chip' },
        el('span', { className: 'visually-hidden', text: 'Remove filter ' }),
        `${labels[key]}: `,
        el('bdi', { text: value }),
        el('span', { className: 'chip-x', text: ' ×' }),
      );
      button.querySelector('.chip-x')!.setAttribute('aria-hidden', 'true');
      button.type = 'button';
      button.dataset.removeKey = key;
      button.dataset.removeValue = value;
      list.append(el('li', {}, button));
    }
  }
  return list;
}
