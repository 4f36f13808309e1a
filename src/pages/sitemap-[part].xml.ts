/** The parts of a sitemap index, /sitemap-1.xml, …: written only when the site has more than 50,000 pages. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFiles, sitemapPaths } from '../lib/feeds/sitemap';
import { STATIC_PAGE_FILES } from '../lib/feeds/static-pages';
import { loadCatalogue } from '../lib/load-catalogue';

export const getStaticPaths = (async () => {
  const { publications, facets } = await loadCatalogue();
  const { parts } = sitemapFiles(sitemapPaths(STATIC_PAGE_FILES, publications, facets));
  return parts.map((body, i) => ({ params: { part: String(i + 1) }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
