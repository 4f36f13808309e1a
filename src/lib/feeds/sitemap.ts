import { publicationPath, type Publication } from '../catalogue';
import { FACET_KEYS, FACETS, INDEX_PAGE_SIZE, type Facets } from '../facets';
import { paginate } from '../pagination';
import { SITE_URL } from '../site';
import { element, XML_DECLARATION } from './xml';

/**
 * sitemap.xml (https://www.sitemaps.org/protocol.html) from the same data the pages are built from: the static pages
 * (file names under src/pages/), every page of the publication list, each facet's index and value pages (with
 * their /page/<n>/ continuations, by the same `paginate` the pages use) and every publication page.
 * One file holds at most 50,000 URLs; past that /sitemap.xml becomes a sitemap index of /sitemap-<n>.xml parts.
 */
export const SITEMAP_LIMIT = 50_000;

/**
 * The URL path of a static page from its file under src/pages/ (as `import.meta.glob` names it), or undefined for
 * dynamic routes ([param]) and pages that are not for crawling (404).
 */
export function staticPagePath(file: string): string | undefined {
  const match = /^\/?src\/pages\/(.*)\.(astro|md|mdx)$/.exec(file);
  if (!match) return undefined;
  const route = match[1]!;
  if (route.includes('[') || /(^|\/)(404|500)$/.test(route) || /(^|\/)_/.test(route)) return undefined;
  const path = route === 'index' ? '' : route.replace(/(^|\/)index$/, '');
  return path ? `/${path}/` : '/';
}

/** Every page path the build writes, in a stable order, without duplicates. */
export function sitemapPaths(staticFiles: readonly string[], publications: readonly Publication[], facets: Facets): string[] {
  const paths = new Set<string>();
  for (const file of [...staticFiles].sort()) {
    const path = staticPagePath(file);
    if (path) paths.add(path);
  }
  for (const page of paginate(publications, '/publications/')) paths.add(page.path);
  for (const facet of FACET_KEYS) {
    for (const page of paginate(facets.values[facet], `/${FACETS[facet].segment}/`, INDEX_PAGE_SIZE)) paths.add(page.path);
    for (const value of facets.values[facet]) {
      for (const page of paginate(value.publications, value.path)) paths.add(page.path);
    }
  }
  for (const publication of publications) paths.add(publicationPath(publication.slug));
  return [...paths];
}

export function toSitemap(paths: readonly string[]): string {
  if (paths.length > SITEMAP_LIMIT) {
    throw new Error(`one sitemap file may list ${SITEMAP_LIMIT} URLs, not ${paths.length}: use sitemapFiles()`);
  }
  const urls = paths.map((path) => `  <url>${element('loc', {}, new URL(path, SITE_URL).href)}</url>`);
  return `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** `/sitemap-2.xml`: the n-th part of a catalogue too large for one sitemap (1-based). */
export function sitemapPartPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/**
 * The sitemap as files: up to 50,000 URLs, /sitemap.xml lists them all and there are no parts; beyond that,
 * /sitemap.xml is a sitemap index of /sitemap-1.xml, /sitemap-2.xml, … (robots.txt names /sitemap.xml either way).
 */
export function sitemapFiles(paths: readonly string[]): { main: string; parts: string[] } {
  if (paths.length <= SITEMAP_LIMIT) return { main: toSitemap(paths), parts: [] };
  const parts: string[] = [];
  for (let start = 0; start < paths.length; start += SITEMAP_LIMIT) parts.push(toSitemap(paths.slice(start, start + SITEMAP_LIMIT)));
  const entries = parts.map(
    (_, i) => `  <sitemap>${element('loc', {}, new URL(sitemapPartPath(i + 1), SITE_URL).href)}</sitemap>`,
  );
  const main = `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`;
  return { main, parts };
}

export function robotsTxt(): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${new URL('/sitemap.xml', SITE_URL).href}`, ''].join('\n');
}
