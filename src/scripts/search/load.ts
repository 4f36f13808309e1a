import type {
  FilterCounts,
  PagefindApi,
  PagefindIndexOptions,
  PagefindResult,
  PagefindResultData,
  PagefindSearch,
} from '../../lib/search/pagefind-types';
import { undatedLast } from '../../lib/search/engine';
import { RANKING } from '../../lib/search/ranking';
import { parseShardManifest, SHARD_FILTER, SHARD_MANIFEST_FILE, shardedPagefind, type ShardManifest } from '../../lib/search/shards';
import type { Vocabulary } from '../../lib/search/spelling';
import { parseVocabulary, VOCABULARY_PATH } from '../../lib/search/vocabulary';

/**
 * Loads Pagefind the first time it is needed (the search page once it has loaded, see app.ts), never on pages
 * that do not search. Its index chunks then load per query. Pagefind runs in its web worker (43 KB): on 10,000
 * entries a common word's search takes it 60–400 ms, which on the main thread would freeze the box while the
 * reader types.
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

/**
 * Pagefind's own web worker (`/pagefind/pagefind-worker.js`, which holds the whole search), driven directly
 * rather than through `/pagefind/pagefind.js`: that file (47 KB) is only a client for the worker plus a
 * main-thread copy of the search as a fallback, so skipping it takes 47 KB off every first query (measured on
 * 10,000 entries, `npm run bench`: 47.5 KB of the 385 KiB that the search page and its first query weighed). The messages are those of `pagefind.js` 1.6.0 (pinned in
 * package.json): `{ id, instanceId, method, args }` answered by `{ id, result }` or `{ id, error }`; each result's
 * `data` comes back as an id to ask `getData` with, released (`releaseData`) when the search's results are garbage-collected,
 * as pagefind.js does. If the worker cannot run, the page falls back to pagefind.js on the main thread.
 * Every index (the catalogue's, the documents') is an instance in the one worker.
 */
type Call = (method: string, args: unknown[]) => Promise<unknown>;
let worker: Worker | undefined;
let messages = 0;
const waiting = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function workerCall(instanceId: string): Call {
  return (method, args) => {
    if (!worker) {
      const started = new Worker('/pagefind/pagefind-worker.js');
      started.addEventListener('message', (event: MessageEvent<{ id: string; result?: unknown; error?: string }>) => {
        const { id, result, error } = event.data;
        const call = waiting.get(id);
        waiting.delete(id);
        if (error !== undefined) call?.reject(new Error(error));
        else call?.resolve(result);
      });
      started.addEventListener('error', () => {
        for (const call of waiting.values()) call.reject(new Error('The Pagefind worker failed'));
        waiting.clear();
        worker = undefined;
      });
      worker = started;
    }
    const id = `m${messages++}`;
    const sent = worker;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      sent.postMessage({ id, instanceId, method, args });
    });
  };
}

const released = new FinalizationRegistry<{ call: Call; dataIds: string[] }>(({ call, dataIds }) => {
  for (const dataId of dataIds) call('releaseData', [dataId]).catch(() => undefined);
});

/** An index at `basePath` ("/pagefind/", "/pagefind/documents/"), loaded in the worker with `options`. */
async function workerIndex(basePath: string, options: PagefindIndexOptions): Promise<PagefindApi> {
  const call = workerCall(`index:${basePath}`);
  const language = (document.documentElement.lang || 'unknown').toLowerCase();
  // Answers at once; the index's entry, metadata and WebAssembly load in the worker, and each call waits for them.
  await call('init', [{ ...options, basePath, language, primary: true }]);
  const search: PagefindApi['search'] = async (term, searchOptions) => {
    const found = (await call('search', [term, searchOptions ?? {}])) as Omit<PagefindSearch, 'results'> & {
      results: Array<Omit<PagefindResult, 'data'> & { data: string | PagefindResult['data'] }>;
    };
    // One registration per search, not per result (measured: 7–27 ms for a common word's 4,978 results, on the
    // way to the first results): every result's `data` holds `held`, so its ids are released once none is left.
    const held = { dataIds: found.results.map((result) => result.data as string) };
    found.results.forEach((result, i) => {
      result.data = () => call('getData', [held.dataIds[i]]) as Promise<PagefindResultData>;
    });
    released.register(held, { call, dataIds: held.dataIds });
    return found as PagefindSearch;
  };
  return {
    options: (next) => call('options', [next]).then(() => undefined),
    mergeIndex: (path, next) => call('mergeIndex', [path, next ?? {}]).then(() => undefined),
    search,
    preload: (term, next) => call('preload', [term, next ?? {}]).then(() => undefined),
    filters: () => call('filters', []) as Promise<FilterCounts>,
  };
}

/** The same index through pagefind.js on the main thread (a browser where the worker does not start). */
async function mainThreadIndex(basePath: string, options: PagefindIndexOptions): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as PagefindApi;
  await api.options({ ...options, noWorker: true });
  await api.init?.();
  return api;
}

/**
 * Opens the index at `basePath` and checks that it answers (a search for nothing, which loads no index chunk).
 * Pagefind's worker when it can, pagefind.js otherwise.
 */
export async function openIndex(basePath: string, options: PagefindIndexOptions): Promise<PagefindApi> {
  try {
    const api = await workerIndex(basePath, options);
    await api.search('', {});
    return api;
  } catch {
    return mainThreadIndex(basePath, options);
  }
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
    const { shards } = await loadShardManifest();
    const shardOptions = (i: number): PagefindIndexOptions => ({
      ranking: RANKING,
      excerptLength: 26,
      ...(shards.length > 1 ? { mergeFilter: { [SHARD_FILTER]: String(i) } } : {}),
    });
    const api = await openIndex('/pagefind/', shardOptions(0));
    await Promise.all(shards.slice(1).map((shard, i) => api.mergeIndex!(`/${shard.dir}`, shardOptions(i + 1))));
    // Undated records last in each shard's oldest-first search (an undated shard holds nothing else).
    const sharded = shardedPagefind(undatedLast(api), shards);
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
  vocabulary ??= Promise.all([
    fetch(VOCABULARY_PATH).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`)))),
    import('../../lib/search/spelling'),
  ])
    .then(([json, { makeVocabulary }]) => makeVocabulary(parseVocabulary(json)))
    .catch(() => {
      vocabulary = undefined;
      return undefined;
    });
  return vocabulary;
}
