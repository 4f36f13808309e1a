import type { PagefindRanking } from './pagefind-types';
import { EXPANSION_META } from './page-text';

/**
 * Pagefind ranking for the catalogue, passed to `pagefind.options({ ranking })`. Tuned against the query set in
 * tests/search-queries.ts (figures in tests/search-quality.md), not guessed:
 *
 * - metaWeights.title: a word in the title counts far more than the same word in a summary or full text;
 * - metaWeights.authors: a surname or organisation finds the entries it wrote before entries that mention it;
 * - metaWeights[aka]: the hidden synonyms and spellings (expand.ts) find an entry but count less than its own
 *   words;
 * - pageLength: one entry carries the whole introduction of the 2023 TIP Report (~7,000 words) while most are a
 *   title and a summary; full length normalisation keeps the long one from winning every common word.
 */
export const RANKING: PagefindRanking = {
  pageLength: 1,
  termFrequency: 1,
  termSaturation: 1.4,
  termSimilarity: 1,
  metaWeights: { title: 5, authors: 2, [EXPANSION_META]: 0.5, year: 0.5, category: 0.5, summary: 0 },
};

/** Results rendered per page ("Show more results" adds as many again). */
export const PAGE_SIZE = 10;
