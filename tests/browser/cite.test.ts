import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, openPage, screenshot } from './helpers';

/**
 * Cite and reuse, against the fixture site: "Cite this" (styles, Copy with and without JavaScript, downloads),
 * <head> metadata read the way Zotero's Embedded Metadata translator reads it, JSON-LD, the open data files,
 * feeds and the sitemap, all served by the built site.
 */

let browser: Browser;
let base: string;
beforeAll(async () => {
  browser = await launchChromium();
  base = inject('fixtureUrl');
});
afterAll(async () => {
  await browser?.close();
});

const CYRILLIC = '/publications/cyrillic-report-with-pdf/';
const SCRIPT_TITLE = '/publications/script-tag-in-title/';
const QUOTES = '/publications/quotes-and-ampersand/';
const UNDATED = '/publications/undated-guidance/';
const UNODC = '/publications/global-report-on-trafficking-in-persons-2020/';

async function get(path: string): Promise<string> {
  const response = await fetch(new URL(path, base));
  expect(response.status, path).toBe(200);
  return response.text();
}

const stripGraph = (data: Array<Record<string, unknown>>) => data.map(({ _graph, ...rest }) => rest);

describe('"Cite this" on a publication page', () => {
  it('shows APA and Harvard references with italic titles, passes axe, stays on 127.0.0.1 (320 and 1280 px)', async () => {
    for (const width of [320, 1280]) {
      const { page, externalRequests } = await openPage(browser, `${base}${CYRILLIC}`, { width });
      const section = page.getByRole('region', { name: 'Cite this' });
      await expect(section.getByRole('heading', { level: 2, name: 'Cite this' }).count()).resolves.toBe(1);
      const apa = section.locator('.cite-text[data-style="apa"]');
      await expect(apa.textContent()).resolves.toBe(
        'ОБСЕ, Бюро по демократическим институтам и правам человека, & Иванова, М. (2020). Руководство по выявлению жертв торговли людьми. OSCE Office for Democratic Institutions and Human Rights. https://www.osce.org/files/f/documents/guide-identification.pdf',
      );
      await expect(apa.locator('i').textContent()).resolves.toBe('Руководство по выявлению жертв торговли людьми');
      await expect(apa.locator('i bdi').getAttribute('lang')).resolves.toBe('ru');
      await expect(section.locator('.cite-text[data-style="harvard"]').textContent()).resolves.toContain('(2020) ');
      await expectNoAxeViolations(page);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `cite-publication-${width}`);
      expect(externalRequests).toEqual([]);
      await page.context().close();
    }
    const { page: country } = await openPage(browser, `${base}/countries/md/`);
    await expect(country.locator('a[type="application/atom+xml"]').first().getAttribute('href')).resolves.toBe('/feeds/countries/md.xml');
    await expect(country.locator('a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(
      ['/data/countries/md.csv', '/data/countries/md.json', '/data/countries/md.bib', '/data/countries/md.ris'],
    );
    // The files are there and hold Moldova's publications only.
    const moldova = JSON.parse(await get('/data/countries/md.json')) as { entries: Array<{ slug: string; country: string[] }> };
    expect(moldova.entries.map((e) => e.slug)).toContain('cyrillic-report-with-pdf');
    expect(moldova.entries.every((e) => e.country.includes('MD'))).toBe(true);
    const rows = parseCsv(await get('/data/countries/md.csv'), { bom: true, columns: true }) as Array<{ slug: string }>;
    expect(rows.map((r) => r.slug)).toEqual(moldova.entries.map((e) => e.slug));
    expect(await get('/data/countries/md.bib')).toMatch(/^@\w+\{/m);
    expect(await get('/data/countries/md.ris')).toMatch(/^TY {2}- /m);
    await country.context().close();
  });

  it('keeps a title with </script><!-- as text in the citation, the page and the JSON-LD', async () => {
    const title = 'Indicators for "labour" inspectors, </script><!-- and other closing tags';
    const { page } = await openPage(browser, `${base}${SCRIPT_TITLE}`, { width: 320 });
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('.cite-text[data-style="apa"]').textContent()).resolves.toContain('</script><!-- and other closing tags');
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toMatch(/[<>]/);
    const data = JSON.parse(scripts[0]!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      name: title,
      datePublished: '2016',
      author: [{ '@type': 'Organization', name: 'Institute for International Research on Criminal Policy (IRCP), Ghent University' }],
      about: [{ '@type': 'Place', name: 'European Economic Area' }, { '@type': 'Place', name: 'Belgium', identifier: 'BE' }],
    });
    // Nothing after the title leaked out of <head>: the page still has its footer and "Cite this".
    await expect(page.getByRole('heading', { name: 'Cite this' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'cite-script-title-320');
    await page.context().close();
  });

  it('an entry without year or authors: "n.d." and "no date", no "undefined"', async () => {
    const { page } = await openPage(browser, `${base}${UNDATED}`);
    const texts = await page.locator('.cite-text').allTextContents();
    expect(texts).toContain('[Referral guidance without a date]. (n.d.).');
    expect(texts).toContain('[Referral guidance without a date] (no date).');
    for (const text of texts) expect(text).not.toMatch(/undefined|null|NaN/);
    await page.context().close();
  });

  it('Copy puts the reference on the clipboard and says so', async () => {
    const { page } = await openPage(browser, `${base}${QUOTES}`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const button = page.getByRole('button', { name: 'Copy the APA 7 citation' });
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    await page.waitForFunction(() => document.querySelector('.cite-status')?.textContent === 'Citation copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      'Walk Free Foundation & Organization for Security and Co-operation in Europe, Office for Democratic Institutions and Human Rights. (2018). Survivors “first” & partners: <b>not bold</b> in Trinidad & Tobago.',
    );
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('without JavaScript: no Copy buttons, the references are there to select', async () => {
    const { page } = await openPage(browser, `${base}${QUOTES}`, { javaScript: false });
    await expect(page.locator('.cite-copy').count()).resolves.toBeGreaterThan(0);
    for (const button of await page.locator('.cite-copy').all()) await expect(button.isVisible()).resolves.toBe(false);
    await expect(page.locator('.cite-text[data-style="apa"]').textContent()).resolves.toContain('<b>not bold</b>');
    await expect(page.locator('.cite-text b').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('the record downloads are RIS, BibTeX and CSL-JSON that parse back to this publication', async () => {
    const { page } = await openPage(browser, `${base}${CYRILLIC}`);
    const links = page.locator('.cite-downloads a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs).toEqual([`${CYRILLIC}cite.ris`, `${CYRILLIC}cite.bib`, `${CYRILLIC}cite.json`]);
    const alternates = await page.locator('head link[rel="alternate"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
    expect(alternates).toEqual(expect.arrayContaining(hrefs));
    for (const href of hrefs) {
      const text = await get(href);
      const data = href.endsWith('.json') ? JSON.parse(text) : text;
      const [record] = stripGraph(new Cite(data).data);
      expect(record, href).toMatchObject({
        title: 'Руководство по выявлению жертв торговли людьми',
        issued: { 'date-parts': [[2020]] },
        URL: 'https://www.osce.org/files/f/documents/guide-identification.pdf',
        type: 'report',
      });
      expect((record!.author as Array<{ family: string; given?: string }>)[1]).toMatchObject({ family: 'Иванова', given: 'Мария' });
    }
    await page.context().close();
  });
});

interface ZoteroItem {
  itemType: string | undefined;
  title: string | undefined;
  date: string | undefined;
  /** The creator strings Zotero goes on to split into first and last names. */
  creators: string[];
  institution?: string;
  publisher?: string;
  url?: string;
  pdf?: string;
  language?: string;
}

/**
 * Reads <head> the way Zotero's "Embedded Metadata" translator does (zotero/translators, Embedded Metadata.js):
 * the item type from the Highwire tag that settles it (citation_technical_report_institution → report), else from
 * og:type / DC.type (the RDF pass), else "journalArticle" as its guess from citation_title; creators from
 * citation_author nodes, each split at ";", a lone node also at "," when both sides have a space.
 */
async function readLikeZotero(page: Page): Promise<ZoteroItem> {
  return page.evaluate(() => {
    const metas = [...document.head.querySelectorAll('meta')];
    const content = (name: string) => metas.find((m) => m.getAttribute('name') === name)?.getAttribute('content') ?? undefined;
    const all = (name: string) => metas.filter((m) => m.getAttribute('name') === name).map((m) => m.getAttribute('content') ?? '');
    const names = metas.map((m) => m.getAttribute('name') ?? m.getAttribute('property'));
    let hwType: string | undefined;
    if (names.includes('citation_journal_title')) hwType = 'journalArticle';
    if (names.includes('citation_technical_report_institution')) hwType = 'report';
    if (names.includes('citation_conference_title')) hwType = 'conferencePaper';
    if (names.includes('citation_dissertation_institution')) hwType = 'thesis';
    const ogType = metas.find((m) => m.getAttribute('property') === 'og:type')?.getAttribute('content');
    const dcType = content('DC.type');
    const zoteroTypes = ['book', 'report', 'document', 'webpage', 'journalArticle'];
    const rdfType =
      ogType === 'book' ? 'book' : ogType === 'website' ? 'webpage' : dcType && zoteroTypes.includes(dcType) ? dcType : undefined;
    const hwGuess = names.includes('citation_title') ? 'journalArticle' : undefined;
    const nodes = all('citation_author');
    const creators = nodes.flatMap((node) => {
      let parts = node.split(/\s*;\s*/);
      if (parts.length === 1 && nodes.length === 1) {
        const byComma = parts[0]!.split(/\s*,\s*/);
        if (byComma.length > 1 && byComma[0]!.includes(' ') && byComma[1]!.includes(' ')) parts = byComma;
      }
      return parts.map((p) => p.trim()).filter((p) => /[^\s,\-.;]/.test(p));
    });
    return {
      itemType: hwType ?? rdfType ?? hwGuess,
      title: content('citation_title'),
      date: content('citation_publication_date') ?? content('citation_date'),
      creators,
      institution: content('citation_technical_report_institution'),
      publisher: content('citation_publisher'),
      url: content('citation_abstract_html_url'),
      pdf: content('citation_pdf_url'),
      language: content('citation_language'),
    };
  });
}

describe('reference managers reading <head> (Zotero Embedded Metadata)', () => {
  it('a report by an organisation: Report, title, the organisation whole, year', async () => {
    const { page } = await openPage(browser, `${base}${UNODC}`);
    expect(await readLikeZotero(page)).toMatchObject({
      itemType: 'report',
      title: 'Global Report on Trafficking in Persons 2020',
      creators: ['United Nations Office on Drugs and Crime (UNODC)'],
      date: '2021',
      institution: 'United Nations Office on Drugs and Crime (UNODC)',
      url: 'https://www.unodc.org/unodc/data-and-analysis/glotip.html',
      language: 'en',
    });
    await page.context().close();
  });

  it('two organisations, one with a comma: two creators, neither split into names', async () => {
    const { page } = await openPage(browser, `${base}${QUOTES}`);
    const item = await readLikeZotero(page);
    expect(item.itemType).toBe('report');
    expect(item.title).toBe('Survivors "first" & partners: <b>not bold</b> in Trinidad & Tobago');
    expect(item.creators).toEqual([
      'Walk Free Foundation',
      'Organization for Security and Co-operation in Europe, Office for Democratic Institutions and Human Rights',
    ]);
    expect(item.date).toBe('2018');
    await page.context().close();
  });

  it('Cyrillic report: organisation whole, person as "Family, Given", PDF link, language', async () => {
    const { page } = await openPage(browser, `${base}${CYRILLIC}`);
    expect(await readLikeZotero(page)).toMatchObject({
      itemType: 'report',
      title: 'Руководство по выявлению жертв торговли людьми',
      creators: ['ОБСЕ, Бюро по демократическим институтам и правам человека', 'Иванова, Мария'],
      date: '2020',
      institution: 'OSCE Office for Democratic Institutions and Human Rights',
      pdf: 'https://www.osce.org/files/f/documents/guide-identification.pdf',
      language: 'ru',
    });
    await page.context().close();
  });

  it('a toolkit is a Book with its publisher; an undated entry has no date and no creators', async () => {
    const toolkit = await openPage(browser, `${base}${SCRIPT_TITLE}`);
    expect(await readLikeZotero(toolkit.page)).toMatchObject({ itemType: 'book', publisher: 'Maklu', date: '2016' });
    await toolkit.page.context().close();
    const undated = await openPage(browser, `${base}${UNDATED}`);
    expect(await readLikeZotero(undated.page)).toMatchObject({
      itemType: 'book',
      title: '[Referral guidance without a date]',
      creators: [],
      date: undefined,
    });
    await undated.page.context().close();
  });
});

describe('open data, feeds and site files as served', () => {
  const atomParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });

  it('the /data/ page documents the files and every link on it works (320 and 1280 px)', async () => {
    for (const width of [320, 1280]) {
      const { page, externalRequests } = await openPage(browser, `${base}/data/`, { width });
      await expect(page.locator('h1').textContent()).resolves.toBe('Open data');
      await expect(page.getByRole('link', { name: 'CC0 1.0 Universal (public domain dedication)' }).count()).resolves.toBe(1);
      await expect(page.getByRole('rowheader', { name: 'country_names' }).count()).resolves.toBe(1);
      // Per-value files are linked from each browse page (FeedLink inline), which /data/ points to.
      await expect(page.locator('main a[href="/countries/"]').count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, `cite-data-page-${width}`);
      expect(externalRequests).toEqual([]);
      if (width === 1280) {
        const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!))]);
        expect(hrefs.length).toBeGreaterThan(20);
        for (const href of hrefs) {
          const response = await fetch(new URL(href, base));
          expect(response.status, href).toBe(200);
        }
      }
      await page.context().close();
    }
  });

  it('catalogue.csv parses with csv-parse: a row per entry, Cyrillic, Arabic and quoted commas intact', async () => {
    const rows = parseCsv(await get('/data/catalogue.csv'), { bom: true, columns: true }) as Array<Record<string, string>>;
    const json = JSON.parse(await get('/data/catalogue.json'));
    expect(rows).toHaveLength(json.count);
    expect(rows.map((r) => r.slug)).toEqual(json.entries.map((e: { slug: string }) => e.slug));
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    expect(bySlug.get('cyrillic-report-with-pdf')).toMatchObject({
      title: 'Руководство по выявлению жертв торговли людьми',
      authors: 'ОБСЕ, Бюро по демократическим институтам и правам человека | Мария Иванова',
      regions: 'South-Eastern Europe, Eastern Europe and Central Asia',
      countries: 'MD | UA',
      country_names: 'Moldova | Ukraine',
    });
    expect(bySlug.get('arabic-title-toolkit')!.title).toBe('دليل الصحفيين حول الاتجار بالبشر 2019');
    expect(bySlug.get('quotes-and-ampersand')!.title).toBe('Survivors "first" & partners: <b>not bold</b> in Trinidad & Tobago');
  });

  it('catalogue.bib and catalogue.ris hold every entry and parse', async () => {
    const json = JSON.parse(await get('/data/catalogue.json'));
    const bib = stripGraph(new Cite(await get('/data/catalogue.bib')).data);
    const ris = stripGraph(new Cite(await get('/data/catalogue.ris')).data);
    expect(bib.map((r) => r.id)).toEqual(json.entries.map((e: { slug: string }) => e.slug));
    expect(ris.map((r) => r.id)).toEqual(json.entries.map((e: { slug: string }) => e.slug));
    JSON.parse(await get('/data/entry.schema.json'));
    JSON.parse(await get('/data/catalogue.schema.json'));
  });

  it('feeds are well-formed Atom with the required elements', async () => {
    for (const path of ['/feeds/newest.xml', '/feeds/countries/md.xml', '/feeds/regions/worldwide.xml', '/feeds/categories/report.xml', '/feeds/countries/nz.xml']) {
      const xml = await get(path);
      expect(XMLValidator.validate(xml), path).toBe(true);
      const { feed } = atomParser.parse(xml);
      expect(feed.id, path).toMatch(/^https:\/\//);
      expect(feed.title, path).toBeTruthy();
      expect(feed.updated, path).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(feed.link.map((l: Record<string, string>) => l['@rel']), path).toEqual(['self', 'alternate']);
      for (const entry of feed.entry ?? []) {
        expect(entry.id).toMatch(/\/publications\/[a-z0-9-]+\/$/);
        expect(entry.title).toBeTruthy();
        expect(entry.updated).toBeTruthy();
        expect(entry.link[0]['@href']).toBe(entry.id);
      }
    }
    const newest = atomParser.parse(await get('/feeds/newest.xml'));
    expect(newest.feed.entry.length).toBe(JSON.parse(await get('/data/catalogue.json')).count);
  });

  it('sitemap.xml lists every page a visitor can reach from the home page, and each one exists', async () => {
    const xml = await get('/sitemap.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const listed = new Set<string>(
      (new XMLParser().parse(xml).urlset.url as Array<{ loc: string }>).map((u) => new URL(u.loc).pathname),
    );
    for (const path of listed) expect((await fetch(new URL(path, base))).status, path).toBe(200);
    // Crawl the site's own pages (HTML only) and check the sitemap knows each.
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length) {
      const path = queue.shift()!;
      const response = await fetch(new URL(path, base));
      if (!response.headers.get('content-type')?.includes('text/html')) continue;
      expect(listed.has(path), `${path} is missing from sitemap.xml`).toBe(true);
      const html = await response.text();
      for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#?]*)"/g)) {
        if (!href!.endsWith('/') || seen.has(href!)) continue;
        seen.add(href!);
        queue.push(href!);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(await get('/robots.txt')).toContain('Sitemap: ');
    expect(XMLValidator.validate(await get('/opensearch.xml'))).toBe(true);
  });
});
