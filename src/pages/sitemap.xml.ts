/** sitemap.xml: every page the build writes, or an index of sitemap-<n>.xml parts past 50,000 (src/lib/feeds/sitemap.ts). */
import type { APIRoute } from 'astro';
import { sitemapFiles, sitemapPaths } from '../lib/feeds/sitemap';
import { STATIC_PAGE_FILES } from '../lib/feeds/static-pages';
import { loadCatalogue } from '../lib/load-catalogue';

export const GET: APIRoute = async () => {
  const { publications, facets } = await loadCatalogue();
  return new Response(sitemapFiles(sitemapPaths(STATIC_PAGE_FILES, publications, facets)).main, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
