import type { PagefindRanking } from './pagefind-types';

/**
 * The meta key of the hidden expansion (searchable; never shown). Here, not in page-text.ts, because the search page
 * loads this module: page-text.ts brings the build's country, language and entity tables (~37 KB of script).
 */
export const EXPANSION_META = 'aka';

/**
 * Pagefind ranking for the catalogue, passed to `pagefind.options({ ranking })`. Chosen by measuring the query set
 * in tests/search-queries.ts (see tests/search-quality.md for the table), not guessed. Pagefind 1.5's defaults are
 * already good here (a word in the title counts five times, as metadata); what this adds:
 *
 * - metaWeights.authors: a surname or organisation finds what it wrote before what mentions it;
 * - metaWeights[aka]: the hidden synonyms and spellings (expand.ts) find an entry but count a quarter as much as
 *   the entry's own words;
 * - pageLength 1 (Pagefind's default is 0.75): full length normalisation, so a short entry about a subject is
 *   not drowned by the one long full text (the 2023 TIP Report introduction, ~7,000 words) that mentions it many
 *   times; lowering it (0.25) measurably let the long text climb.
 */
export const RANKING: PagefindRanking = {
  pageLength: 1,
  metaWeights: { title: 5, authors: 3, [EXPANSION_META]: 0.25 },
};

/** Results rendered per page ("Show more results" adds as many again). */
export const PAGE_SIZE = 10;
