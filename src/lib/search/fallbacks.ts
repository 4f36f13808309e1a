import { FEW, phrasesFirst, type EngineDeps, type Outcome, type QueryWord, type RankedResult } from './engine';
import type { PagefindApi, PagefindResult, PagefindSearchOptions } from './pagefind-types';
import type { SortKey } from './state';
import type { QueryPlan } from './text';

/**
 * The rest of a full search (engine.ts runSearch) when its words find little: the closest spelling of a word the
 * index lacks, the publications that have most of the words, what each word finds alone. Apart from engine.ts so
 * that its code loads only for such a search, not with the search page.
 */
export interface FewContext {
  deps: EngineDeps;
  plan: QueryPlan;
  /** The words searched (stop words left out), and the query as typed. */
  q: string;
  typed: string;
  sort: SortKey;
  options: PagefindSearchOptions;
  list: QueryWord[];
  /** Words of the query the index has nothing for. */
  unknown: QueryWord[];
}

export async function explainFew(outcome: Outcome, context: FewContext): Promise<Outcome> {
  const { deps, plan, q, typed, sort, options, list, unknown } = context;
  const { pagefind } = deps;
  if (unknown.length > 0) {
    // The spelling code loads with the vocabulary, only for a word the index lacks (not with the page).
    const [vocabulary, { suggestQuery }] = await Promise.all([deps.vocabulary().catch(() => undefined), import('./spelling')]);
    const suggestion = vocabulary ? suggestQuery(q, vocabulary, new Set(unknown.map((w) => w.word))) : undefined;
    if (suggestion) {
      const second = await pagefind.search(suggestion.query, options);
      if (second.results.length > 0) {
        return {
          ...outcome,
          term: suggestion.query,
          results:
            sort === 'relevance' ? await phrasesFirst(suggestion.query, second.results, pagefind, options) : second.results,
          unfilteredCount: second.unfilteredResultCount,
          filters: second.filters,
          totalFilters: second.totalFilters,
          corrected: { from: typed, to: suggestion.query },
        };
      }
      if (second.unfilteredResultCount > 0) {
        outcome.suggestion = { query: suggestion.query, count: second.unfilteredResultCount };
      }
    }
    if (outcome.results.length > 0) outcome.ignored = unknown.map((w) => w.raw);
  }

  // All the words together found few or none: add the publications with most of them, and say so.
  if (outcome.results.length < FEW && plan.words.length > 1 && !/["“”]/u.test(q)) {
    const partial = await partialMatches(plan, pagefind, options);
    const complete = new Set(outcome.results.map((r) => r.id));
    const more = partial.filter((r) => !complete.has(r.id) && (r.matched ?? 0) < plan.words.length);
    if (more.length > 0) {
      outcome.partial = { of: plan.words.length, complete: outcome.results.length };
      outcome.results = [...outcome.results.map((r) => ({ ...r, matched: plan.words.length })), ...more];
      outcome.ignored = undefined;
      return outcome;
    }
  }
  if (outcome.results.length > 0) return outcome;

  // Several words that each exist but never together (or not with these filters): say what each finds alone.
  if (list.length > 1 && !q.includes('"')) {
    outcome.wordCounts = await Promise.all(
      list.map(async (w) => ({ word: w.raw, count: (await pagefind.search(w.raw, options)).results.length })),
    );
  }
  return outcome;
}

/**
 * Publications with most of the words, for a query whose words together find few or none: each word searched
 * alone (with the filters), then every publication ranked by how many of the words it has, then by its summed
 * score. Only publications with more than half of the words are kept.
 */
async function partialMatches(
  plan: QueryPlan,
  pagefind: PagefindApi,
  options: PagefindSearchOptions,
): Promise<RankedResult[]> {
  const searches = await Promise.all(
    plan.words.map((word) => pagefind.search(plan.exact.includes(word) ? `"${word}"` : word, options)),
  );
  const found = new Map<string, { result: PagefindResult; matched: number; score: number; order: number }>();
  let order = 0;
  for (const search of searches) {
    for (const result of search.results) {
      const seen = found.get(result.id);
      if (seen) {
        seen.matched += 1;
        seen.score += result.score;
      } else {
        found.set(result.id, { result, matched: 1, score: result.score, order: order++ });
      }
    }
  }
  // "Most of the words": more than half of them, so at least two (one word alone is what "each word alone finds" says).
  const least = Math.floor(plan.words.length / 2) + 1;
  return [...found.values()]
    .filter((f) => f.matched >= least)
    .sort((a, b) => b.matched - a.matched || b.score - a.score || a.order - b.order)
    .map((f) => ({ ...f.result, matched: f.matched }));
}
