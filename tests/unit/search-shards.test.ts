import { describe, expect, it } from 'vitest';
import type { FilterCounts, PagefindApi, PagefindResult, PagefindSearchOptions } from '../../src/lib/search/pagefind-types';
import {
  parseShardManifest,
  planShards,
  SHARD_FILTER,
  shardDir,
  shardedPagefind,
  shardOrder,
  type Shard,
} from '../../src/lib/search/shards';

const page = (key: string, year?: number) => ({ key, year });

describe('planShards', () => {
  it('keeps a catalogue that fits in one shard together, undated entries included', () => {
    const plan = planShards([page('b', 2020), page('a'), page('c', 1999)], 3);
    expect(plan).toEqual([{ dated: true, pages: [page('a'), page('b', 2020), page('c', 1999)] }]);
  });

  it('cuts by year, newest first, in even shards, and puts undated entries in shards of their own', () => {
    const pages = [
      page('a', 2001),
      page('b', 2024),
      page('c', 2010),
      page('d'),
      page('e', 2010),
      page('f', 2018),
      page('g', 2003),
      page('h'),
    ];
    const plan = planShards(pages, 4);
    expect(plan.map((s) => [s.dated, s.pages.map((p) => p.key).join('')])).toEqual([
      [true, 'bfc'], // 2024, 2018, 2010 (ties by key: c before e)
      [true, 'ega'], // 2010, 2003, 2001
      [false, 'dh'],
    ]);
    // Every page once.
    expect(plan.flatMap((s) => s.pages.map((p) => p.key)).sort()).toEqual(pages.map((p) => p.key).sort());
  });

  it('makes the fewest shards, their sizes differing by one at most', () => {
    const pages = Array.from({ length: 10_001 }, (_, i) => page(`p${i}`, 1990 + (i % 30)));
    const sizes = planShards(pages, 2500).map((s) => s.pages.length);
    expect(sizes).toEqual([2001, 2000, 2000, 2000, 2000]);
  });

  it('refuses a shard size that is not a whole number ≥ 1', () => {
    expect(() => planShards([page('a')], 0)).toThrow(/maxPages must be a whole number ≥ 1, not 0/);
  });
});

describe('shard manifest and order', () => {
  const shards: Shard[] = [
    { dir: shardDir(0), dated: true, pages: 3 },
    { dir: shardDir(1), dated: true, pages: 3 },
    { dir: shardDir(2), dated: false, pages: 2 },
  ];

  it('names the first shard pagefind/ as an index without shards, the others after it', () => {
    expect(shards.map((s) => s.dir)).toEqual(['pagefind/', 'pagefind/shard-1/', 'pagefind/shard-2/']);
  });

  it('reads a manifest, and takes anything else for one index at /pagefind/', () => {
    expect(parseShardManifest({ shards })).toEqual({ shards });
    const one = { shards: [{ dir: 'pagefind/', dated: true, pages: 0 }] };
    expect(parseShardManifest(undefined)).toEqual(one);
    expect(parseShardManifest({ shards: [] })).toEqual(one);
    expect(parseShardManifest({ shards: [{ dir: '../elsewhere/', dated: true, pages: 1 }] })).toEqual(one);
  });

  it('orders shards for newest and oldest first, undated last either way', () => {
    expect(shardOrder(shards, 'desc')).toEqual([0, 1, 2]);
    expect(shardOrder(shards, 'asc')).toEqual([1, 0, 2]);
  });
});

/**
 * A fake of Pagefind with merged shards, as Pagefind 1.5 behaves: every page has the synthetic filter `shard`; a
 * search merges the shards' results by score; under a sort a result's score is its place in its own shard.
 */
function fakeMergedPagefind(pages: Array<{ id: string; shard: number; year: number; score: number; region: string }>) {
  const calls: Array<PagefindSearchOptions | undefined> = [];
  const counts = (list: typeof pages): FilterCounts => {
    const out: FilterCounts = { region: {}, [SHARD_FILTER]: {} };
    for (const p of list) {
      out.region![p.region] = (out.region![p.region] ?? 0) + 1;
      out[SHARD_FILTER]![String(p.shard)] = (out[SHARD_FILTER]![String(p.shard)] ?? 0) + 1;
    }
    return out;
  };
  const result = (p: (typeof pages)[number], score: number): PagefindResult => ({
    id: p.id,
    score,
    data: async () => ({ url: `/${p.id}/`, excerpt: '', meta: {}, sub_results: [] }),
  });
  const api: PagefindApi = {
    options: async () => {},
    filters: async () => counts(pages),
    search: async (_term, options) => {
      calls.push(options);
      const filters = (options?.filters ?? {}) as Record<string, string | { any: string[] }>;
      const keep = pages.filter((p) =>
        Object.entries(filters).every(([key, value]) => {
          const wanted = typeof value === 'string' ? [value] : value.any;
          return wanted.includes(key === SHARD_FILTER ? String(p.shard) : p.region);
        }),
      );
      const direction = options?.sort ? Object.values(options.sort)[0] : undefined;
      const scored = keep.map((p) => {
        if (!direction) return result(p, p.score);
        // Place within its own shard, ascending by year, as Pagefind's sort list is.
        const place = pages
          .filter((q) => q.shard === p.shard)
          .sort((a, b) => a.year - b.year)
          .findIndex((q) => q.id === p.id);
        return result(p, direction === 'asc' ? -place : place);
      });
      return {
        results: scored.sort((a, b) => b.score - a.score),
        unfilteredResultCount: pages.length,
        filters: counts(keep),
        totalFilters: counts(pages),
      };
    },
  };
  return { api, calls };
}

describe('shardedPagefind', () => {
  const shards: Shard[] = [
    { dir: shardDir(0), dated: true, pages: 2 },
    { dir: shardDir(1), dated: true, pages: 2 },
    { dir: shardDir(2), dated: false, pages: 1 },
  ];
  const pages = [
    { id: 'a2024', shard: 0, year: 2024, score: 0.2, region: 'Africa' },
    { id: 'b2020', shard: 0, year: 2020, score: 0.9, region: 'Europe' },
    { id: 'c2015', shard: 1, year: 2015, score: 0.5, region: 'Africa' },
    { id: 'd2002', shard: 1, year: 2002, score: 0.7, region: 'Africa' },
    { id: 'undated', shard: 2, year: 0, score: 0.1, region: 'Europe' },
  ];

  it('orders by year across shards, newest and oldest first, undated last', async () => {
    const { api } = fakeMergedPagefind(pages);
    // Pagefind's own merge would interleave the shards (places 1, 1, 0, 0, 0).
    expect((await api.search('x', { sort: { year: 'desc' } })).results.map((r) => r.id)).not.toEqual([
      'a2024',
      'b2020',
      'c2015',
      'd2002',
      'undated',
    ]);
    const sharded = shardedPagefind(api, shards);
    const newest = await sharded.search('x', { sort: { year: 'desc' } });
    expect(newest.results.map((r) => r.id)).toEqual(['a2024', 'b2020', 'c2015', 'd2002', 'undated']);
    const oldest = await sharded.search('x', { sort: { year: 'asc' } });
    expect(oldest.results.map((r) => r.id)).toEqual(['d2002', 'c2015', 'b2020', 'a2024', 'undated']);
  });

  it('keeps the reader’s filters in each shard’s search and counts as one index, without the shard filter', async () => {
    const { api, calls } = fakeMergedPagefind(pages);
    const sharded = shardedPagefind(api, shards);
    const found = await sharded.search('x', { sort: { year: 'desc' }, filters: { region: { any: ['Africa'] } } });
    expect(found.results.map((r) => r.id)).toEqual(['a2024', 'c2015', 'd2002']);
    expect(calls.map((c) => c?.filters)).toEqual([0, 1, 2].map((i) => ({ region: { any: ['Africa'] }, [SHARD_FILTER]: String(i) })));
    expect(found.filters).toEqual({ region: { Africa: 3 } });
    expect(found.totalFilters).toEqual({ region: { Africa: 3, Europe: 2 } });
    expect(found.unfilteredResultCount).toBe(5);
    expect(await sharded.filters()).toEqual({ region: { Africa: 3, Europe: 2 } });
  });

  it('leaves relevance to Pagefind’s merge, in one search', async () => {
    const { api, calls } = fakeMergedPagefind(pages);
    const found = await shardedPagefind(api, shards).search('x', {});
    expect(found.results.map((r) => r.id)).toEqual(['b2020', 'd2002', 'c2015', 'a2024', 'undated']);
    expect(calls).toHaveLength(1);
    expect(found.totalFilters).toEqual({ region: { Africa: 3, Europe: 2 } });
  });

  it('is Pagefind itself for one shard', () => {
    const { api } = fakeMergedPagefind(pages);
    expect(shardedPagefind(api, [shards[0]!])).toBe(api);
  });
});
