import { cacheDir } from 'astro:config/server';
import { defineMiddleware } from 'astro:middleware';
import { startCitations } from './lib/cite/format';
import { loadCatalogue } from './lib/load-catalogue';

/**
 * A build starts formatting the catalogue's citations (worker threads, src/lib/cite/format.ts) with the first route
 * it renders rather than the first publication page: Astro renders the data exports and feeds before the
 * publications, and the workers use the other core meanwhile. The dev server formats each page's own instead.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  if (!import.meta.env.DEV) startCitations((await loadCatalogue()).publications, { cacheDir });
  return next();
});
