/** Site-wide settings, each kept once. */

/** Where the site is published (canonical URLs, feeds, sitemap). */
export const SITE_URL = process.env.SITE_URL ?? 'https://trafficking-publications.example.org';

/** The repository that editors send pull requests to ("Suggest a correction" links). */
export const REPOSITORY_URL = 'https://github.com/anti-trafficking-library/catalogue';

export const SITE_NAME = 'Anti-Trafficking Publications Catalogue';
export const SITE_DESCRIPTION =
  'An open, searchable catalogue of reports, toolkits, manuals, issue papers and model laws on human trafficking.';

/** The folder of entry files, relative to the repository root: the collection, the tools and edit links use it. */
export const CONTENT_DIR = 'content/publications';

/**
 * Where `astro build` writes the site and the search-index step reads it. Tests and the benchmark build fixture
 * catalogues side by side, each into its own folder (CATALOGUE_OUT_DIR).
 */
export const OUT_DIR = process.env.CATALOGUE_OUT_DIR ?? './dist';
