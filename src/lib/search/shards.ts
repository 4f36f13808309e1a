import type { FilterCounts, PagefindApi, PagefindSearch } from './pagefind-types';

/**
 * The search index in shards: above MAX_SHARD_PAGES publications the search-index step writes several Pagefind
 * indexes, and the search page merges them (Pagefind's `mergeIndex`). Why: Pagefind's index builder holds a whole
 * index in memory, about 93 MiB per 1,000 pages (1.8 GiB at 20,000): one index of 100,000 would take about 9 GiB,
 * over the 6 GiB the build may use. Shards are built one after another. They do not make a query faster with
 * Pagefind 1.6 (bench/analysis.md, session 13).
 *
 * Shards are cut by year: dated publications newest first, then the undated ones in shards of their own. An order
 * by year is then the shards' order (the undated last either way), and Pagefind sorts within each shard; an order
 * by relevance is Pagefind's own merge of the shards' results by score. Each shard weighs a word by how rare it is
 * within the shard, so a word of one period (COVID-19) counts a little more in older shards than in one index would
 * (bench/analysis.md, "Left open").
 *
 * Pure: the index step (build-index.ts) plans the shards, the search page (scripts/search/load.ts) wraps Pagefind.
 */

/**
 * Publications per shard at most, set by the index builder's memory: under 2 GiB for Pagefind's process at any
 * size. Smaller shards would not answer faster (at 20,000 publications "victims" took 346 ms in three shards and
 * 341 ms in one index) and cost more bytes per query, one index chunk per shard (486 against 403 KiB).
 */
export const MAX_SHARD_PAGES = 20_000;

/** The environment variable the search-index step's CLI takes the publications per shard from (tests' small shards). */
export const SHARD_PAGES_ENV = 'SEARCH_SHARD_PAGES';

/** The synthetic filter (Pagefind's `mergeFilter`) that tells the shards apart in a search: "0", "1", … */
export const SHARD_FILTER = 'shard';

/** Written by the index step next to the first shard; lists every shard. Absent: one index at /pagefind/. */
export const SHARD_MANIFEST_FILE = 'pagefind/shards.json';

export interface Shard {
  /** The shard's folder under the site root: "pagefind/" for the first, "pagefind/shard-1/" and on for the rest. */
  dir: string;
  /**
   * False for a shard of undated publications: when there are several shards, undated ones get shards of their own,
   * after the dated. A catalogue in one shard holds both, and is marked true.
   */
  dated: boolean;
  /** How many publications it holds. */
  pages: number;
}

export interface ShardManifest {
  shards: Shard[];
}

/** The folder of shard `i`: the first is Pagefind's usual folder, so a one-shard site looks as it always did. */
export function shardDir(i: number): string {
  return i === 0 ? 'pagefind/' : `pagefind/shard-${i}/`;
}

/**
 * Cuts the publications into shards of at most `maxPages`, as even as possible: dated ones by year, newest first
 * (ties by key, so the cut is the same on every build), then undated ones by key. All in one shard when they fit.
 */
export function planShards<T extends { key: string; year: number | undefined }>(
  pages: readonly T[],
  maxPages: number = MAX_SHARD_PAGES,
): Array<{ dated: boolean; pages: T[] }> {
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new RangeError(`maxPages must be a whole number ≥ 1, not ${maxPages}`);
  const byKey = (a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (pages.length <= maxPages) return [{ dated: true, pages: [...pages].sort(byKey) }];
  const dated = pages.filter((p) => p.year !== undefined).sort((a, b) => b.year! - a.year! || byKey(a, b));
  const undated = pages.filter((p) => p.year === undefined).sort(byKey);
  return [
    ...evenChunks(dated, maxPages).map((chunk) => ({ dated: true, pages: chunk })),
    ...evenChunks(undated, maxPages).map((chunk) => ({ dated: false, pages: chunk })),
  ];
}

/** `list` in the fewest chunks of at most `max`, their sizes differing by one at most. */
function evenChunks<T>(list: readonly T[], max: number): T[][] {
  const count = Math.ceil(list.length / max);
  const chunks: T[][] = [];
  for (let i = 0, start = 0; i < count; i++) {
    const end = start + Math.floor(list.length / count) + (i < list.length % count ? 1 : 0);
    chunks.push(list.slice(start, end));
    start = end;
  }
  return chunks;
}

/** The manifest as fetched; anything unexpected counts as one shard (an index built before shards existed). */
export function parseShardManifest(json: unknown): ShardManifest {
  const shards = (json as Partial<ShardManifest> | null)?.shards;
  const valid =
    Array.isArray(shards) &&
    shards.length > 0 &&
    shards.every((s, i) => s?.dir === shardDir(i) && typeof s.dated === 'boolean' && Number.isInteger(s.pages));
  return valid ? { shards } : { shards: [{ dir: shardDir(0), dated: true, pages: 0 }] };
}

/**
 * The shards in the order of a sort by year: newest first is the dated shards as cut, oldest first the same
 * reversed; the undated shards come last either way (as undated entries come last within a shard, see state.ts SORT_KEY).
 */
export function shardOrder(shards: readonly Shard[], direction: 'asc' | 'desc'): number[] {
  const dated = shards.flatMap((s, i) => (s.dated ? [i] : []));
  const undated = shards.flatMap((s, i) => (s.dated ? [] : [i]));
  return [...(direction === 'desc' ? dated : dated.reverse()), ...undated];
}

/**
 * Pagefind with its shards merged (each given the synthetic filter `shard: "<i>"`) searched as one index.
 * Relevance is Pagefind's own merge. A sort is not: Pagefind's merge orders by score, and under a sort a result's
 * score is its place within its own shard, so a sorted search runs once per shard (the shard filter picks it) and
 * the results are put together in shard order. The shard filter never shows in the counts.
 */
export function shardedPagefind(api: PagefindApi, shards: readonly Shard[]): PagefindApi {
  if (shards.length < 2) return api;
  return {
    ...api,
    filters: async () => withoutShard(await api.filters()),
    search: async (term, options = {}) => {
      const direction = options.sort ? Object.values(options.sort)[0] : undefined;
      if (!direction) return withoutShardCounts(await api.search(term, options));
      const parts = await Promise.all(
        shardOrder(shards, direction).map((i) =>
          api.search(term, { ...options, filters: { ...options.filters, [SHARD_FILTER]: String(i) } }),
        ),
      );
      // Each part's unfiltered figures cover every shard (the filters, the shard's included, are not applied to them).
      return withoutShardCounts({
        results: parts.flatMap((part) => part.results),
        unfilteredResultCount: parts[0]!.unfilteredResultCount,
        filters: sumCounts(parts.map((part) => part.filters)),
        totalFilters: parts[0]!.totalFilters,
      });
    },
  };
}

function withoutShard(counts: FilterCounts): FilterCounts {
  const { [SHARD_FILTER]: _shard, ...rest } = counts;
  return rest;
}

function withoutShardCounts(search: PagefindSearch): PagefindSearch {
  return { ...search, filters: withoutShard(search.filters), totalFilters: withoutShard(search.totalFilters) };
}

function sumCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of all) {
    for (const [key, values] of Object.entries(counts)) {
      const into = (sum[key] ??= {});
      for (const [value, count] of Object.entries(values)) into[value] = (into[value] ?? 0) + count;
    }
  }
  return sum;
}
