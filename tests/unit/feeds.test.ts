import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Publication } from '../../src/lib/catalogue';
import { buildFacets } from '../../src/lib/facets';
import { atomDate } from '../../src/lib/feeds/atom';
import { facetFeed, newestFeed } from '../../src/lib/feeds/feeds';
import { OPENSEARCH_SHORT_NAME, openSearchDescription } from '../../src/lib/feeds/opensearch';
import { FEED_SIZE, feedPath, feedValues } from '../../src/lib/feeds/paths';
import { robotsTxt, sitemapFiles, sitemapPaths, SITEMAP_LIMIT, staticPagePath, toSitemap } from '../../src/lib/feeds/sitemap';
import { escapeXml } from '../../src/lib/feeds/xml';
import { COUNTRY_CODES } from '../../src/lib/schema/countries';
import { REGIONS } from '../../src/lib/schema/regions';
import { SITE_URL } from '../../src/lib/site';
import { makePublication, readFixturePublications } from '../support/fixture-publications';

const fixtures: Publication[] = readFixturePublications();
const facets = buildFacets(fixtures);

const make = makePublication;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name) });

interface AtomLink { '@rel'?: string; '@href': string }
interface AtomEntry { id: string; title: string | { '#text': string }; updated: string; link: AtomLink[]; author?: Array<{ name: string }>; summary: string | { '#text': string } }
interface Atom { feed: { id: string; title: string | { '#text': string }; updated: string; link: AtomLink[]; author: Array<{ name: string }>; entry?: AtomEntry[] } }

const text = (node: string | { '#text': string }) => (typeof node === 'string' ? node : node['#text']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Well-formed XML with the elements RFC 4287 requires of a feed and of each entry. */
function expectValidAtom(xml: string): Atom {
  expect(XMLValidator.validate(xml)).toBe(true);
  const atom = parser.parse(xml) as Atom;
  const { feed } = atom;
  expect(feed).toBeDefined();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(feed.id).toMatch(/^https:\/\//);
  expect(text(feed.title)).not.toBe('');
  expect(feed.updated).toMatch(RFC3339);
  expect(feed.link.find((l) => l['@rel'] === 'self')?.['@href']).toBe(feed.id);
  expect(feed.link.find((l) => l['@rel'] === 'alternate')?.['@href']).toMatch(/^https:\/\//);
  expect(feed.author[0]!.name).not.toBe('');
  for (const entry of feed.entry ?? []) {
    expect(entry.id).toMatch(/^https:\/\//);
    expect(text(entry.title)).not.toBe('');
    expect(entry.updated).toMatch(RFC3339);
    expect(entry.link.find((l) => l['@rel'] === 'alternate')?.['@href']).toBe(entry.id);
    expect(text(entry.summary)).not.toBe('');
  }
  return atom;
}

describe('Atom feeds', () => {
  it('newest additions: valid Atom, newest first, every title and summary exactly as entered', () => {
    const atom = expectValidAtom(newestFeed(fixtures));
    const entries = atom.feed.entry!;
    expect(entries).toHaveLength(fixtures.length);
    const added = entries.map((e) => e.updated);
    expect(added).toEqual([...added].sort().reverse());
    expect(atom.feed.updated).toBe(added[0]);
    const bySlug = new Map(fixtures.map((p) => [`${SITE_URL}/publications/${p.slug}/`, p]));
    for (const entry of entries) {
      const publication = bySlug.get(entry.id)!;
      const title = publication.data.title_supplied ? `[${publication.data.title}]` : publication.data.title;
      expect(text(entry.title)).toBe(title);
      expect(text(entry.summary)).toBe(publication.data.summary);
      expect(entry.updated).toBe(atomDate(publication.data.added));
      expect((entry.author ?? []).map((a) => a.name)).toEqual(publication.data.authors ?? []);
    }
  });

  it('escapes markup in titles: a title with </script><!-- stays text', () => {
    const xml = newestFeed(fixtures);
    expect(xml).toContain('&lt;/script&gt;&lt;!--');
    expect(xml).not.toContain('</script>');
  });

  it('keeps at most FEED_SIZE entries', () => {
    const many = Array.from({ length: FEED_SIZE + 7 }, (_, i) => make(`e-${i}`, { added: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    expect(expectValidAtom(newestFeed(many)).feed.entry).toHaveLength(FEED_SIZE);
  });

  it('per country, region and category: only that value’s publications, linked to its browse page', () => {
    const values = feedValues();
    const md = values.find((v) => v.facet === 'country' && v.key === 'MD')!;
    const atom = expectValidAtom(facetFeed(md, facets, fixtures));
    expect(atom.feed.entry!.map((e) => e.id)).toEqual([`${SITE_URL}/publications/cyrillic-report-with-pdf/`]);
    expect(atom.feed.link.find((l) => l['@rel'] === 'alternate')!['@href']).toBe(`${SITE_URL}/countries/md/`);
    const region = values.find((v) => v.facet === 'region' && v.key === 'South-Eastern Europe, Eastern Europe and Central Asia')!;
    expect(expectValidAtom(facetFeed(region, facets, fixtures)).feed.entry!.map((e) => e.id).sort()).toEqual(
      [`${SITE_URL}/publications/cyrillic-report-with-pdf/`, `${SITE_URL}/publications/undated-guidance/`].sort(),
    );
  });

  it('a value without publications still has a valid, empty feed (subscribe before the first entry)', () => {
    const nobody = feedValues().find((v) => v.facet === 'country' && v.key === 'NZ')!;
    const atom = expectValidAtom(facetFeed(nobody, facets, fixtures));
    expect(atom.feed.entry).toBeUndefined();
    expect(atom.feed.link.find((l) => l['@rel'] === 'alternate')!['@href']).toBe(`${SITE_URL}/countries/`);
  });

  it('has a feed for every region, country and category, at the browse pages’ slugs', () => {
    const values = feedValues();
    expect(values.filter((v) => v.facet === 'region')).toHaveLength(REGIONS.length);
    expect(values.filter((v) => v.facet === 'country')).toHaveLength(COUNTRY_CODES.length);
    expect(new Set(values.map((v) => v.path)).size).toBe(values.length);
    for (const facet of ['region', 'country', 'category'] as const) {
      for (const value of facets.values[facet]) {
        expect(feedPath(facet, value.key)).toBe(`/feeds/${value.path.split('/')[1]}/${value.slug}.xml`);
      }
    }
    expect(feedPath('region', 'South-Eastern Europe, Eastern Europe and Central Asia')).toBe(
      '/feeds/regions/south-eastern-europe-eastern-europe-and-central-asia.xml',
    );
    expect(feedPath('country', 'JO')).toBe('/feeds/countries/jo.xml');
    expect(feedPath('category', 'issue-paper')).toBe('/feeds/categories/issue-paper.xml');
  });

  it('drops characters XML forbids and escapes the five specials', () => {
    expect(escapeXml('a\u0000b\u000Bc & <d> "e" \'f\' \uD800g')).toBe('abc &amp; &lt;d&gt; &quot;e&quot; &apos;f&apos; g');
  });
});

describe('sitemap, robots.txt and OpenSearch', () => {
  it('names static pages by their files and skips dynamic routes and 404', () => {
    expect(staticPagePath('/src/pages/index.astro')).toBe('/');
    expect(staticPagePath('/src/pages/search.astro')).toBe('/search/');
    expect(staticPagePath('/src/pages/data/index.astro')).toBe('/data/');
    expect(staticPagePath('/src/pages/about/data.md')).toBe('/about/data/');
    expect(staticPagePath('/src/pages/404.astro')).toBeUndefined();
    expect(staticPagePath('/src/pages/publications/[slug].astro')).toBeUndefined();
  });

  it('lists every publication, list and facet page once, as absolute URLs in valid XML', () => {
    const paths = sitemapPaths(['/src/pages/index.astro', '/src/pages/data/index.astro', '/src/pages/404.astro'], fixtures, facets);
    expect(new Set(paths).size).toBe(paths.length);
    for (const { slug } of fixtures) expect(paths).toContain(`/publications/${slug}/`);
    expect(paths).toEqual(expect.arrayContaining(['/', '/data/', '/publications/', '/regions/', '/countries/md/', '/years/undated/']));
    const xml = toSitemap(paths);
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = (parser.parse(xml) as { urlset: { url: Array<{ loc: string }> } }).urlset.url.map((u) => u.loc);
    expect(urls).toEqual(paths.map((p) => `${SITE_URL}${p}`));
  });

  it('past 50,000 URLs, sitemap.xml becomes an index of parts of at most 50,000 each', () => {
    const paths = Array.from({ length: SITEMAP_LIMIT * 2 + 3 }, (_, i) => `/publications/p-${i}/`);
    const { main, parts } = sitemapFiles(paths);
    expect(parts).toHaveLength(3);
    expect(XMLValidator.validate(main)).toBe(true);
    const index = parser.parse(main).sitemapindex.sitemap as Array<{ loc: string }>;
    expect(index.map((s) => s.loc)).toEqual([1, 2, 3].map((n) => `${SITE_URL}/sitemap-${n}.xml`));
    const counts = parts.map((part) => (part.match(/<url>/g) ?? []).length);
    expect(counts).toEqual([SITEMAP_LIMIT, SITEMAP_LIMIT, 3]);
    expect(sitemapFiles(paths.slice(0, 10)).parts).toEqual([]);
    expect(() => toSitemap(paths)).toThrow();
  });

  it('robots.txt points to the sitemap', () => {
    expect(robotsTxt()).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
  });

  it('OpenSearch: valid XML, a short name of at most 16 characters, the search page as template', () => {
    const xml = openSearchDescription();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(OPENSEARCH_SHORT_NAME.length).toBeLessThanOrEqual(16);
    const description = parser.parse(xml).OpenSearchDescription;
    expect(description.ShortName).toBe(OPENSEARCH_SHORT_NAME);
    expect(description.Url.find((u: Record<string, string>) => u['@type'] === 'text/html')['@template']).toBe(
      `${SITE_URL}/search/?q={searchTerms}`,
    );
  });
});
