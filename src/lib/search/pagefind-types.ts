/**
 * The parts of Pagefind 1.5's browser API (`/pagefind/pagefind.js`) the search page uses, typed from its
 * documentation (pagefind.app/docs/api, /docs/sub-results, /docs/ranking) and checked against the built bundle.
 */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Absent for the part of the page before its first heading with an id. */
  anchor?: { element: string; id: string; text?: string; location: number };
  locations?: number[];
}

export interface PagefindResultData {
  url: string;
  /** Escaped text with <mark> around matches: the only thing that may go through innerHTML. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: PagefindSubResult[];
  word_count?: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** Results for the same term without the filters. */
  unfilteredResultCount: number;
  /** For each filter value: how many of these results have it. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export type PagefindFilterOption = Record<string, string | string[] | { any: string[] } | { all: string[] } | { none: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilterOption;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindRanking {
  termFrequency?: number;
  termSimilarity?: number;
  pageLength?: number;
  termSaturation?: number;
  diacriticSimilarity?: number;
  metaWeights?: Record<string, number>;
}

export interface PagefindIndexOptions {
  ranking?: PagefindRanking;
  excerptLength?: number;
  noWorker?: boolean;
  /** A filter every page of this index gets without having it (the shards' `shard`, see shards.ts). */
  mergeFilter?: Record<string, string>;
}

export interface PagefindApi {
  options: (options: PagefindIndexOptions) => Promise<void>;
  init?: () => Promise<void>;
  /** Adds another index (a shard), searched together with the first; each index takes its own options. */
  mergeIndex?: (indexPath: string, options?: PagefindIndexOptions) => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
  preload?: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  filters: () => Promise<FilterCounts>;
}
