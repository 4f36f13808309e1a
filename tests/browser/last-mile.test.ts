import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { displayTitle, type Publication } from '../../src/lib/catalogue';
import { itemLanguage } from '../../src/lib/cite/csl';
import { itemKind } from '../../src/lib/cite/kind';
import { classifyAuthors } from '../../src/lib/cite/names';
import { displayPublisher } from '../../src/lib/cite/record';
import { SITE_URL } from '../../src/lib/site';
import { FILE_LINE_REFERENCE } from '../../src/lib/validate/rules/reader-notes';
import { readCataloguePublications } from '../support/fixture-publications';
import { readBibtex, readCoins, readCslJson, readRis, embeddedMetadataFallbacks } from '../support/zotero-rules';
import { RIS_NAME_COMMA } from '../../src/lib/cite/ris';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, openPage } from './helpers';

/**
 * A record's last mile, on the real catalogue as `npm run build` builds it: every page says how to get the
 * publication (its link, or searches and "Add the link"), Zotero reads every page right (COinS, read through the
 * DOM as its translator does), and nothing written for editors — source file and line references, editors' notes,
 * section-link labels — reaches a page, a feed, an export or the search index.
 */

const SHOTS = 'test-results/screenshots';
let browser: Browser;
let base: string;
let fixtureBase: string;
const publications: Publication[] = await readCataloguePublications();

beforeAll(async () => {
  browser = await launchChromium();
  base = inject('catalogueUrl');
  fixtureBase = inject('fixtureUrl');
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** What the translators see of a page, read through the DOM as they read it. */
async function pageMetadata(page: Page) {
  return page.evaluate(() => ({
    coins: [...document.querySelectorAll<HTMLElement>('span.Z3988[title]')].map((span) => span.title),
    firstTimeDatetime: document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null,
    htmlLang: document.documentElement.getAttribute('lang'),
    access: document.querySelector('.get-publication [data-access]')?.getAttribute('data-access') ?? null,
    searches: [...document.querySelectorAll<HTMLAnchorElement>('.get-publication a[data-search]')].map((a) => ({
      href: a.href,
      rel: a.rel,
      text: a.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    })),
    addLink: document.querySelector<HTMLAnchorElement>('.get-publication a[data-correction="add-link"]')?.href ?? null,
    boxTop: document.querySelector('.get-publication')?.getBoundingClientRect().top ?? null,
    summaryTop: [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Summary')?.getBoundingClientRect().top ?? null,
  }));
}

describe('every record page offers the publication or searches for it, and Zotero reads it right', () => {
  it('every record page: "Get the publication" before the summary, searches marked external, COinS as Zotero reads it', async () => {
    expect(publications.length).toBeGreaterThan(0);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const external: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      external.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    let withSearches = 0;
    for (const publication of publications) {
      const { slug, data } = publication;
      await page.goto(new URL(`/publications/${slug}/`, base).href);
      const meta = await pageMetadata(page);
      expect(meta.boxTop, slug).not.toBeNull();
      expect(meta.boxTop!, slug).toBeLessThan(meta.summaryTop!);
      if (data.document && data.document_redistributable) {
        expect(meta.access, slug).toBe('copy');
      } else if (data.link) {
        expect(meta.access, slug).toBe('link');
      } else {
        withSearches++;
        expect(meta.access, slug).toBe('search');
        expect(meta.searches.length, slug).toBeGreaterThanOrEqual(4);
        for (const search of meta.searches) {
          expect(search.href, slug).toMatch(/^https:\/\//);
          expect(search.rel, slug).toContain('external');
          expect(search.text, slug).toContain('(external search)');
        }
        expect(meta.searches.map((s) => new URL(s.href).hostname)).toEqual(
          expect.arrayContaining(['search.worldcat.org', 'scholar.google.com', 'digitallibrary.un.org', 'archive.org']),
        );
        const add = new URL(meta.addLink!);
        expect(add.pathname, slug).toMatch(/\/issues\/new$/);
        expect(add.searchParams.get('template'), slug).toBe('suggest-a-correction.md');
        expect(add.searchParams.get('title'), slug).toContain(slug);
        expect(add.searchParams.get('body'), slug).toContain('link: https://');
      }

      // COinS: the one the page has, read with COinS.js's rules.
      expect(meta.coins, slug).toHaveLength(1);
      const item = readCoins(meta.coins[0]!);
      expect(item?.itemType, slug).toBe(itemKind(data.category));
      expect(item?.title, slug).toBe(displayTitle(data));
      expect(item?.creators, slug).toEqual(
        classifyAuthors(data.authors).map((a) =>
          a.kind === 'organization' ? { lastName: a.name, fieldMode: 1 } : { lastName: a.family, firstName: a.given },
        ),
      );
      expect(item?.date, slug).toBe(data.year === undefined ? undefined : String(data.year));
      expect(item?.language, slug).toBe(itemLanguage(data));
      expect(item?.publisher, slug).toBe(displayPublisher(data));
      expect(item?.url, slug).toBe(data.link ?? `${SITE_URL}/publications/${slug}/`);
      expect(item?.abstractNote, slug).toBe(data.summary);
      // Embedded Metadata's fallback date (the first <time datetime>) is never the date the record was added.
      expect(embeddedMetadataFallbacks(meta).date, slug).not.toBe(data.added);
    }
    expect(withSearches).toBe(publications.filter((p) => !p.data.link && !(p.data.document && p.data.document_redistributable)).length);
    expect(external, 'nothing requested from other sites on load').toEqual([]);
    await context.close();
  });

  it('the built cite.ris, cite.bib and cite.json of every record import with one type, whole organisations, URL and abstract', async () => {
    for (const publication of publications) {
      const { slug, data } = publication;
      const get = async (ext: string) => (await fetch(new URL(`/publications/${slug}/cite.${ext}`, base))).text();
      const [ris, bib, json] = await Promise.all([get('ris'), get('bib'), get('json')]);
      const items = { RIS: readRis(ris)[0], BibTeX: readBibtex(bib)[0], 'CSL-JSON': readCslJson(json)[0] };
      for (const [format, item] of Object.entries(items)) {
        const where = `${slug} ${format}`;
        expect(item?.itemType, where).toBe(itemKind(data.category));
        expect(item?.title, where).toBe(displayTitle(data));
        expect(item?.creators, where).toEqual(
          classifyAuthors(data.authors).map((a) =>
            a.kind === 'organization'
              ? { lastName: format === 'RIS' ? a.name.replaceAll(',', RIS_NAME_COMMA) : a.name, fieldMode: 1 }
              : { lastName: a.family, firstName: a.given },
          ),
        );
        expect(item?.url, where).toBe(data.link ?? `${SITE_URL}/publications/${slug}/`);
        expect(item?.abstractNote, where).toBe(data.summary);
        expect(item?.date, where).toBe(data.year === undefined ? undefined : String(data.year));
        expect(item?.language, where).toBe(itemLanguage(data));
      }
    }
  });

  it('a record without a link: says so, offers searches; screenshot; no axe violations', async () => {
    const slug = 'toolkit-on-trafficking-in-persons-for-the-purpose-of-organ';
    const { page, externalRequests } = await openPage(browser, new URL(`/publications/${slug}/`, base).href, { width: 1100 });
    const box = page.locator('.get-publication');
    await expect(box.getByText('No link to this publication is known yet.').isVisible()).resolves.toBe(true);
    await expect(box.getByRole('link', { name: /Search UNODC’s website/ }).count()).resolves.toBe(1);
    await expect(page.locator('dl.fields').getByText('[United Nations Office on Drugs and Crime (UNODC)]').count()).resolves.toBe(1);
    await expect(page.locator('.cite-text').first().textContent()).resolves.toContain('United Nations Office on Drugs and Crime');
    await page.screenshot({ path: `${SHOTS}/record-without-link.png`, fullPage: false });
    await expectNoAxeViolations(page);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('a record with a link: "Get the publication (PDF) from <host>"; screenshot', async () => {
    const { page } = await openPage(browser, new URL('/publications/cyrillic-report-with-pdf/', fixtureBase).href, { width: 1100 });
    const link = page.locator('.get-publication a[rel~="external"]');
    await expect(link.count()).resolves.toBe(1);
    const text = (await link.textContent())!.replace(/\s+/g, ' ').trim();
    expect(text).toBe('Get the publication (PDF) from osce.org (external site)');
    await expect(page.locator('.get-publication a[data-search]').count()).resolves.toBe(0);
    await page.screenshot({ path: `${SHOTS}/record-with-link.png`, fullPage: false });
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

/** Same-origin URLs a page links to (a, link), without fragments. */
function linksIn(html: string, from: URL): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const url = new URL(m[1]!.replace(/&amp;/g, '&'), from);
    if (url.origin !== from.origin) continue;
    url.hash = '';
    out.push(url.href);
  }
  return out;
}

describe('readers see reader text only', () => {
  const editorTexts = publications.flatMap((p) => (p.data.editor_notes ? [p.data.editor_notes] : []));

  it('no page, feed, export or citation download holds a file/line reference, an editor note or a section-link label', async () => {
    expect(editorTexts.length).toBeGreaterThan(90);
    const seen = new Set<string>();
    const queue = [new URL('/', base).href, new URL('/sitemap.xml', base).href];
    for (const p of publications) for (const ext of ['ris', 'bib', 'json']) queue.push(new URL(`/publications/${p.slug}/cite.${ext}`, base).href);
    const kinds = new Map<string, number>();
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const path = new URL(url).pathname;
      if (/\.(?:css|js|svg|png|ico|woff2?|pf_\w+)$/.test(path) || path.startsWith('/pagefind/')) continue;
      const response = await fetch(url);
      if (response.status !== 200) continue;
      const text = await response.text();
      const kind = path.endsWith('/') ? 'page' : path.split('.').pop()!;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const decoded = text.replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&').replace(/&quot;/g, '"');
      const ref = FILE_LINE_REFERENCE.exec(decoded.replace(/<[^>]+>/g, ' '));
      expect(ref?.[0], `${path}: a source file or line reference`).toBeUndefined();
      // Section links keep their label for screen readers on the page itself, kept out of the index there.
      const labels = kind === 'page' ? text.replace(/<a class="heading-anchor" href="[^"]*" data-pagefind-ignore>[\s\S]*?<\/a>/g, '') : decoded;
      expect(labels, path).not.toContain('Link to the section');
      for (const note of editorTexts) expect(decoded.includes(note), `${path} holds an editor note`).toBe(false);
      if (kind === 'page' || kind === 'xml') {
        for (const link of linksIn(text, new URL(url))) if (!seen.has(link)) queue.push(link);
        for (const m of text.matchAll(/<loc>([^<]+)<\/loc>/g)) {
          const local = new URL(new URL(m[1]!).pathname, base).href;
          if (!seen.has(local)) queue.push(local);
        }
      }
    }
    expect(kinds.get('page')).toBeGreaterThan(200);
    expect(kinds.get('xml')).toBeGreaterThan(5);
    expect(kinds.get('ris')).toBeGreaterThanOrEqual(publications.length);
    expect(kinds.get('csv')).toBeGreaterThan(0);
  });

  it('no search-index fragment or result snippet holds one either ("line" and "section" find no editor text)', async () => {
    const { page } = await openPage(browser, new URL('/search/', base).href);
    // A string, so the test runner does not rewrite the browser's import().
    const found = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      await pagefind.init();
      const everything = await pagefind.search(null, { sort: { year: 'asc' } });
      const searches = await Promise.all(['line', 'lines', 'section', 'link'].map((q) => pagefind.search(q)));
      const results = [everything, ...searches].flatMap((r) => r.results);
      const data = await Promise.all(results.map((r) => r.data()));
      return { count: everything.results.length, fragments: data.map((d) => JSON.stringify(d)) };
    })()`)) as { count: number; fragments: string[] };
    expect(found.count).toBe(publications.length);
    for (const fragment of found.fragments) {
      const text = JSON.parse(fragment) as { url: string; content: string; excerpt: string };
      const plain = `${text.content} ${text.excerpt.replace(/<[^>]+>/g, '')}`;
      expect(FILE_LINE_REFERENCE.exec(plain)?.[0], text.url).toBeUndefined();
      expect(plain, text.url).not.toContain('Link to the section');
      for (const note of editorTexts) expect(plain.includes(note), text.url).toBe(false);
    }
    await page.context().close();
  });
});
