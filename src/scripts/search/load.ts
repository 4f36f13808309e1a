import type { FilterCounts, PagefindApi } from '../../lib/search/pagefind-types';
import { RANKING } from '../../lib/search/ranking';
import { parseShardManifest, SHARD_FILTER, SHARD_MANIFEST_FILE, shardedPagefind, type ShardManifest } from '../../lib/search/shards';
import { makeVocabulary, type Vocabulary } from '../../lib/search/spelling';
import { parseVocabulary, VOCABULARY_PATH } from '../../lib/search/vocabulary';

/**
 * Loads Pagefind the first time it is needed (the search page once it has loaded, see app.ts), never on pages
 * that do not search. Its index chunks then load per query. Pagefind runs in its web worker (41 KB more than
 * `noWorker`): on 10,000 entries a common word's search takes it 60–400 ms, which on the main thread would freeze
 * the box while the reader types.
 *
 * The filter chunks load only when the reader opens the filters (`loadFilters`): on 10,000 entries they weigh
 * about as much as the rest of a first query together, and most searches never use them. Pagefind counts filter
 * values only once their chunks are loaded, so loading them forgets the searches remembered so far.
 *
 * Searches are remembered (the last few dozen, by words and options): the page asks again for what it already
 * asked while the reader typed (the full check when typing pauses, filter counts), and on 10,000 entries a common
 * word's search is the expensive part.
 *
 * A large catalogue's index comes in shards (src/lib/search/shards.ts), listed in /pagefind/shards.json: the first
 * is loaded as usual and the others merged into it; they share Pagefind's worker and its WebAssembly.
 */
export interface LoadedPagefind {
  pagefind: PagefindApi;
  /** Loads every filter chunk (once) and gives each filter value's number of publications in the catalogue. */
  loadFilters: () => Promise<FilterCounts>;
}

let pagefind: Promise<LoadedPagefind> | undefined;
const REMEMBERED = 40;

function remembering(api: PagefindApi, cache: Map<string, ReturnType<PagefindApi['search']>>): PagefindApi {
  return {
    options: (options) => api.options(options),
    filters: () => api.filters(),
    preload: (term, options) => api.preload?.(term, options) ?? Promise.resolve(),
    search: (term, options) => {
      const key = JSON.stringify([term, options ?? {}]);
      let found = cache.get(key);
      if (found) {
        cache.delete(key); // most recent last
      } else {
        found = api.search(term, options);
        found.catch(() => cache.delete(key));
      }
      cache.set(key, found);
      if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value!);
      return found;
    },
  };
}

/** Whether Pagefind has been asked for (so showing the catalogue's filter totals costs nothing more). */
export function pagefindRequested(): boolean {
  return pagefind !== undefined;
}

export function loadPagefind(): Promise<LoadedPagefind> {
  pagefind ??= (async () => {
    const path = '/pagefind/pagefind.js';
    const [api, { shards }] = await Promise.all([import(/* @vite-ignore */ path) as Promise<PagefindApi>, loadShardManifest()]);
    const shardOptions = (i: number) => ({
      ranking: RANKING,
      excerptLength: 26,
      ...(shards.length > 1 ? { mergeFilter: { [SHARD_FILTER]: String(i) } } : {}),
    });
    await api.options(shardOptions(0));
    await api.init?.();
    await Promise.all(shards.slice(1).map((shard, i) => api.mergeIndex!(`/${shard.dir}`, shardOptions(i + 1))));
    const sharded = shardedPagefind(api, shards);
    const cache = new Map<string, ReturnType<PagefindApi['search']>>();
    let totals: Promise<FilterCounts> | undefined;
    const loadFilters = () =>
      (totals ??= sharded.filters().then((counts) => {
        cache.clear();
        return counts;
      }));
    return { pagefind: remembering(sharded, cache), loadFilters };
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The shards of the index; one at /pagefind/ when the list is missing (an index built before shards existed). */
async function loadShardManifest(): Promise<ShardManifest> {
  try {
    const response = await fetch(`/${SHARD_MANIFEST_FILE}`);
    return parseShardManifest(response.ok ? await response.json() : undefined);
  } catch {
    return parseShardManifest(undefined);
  }
}

/** The spelling vocabulary: fetched once, and only when a query finds nothing. */
let vocabulary: Promise<Vocabulary | undefined> | undefined;

export function loadVocabulary(): Promise<Vocabulary | undefined> {
  vocabulary ??= fetch(VOCABULARY_PATH)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((json) => makeVocabulary(parseVocabulary(json)))
    .catch(() => {
      vocabulary = undefined;
      return undefined;
    });
  return vocabulary;
}
