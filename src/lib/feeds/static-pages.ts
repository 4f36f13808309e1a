/**
 * The files under src/pages/ (names only, nothing is imported), so the sitemap finds static pages by their files
 * and a new page is listed without an edit. Vite-only (import.meta.glob): used by the sitemap endpoints.
 */
export const STATIC_PAGE_FILES: readonly string[] = Object.keys(
  import.meta.glob(['/src/pages/**/*.astro', '/src/pages/**/*.md', '/src/pages/**/*.mdx']),
);
