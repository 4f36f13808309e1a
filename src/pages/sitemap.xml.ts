/** sitemap.xml: every page the build writes (see src/lib/feeds/sitemap.ts). */
import type { APIRoute } from 'astro';
import { sitemapPaths, toSitemap } from '../lib/feeds/sitemap';
import { loadCatalogue } from '../lib/load-catalogue';

// Only the file names: static pages are found by their files, so a new page is in the sitemap without an edit here.
const staticPages = Object.keys(import.meta.glob(['/src/pages/**/*.astro', '/src/pages/**/*.md', '/src/pages/**/*.mdx']));

export const GET: APIRoute = async () => {
  const { publications, facets } = await loadCatalogue();
  return new Response(toSitemap(sitemapPaths(staticPages, publications, facets)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
