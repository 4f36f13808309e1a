import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shortHash, slugify } from '../../src/lib/slug';
import {
  ARABIC_AUTHOR,
  COLLIDING_AUTHORS,
  GENERATED_COUNT,
  PAGE_AUTHOR,
  SHARED_AUTHOR,
} from '../fixtures/site/browse-catalogue';
import { readEntries } from '../support/fixture-publications';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, openPage, screenshot } from './helpers';

/**
 * Browse pages (issue 5), against a catalogue built once per run (global-setup.ts): the fixture site's edge cases
 * (right-to-left title, quotes and "&", no year and no authors, a region with a comma) plus enough generated entries
 * to paginate.
 */

let browser: Browser;
const base = inject('browseUrl');
const contentDir = inject('browseContentDir');
const site = { outDir: inject('browseOutDir') };

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const ENTRY_COUNT = readdirSync('tests/fixtures/site/publications').filter((f) => f.endsWith('.md')).length +
  GENERATED_COUNT +
  2;

/** Every HTML page the build wrote, as URL paths ("/countries/tt/"). */
function builtPages(): string[] {
  const pages: string[] = [];
  for (const file of readdirSync(site.outDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('index.html')) continue;
    const dir = file.slice(0, -'index.html'.length).split(sep).join('/');
    pages.push(`/${dir}`);
  }
  return pages.sort();
}

/** The value pages of one facet: "/countries/tt/" → "tt" (first pages only). */
function valueSlugs(segment: string): string[] {
  return builtPages()
    .filter((path) => path.startsWith(`/${segment}/`) && !path.includes('/page/'))
    .map((path) => path.slice(segment.length + 2, -1))
    .filter((slug) => slug !== '')
    .sort();
}

/** The values each facet should have, read straight from the entry files (an oracle independent of src/lib/facets). */
function expectedValueSlugs() {
  const sets = {
    regions: new Set<string>(),
    countries: new Set<string>(),
    years: new Set<string>(),
    categories: new Set<string>(),
    languages: new Set<string>(),
    authors: new Set<string>(),
  };
  for (const { data } of readEntries(contentDir)) {
    for (const region of (data.region as string[] | undefined) ?? []) sets.regions.add(slugify(region));
    for (const code of (data.country as string[] | undefined) ?? []) sets.countries.add(code.toLowerCase());
    sets.years.add(data.year === undefined ? 'undated' : String(data.year));
    sets.categories.add(String(data.category));
    for (const code of (data.languages as string[] | undefined) ?? []) sets.languages.add(code);
    for (const author of (data.authors as string[] | undefined) ?? []) sets.authors.add(author);
  }
  return sets;
}

async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function headLink(page: Page, rel: 'prev' | 'next'): Promise<string | null> {
  const link = page.locator(`head link[rel="${rel}"]`);
  return (await link.count()) ? link.getAttribute('href') : null;
}

describe('which browse pages exist', () => {
  it('has exactly one page per value that occurs, for every facet, and no others', () => {
    const expected = expectedValueSlugs();
    expect(valueSlugs('regions')).toEqual([...expected.regions].sort());
    expect(valueSlugs('countries')).toEqual([...expected.countries].sort());
    expect(valueSlugs('years')).toEqual([...expected.years].sort());
    expect(valueSlugs('categories')).toEqual([...expected.categories].sort());
    expect(valueSlugs('languages')).toEqual([...expected.languages].sort());
    // Authors: one page per distinct name (colliding slugs disambiguated, none lost).
    expect(valueSlugs('authors')).toHaveLength(expected.authors.size);
    for (const index of ['/regions/', '/countries/', '/years/', '/categories/', '/languages/', '/authors/']) {
      expect(builtPages(), index).toContain(index);
    }
  });

  it('keeps a region with a comma whole, puts undated entries on /years/undated/ only, and writes no wrong pages', () => {
    const pages = builtPages();
    expect(pages).toContain('/regions/south-eastern-europe-eastern-europe-and-central-asia/');
    expect(pages).toContain('/years/undated/');
    for (const wrong of [
      '/regions/central/',
      '/regions/south-eastern-europe/',
      '/regions/eastern-europe-and-central-asia/',
      '/years/undefined/',
      '/years/null/',
      '/years/nan/',
      '/years/0/',
      '/authors/undefined/',
      '/authors/page/',
      '/languages/undefined/',
      '/countries/undefined/',
    ]) {
      expect(pages, wrong).not.toContain(wrong);
    }
    expect(pages.filter((p) => /undefined|null|nan\b|\/\/|[A-Z\s,]/.test(p))).toEqual([]);
  });

  it('shows no "undefined", "null" or "NaN" on any page', () => {
    const offenders: string[] = [];
    for (const path of builtPages()) {
      const html = readFileSync(join(site.outDir, ...path.split('/'), 'index.html'), 'utf8');
      const text = html
        .replace(/<script[\s\S]*?<\/script>/g, ' ')
        .replace(/<style[\s\S]*?<\/style>/g, ' ')
        .replace(/<[^>]+>/g, ' ');
      const attributes = [...html.matchAll(/(?:href|content|title|aria-label)="([^"]*)"/g)].map((m) => m[1]).join(' ');
      if (/\b(?:undefined|null|NaN)\b/.test(`${text} ${attributes}`)) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });

  it('gives colliding, non-Latin and "Page" author names distinct pages of their own', () => {
    const slugs = valueSlugs('authors');
    expect(slugs).toContain('jose-perez');
    expect(slugs).toContain(`jose-perez-${shortHash(COLLIDING_AUTHORS[0])}`);
    expect(slugs).toContain(slugify(ARABIC_AUTHOR));
    expect(slugify(ARABIC_AUTHOR)).toMatch(/^n-[0-9a-f]{8}$/);
    expect(slugs).toContain(`page-${shortHash(PAGE_AUTHOR)}`);
    expect(slugs).not.toContain('page');
  });

  it('resolves every internal link on every browse, list and publication page', async () => {
    const mine = /^\/(?:$|publications\/|regions\/|countries\/|years\/|categories\/|languages\/|authors\/)/;
    const links = new Set<string>();
    for (const path of builtPages().filter((p) => mine.test(p))) {
      const html = readFileSync(join(site.outDir, ...path.split('/'), 'index.html'), 'utf8');
      for (const [, href] of html.matchAll(/href="(\/[^"#]*)/g)) if (href!.endsWith('/')) links.add(href!);
    }
    expect(links.size).toBeGreaterThan(500);
    const broken: string[] = [];
    for (const link of links) {
      const response = await fetch(base + link);
      if (response.status !== 200) broken.push(`${link} (${response.status})`);
    }
    expect(broken).toEqual([]);
  });
});

describe('a publication page', () => {
  it('shows every field in words, each linked to its browse page, and escapes the title exactly once', async () => {
    const { page, externalRequests } = await openPage(browser, `${base}/publications/quotes-and-ampersand/`);
    const typed = 'Survivors "first" & partners: <b>not bold</b> in Trinidad & Tobago';
    expect(await textOf(page, 'h1')).toBe(typed);
    expect(await page.title()).toBe(`${typed} · Anti-Trafficking Publications Catalogue`);
    expect(await page.locator('h1 b').count()).toBe(0);
    // Meta tags carry the title as typed too: never an entity left over from escaping twice.
    const metas = await page.locator('head meta[content]').evaluateAll((ms) => ms.map((m) => m.getAttribute('content')!));
    expect(metas.filter((content) => /&(?:amp|quot|lt|gt|#\d+);/.test(content))).toEqual([]);
    expect(metas.some((content) => content.includes(typed))).toBe(true);
    const fields = page.locator('dl.fields');
    const link = (name: string) => fields.getByRole('link', { name, exact: true });
    await expect(link('Trinidad and Tobago').getAttribute('href')).resolves.toBe('/countries/tt/');
    await expect(link('Issue paper').getAttribute('href')).resolves.toBe('/categories/issue-paper/');
    await expect(link('2018').getAttribute('href')).resolves.toBe('/years/2018/');
    await expect(link('Central and North America and the Caribbean').getAttribute('href')).resolves.toBe(
      '/regions/central-and-north-america-and-the-caribbean/',
    );
    await expect(link('Walk Free Foundation').getAttribute('href')).resolves.toBe('/authors/walk-free-foundation/');
    expect(await fields.textContent()).not.toMatch(/\bTT\b|issue-paper/);
    await expect(textOf(page, 'dl.fields')).resolves.toContain('Added to the catalogue22 November 2026');
    // Following a field's link leads to its browse page, which lists this publication.
    await link('Trinidad and Tobago').click();
    await page.waitForURL(/\/countries\/tt\/$/);
    expect(await textOf(page, 'h1')).toBe('Trinidad and Tobago');
    expect(await textOf(page, '.entry-list')).toContain(typed);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('handles an entry without year or authors: Undated, linked; no Authors row; comma region whole', async () => {
    const { page } = await openPage(browser, `${base}/publications/undated-guidance/`);
    const fields = page.locator('dl.fields');
    await expect(fields.getByRole('link', { name: 'Undated' }).getAttribute('href')).resolves.toBe('/years/undated/');
    expect(await fields.locator('dt', { hasText: /^Authors?$/ }).count()).toBe(0);
    await expect(
      fields.getByRole('link', { name: 'South-Eastern Europe, Eastern Europe and Central Asia' }).getAttribute('href'),
    ).resolves.toBe('/regions/south-eastern-europe-eastern-europe-and-central-asia/');
    await expect(fields.getByRole('link', { name: 'Kosovo' }).getAttribute('href')).resolves.toBe('/countries/xk/');
    await expect(fields.getByRole('link', { name: 'North Macedonia' }).getAttribute('href')).resolves.toBe(
      '/countries/mk/',
    );
    await page.context().close();
  });

  it('has a table of contents and a link to each section of its full text', async () => {
    const { page } = await openPage(browser, `${base}/publications/full-text-report/`);
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const tocLinks = await toc.getByRole('link').evaluateAll((as) =>
      as.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(tocLinks).toEqual([
      ['Historical Background', '#historical-background'],
      ['Survivor Engagement', '#survivor-engagement'],
      ['Technology', '#technology'],
    ]);
    // Sections sit under the page's "Full text" heading (h2): the text's ## become h3, ### h4.
    await expect(page.locator('h3#historical-background').textContent()).resolves.toBe('Historical Background');
    await expect(page.locator('h4#technology').textContent()).resolves.toBe('Technology');
    for (const id of ['historical-background', 'survivor-engagement', 'technology']) {
      const anchor = page.locator(`.full-text a.heading-anchor[href="#${id}"]`);
      expect(await anchor.count(), id).toBe(1);
      expect(await page.locator(`#${id}`).count(), id).toBe(1);
    }
    await toc.getByRole('link', { name: 'Survivor Engagement' }).click();
    expect(new URL(page.url()).hash).toBe('#survivor-engagement');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('shows no full-text section or contents for an entry without a body', async () => {
    const { page } = await openPage(browser, `${base}/publications/undated-guidance/`);
    expect(await page.getByRole('heading', { name: 'Full text' }).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Contents' }).count()).toBe(0);
    await page.context().close();
  });

  it('marks the https link to the publication as leaving the site', async () => {
    const { page, externalRequests } = await openPage(
      browser,
      `${base}/publications/global-report-on-trafficking-in-persons-2020/`,
    );
    const external = page.locator('.external-link a');
    await expect(external.getAttribute('href')).resolves.toBe('https://www.unodc.org/unodc/data-and-analysis/glotip.html');
    await expect(external.textContent()).resolves.toBe('Get the publication from unodc.org (external site)');
    await expect(external.getAttribute('rel')).resolves.toBe('external noopener noreferrer');
    // Three languages, in words, each linked.
    for (const [name, code] of [['English', 'en'], ['French', 'fr'], ['Spanish', 'es']]) {
      await expect(page.locator('dl.fields').getByRole('link', { name }).getAttribute('href')).resolves.toBe(
        `/languages/${code}/`,
      );
    }
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('gives a right-to-left title its language and direction in lists too', async () => {
    const { page } = await openPage(browser, `${base}/languages/ar/`);
    expect(await textOf(page, 'h1')).toBe('Arabic');
    const arabicTitle = 'دليل الصحفيين حول الاتجار بالبشر 2019';
    const item = page.locator('.entry-list > li', { hasText: arabicTitle });
    const title = item.locator('bdi[lang="ar"]');
    await expect(title.getAttribute('dir')).resolves.toBe('rtl');
    await expect(title.textContent()).resolves.toBe(arabicTitle);
    // The year on the line below is isolated from the title: it stays where it is.
    await expect(item.locator('.entry-meta').textContent()).resolves.toBe('2019 · Toolkit');
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe('facet indexes', () => {
  it('lists each region, country, year, category, language with counts, linked to its page', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['/regions/', 'Regions', 'South-Eastern Europe, Eastern Europe and Central Asia', '/regions/south-eastern-europe-eastern-europe-and-central-asia/'],
      ['/countries/', 'Countries', 'Trinidad and Tobago', '/countries/tt/'],
      ['/years/', 'Years', 'Undated', '/years/undated/'],
      ['/categories/', 'Categories', 'Issue paper', '/categories/issue-paper/'],
      ['/languages/', 'Languages', 'Arabic', '/languages/ar/'],
      ['/authors/', 'Authors', SHARED_AUTHOR, '/authors/pagination-test-author/'],
    ];
    for (const [path, heading, name, href] of cases) {
      const { page, externalRequests } = await openPage(browser, base + path);
      expect(await textOf(page, 'h1'), path).toBe(heading);
      const link = page.locator('main').getByRole('link', { name, exact: true });
      await expect(link.getAttribute('href'), path).resolves.toBe(href);
      const item = await link.locator('xpath=..').textContent();
      expect(item?.replace(/\s+/g, ' '), path).toMatch(/\(\d[\d,]* publications?\)/);
      expect(externalRequests).toEqual([]);
      await page.context().close();
    }
  });

  it('orders years newest first with Undated last, and counts them right', async () => {
    const { page } = await openPage(browser, `${base}/years/`);
    const names = await page.locator('main .facet-values a').allTextContents();
    expect(names.at(-1)).toBe('Undated');
    const years = names.slice(0, -1).map(Number);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const undated = await page.locator('main .facet-values li', { hasText: 'Undated' }).textContent();
    // Every tenth generated entry and the fixture site's undated entries, counted from the files.
    const undatedFiles = readEntries(contentDir).filter(({ data }) => data.year === undefined).length;
    expect(undatedFiles).toBeGreaterThan(GENERATED_COUNT / 10);
    expect(undated?.replace(/\s+/g, ' ')).toContain(`(${undatedFiles} publications)`);
    await page.context().close();
  });

  it('splits the long authors index into pages, grouped by initial, with jump links that work', async () => {
    const { page } = await openPage(browser, `${base}/authors/`);
    await expect(headLink(page, 'next')).resolves.toBe('/authors/page/2/');
    const jumps = page.getByRole('navigation', { name: 'Authors by initial' });
    const other = jumps.getByRole('link', { name: 'Other' });
    await expect(other.getAttribute('href')).resolves.toBe('/authors/page/2/#initial-other');
    await other.click();
    await page.waitForURL(/\/authors\/page\/2\/#initial-other$/);
    const section = page.locator('section', { has: page.locator('h2#initial-other') });
    await expect(section.getByRole('link', { name: ARABIC_AUTHOR }).getAttribute('href')).resolves.toBe(
      `/authors/${slugify(ARABIC_AUTHOR)}/`,
    );
    await expect(headLink(page, 'prev')).resolves.toBe('/authors/');
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe('facet value pages and pagination', () => {
  it("heads each page with the value's human name", async () => {
    for (const [path, name] of [
      ['/countries/tt/', 'Trinidad and Tobago'],
      ['/countries/xk/', 'Kosovo'],
      ['/languages/ar/', 'Arabic'],
      ['/categories/issue-paper/', 'Issue paper'],
      ['/years/undated/', 'Undated'],
      ['/regions/south-eastern-europe-eastern-europe-and-central-asia/', 'South-Eastern Europe, Eastern Europe and Central Asia'],
      [`/authors/jose-perez-${shortHash('José Pérez')}/`, 'José Pérez'],
      ['/authors/jose-perez/', 'Jose Perez'],
    ]) {
      const { page } = await openPage(browser, base + path!);
      expect(await textOf(page, 'h1'), path).toBe(name);
      expect(await page.title(), path).toContain(name!);
      await page.context().close();
    }
  });

  it('paginates a long list 50 per page with rel=prev/next, visible page links and aria-current', async () => {
    const first = `${base}/regions/west-and-central-africa/`;
    const { page } = await openPage(browser, first);
    const titles: string[] = [];
    const years: Array<number | undefined> = [];
    const expected = [
      { path: '/regions/west-and-central-africa/', prev: null, next: '/regions/west-and-central-africa/page/2/', items: 50 },
      { path: '/regions/west-and-central-africa/page/2/', prev: '/regions/west-and-central-africa/', next: '/regions/west-and-central-africa/page/3/', items: 50 },
      { path: '/regions/west-and-central-africa/page/3/', prev: '/regions/west-and-central-africa/page/2/', next: null, items: GENERATED_COUNT - 100 },
    ];
    for (const [index, step] of expected.entries()) {
      expect(new URL(page.url()).pathname).toBe(step.path);
      expect(await textOf(page, 'h1')).toBe('West and Central Africa');
      await expect(headLink(page, 'prev')).resolves.toBe(step.prev);
      await expect(headLink(page, 'next')).resolves.toBe(step.next);
      const pagination = page.getByRole('navigation', { name: 'Pages' });
      const current = pagination.locator('[aria-current="page"]');
      expect(await current.count()).toBe(1);
      expect(await current.textContent()).toBe(`Page ${index + 1}`);
      await expect(current.getAttribute('href')).resolves.toBe(step.path);
      expect(await page.locator('.entry-list > li').count()).toBe(step.items);
      titles.push(...(await page.locator('.entry-list .entry-title').allTextContents()));
      for (const year of await page.locator('.entry-list .entry-year').allTextContents()) {
        years.push(year === 'Undated' ? undefined : Number(year));
      }
      if (step.next) {
        await pagination.getByRole('link', { name: 'Next page' }).click();
        await page.waitForURL(base + step.next);
      }
    }
    // All entries once, newest first, undated last.
    expect(titles).toHaveLength(GENERATED_COUNT);
    expect(new Set(titles).size).toBe(GENERATED_COUNT);
    const dated = years.filter((y): y is number => y !== undefined);
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
    expect(years.slice(dated.length).every((y) => y === undefined)).toBe(true);
    // Previous goes back.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Previous page' }).click();
    await page.waitForURL(`${base}/regions/west-and-central-africa/page/2/`);
    await page.context().close();
    // No page past the last one.
    expect((await fetch(`${base}/regions/west-and-central-africa/page/4/`)).status).toBe(404);
    expect((await fetch(`${base}/regions/west-and-central-africa/page/1/`)).status).toBe(404);
  });

  it('paginates the same way for an author, a country and all publications', async () => {
    for (const [path, total] of [
      ['/authors/pagination-test-author/', GENERATED_COUNT],
      ['/countries/ng/', GENERATED_COUNT],
      ['/publications/', ENTRY_COUNT],
    ] as const) {
      const pages = Math.ceil(total / 50);
      const { page } = await openPage(browser, `${base}${path}page/${pages}/`);
      expect(await page.locator('.entry-list > li').count(), path).toBe(total - (pages - 1) * 50);
      await expect(headLink(page, 'next'), path).resolves.toBeNull();
      await expect(headLink(page, 'prev'), path).resolves.toBe(pages === 2 ? path : `${path}page/${pages - 1}/`);
      expect(await textOf(page, 'main'), path).toContain(`Page ${pages} of ${pages}`);
      await page.context().close();
    }
  });

  it('has no pagination on a list that fits one page', async () => {
    const { page } = await openPage(browser, `${base}/countries/tt/`);
    expect(await page.getByRole('navigation', { name: 'Pages' }).count()).toBe(0);
    await expect(headLink(page, 'next')).resolves.toBeNull();
    await expect(headLink(page, 'prev')).resolves.toBeNull();
    await page.context().close();
  });
});

describe('home and 404', () => {
  it('home: says what the catalogue is, counts it, links every way in, lists the newest additions', async () => {
    const { page, externalRequests } = await openPage(browser, `${base}/`);
    const main = page.locator('main');
    expect(await textOf(page, 'main')).toContain(`${ENTRY_COUNT} publications`);
    expect(await textOf(page, 'main')).toMatch(/researchers, prosecutors, police trainers/);
    for (const [name, href] of [
      ['All publications', '/publications/'],
      ['Regions', '/regions/'],
      ['Countries', '/countries/'],
      ['Years', '/years/'],
      ['Categories', '/categories/'],
      ['Languages', '/languages/'],
      ['Authors', '/authors/'],
    ]) {
      await expect(main.getByRole('link', { name, exact: true }).getAttribute('href'), name).resolves.toBe(href);
      await expect(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).getAttribute('href'),
      ).resolves.toBe(href);
    }
    expect(await main.getByRole('search').count()).toBe(1);
    expect(await page.locator('#newest-heading ~ .entry-list > li').count()).toBe(10);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('404: a missing page answers 404 with search and ways in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await textOf(page, 'h1')).toBe('Page not found');
    expect(await page.locator('main form[role="search"][action="/search/"] input[name="q"]').count()).toBe(1);
    await expect(page.locator('main').getByRole('link', { name: 'Countries' }).getAttribute('href')).resolves.toBe(
      '/countries/',
    );
    await expectNoAxeViolations(page);
    await context.close();
  });
});

/** One page of each type, for the checks every page must pass. */
const PAGE_TYPES: Array<[string, string]> = [
  ['home', '/'],
  ['publication', '/publications/full-text-report/'],
  ['publication-rtl', '/publications/arabic-title-toolkit/'],
  ['publication-undated', '/publications/undated-guidance/'],
  ['all-publications', '/publications/page/2/'],
  ['regions', '/regions/'],
  ['region', '/regions/south-eastern-europe-eastern-europe-and-central-asia/'],
  ['region-page-2', '/regions/west-and-central-africa/page/2/'],
  ['countries', '/countries/'],
  ['country', '/countries/tt/'],
  ['years', '/years/'],
  ['year-undated', '/years/undated/'],
  ['categories', '/categories/'],
  ['category', '/categories/issue-paper/'],
  ['languages', '/languages/'],
  ['language', '/languages/ar/'],
  ['authors', '/authors/'],
  ['author', '/authors/walk-free-foundation/'],
  ['not-found', '/404.html'],
];

describe.each(PAGE_TYPES)('every page type: %s (%s)', (name, path) => {
  it('works without JavaScript, and Tab reaches the skip link first, which moves focus to main', async () => {
    const { page } = await openPage(browser, base + path, { javaScript: false });
    expect((await textOf(page, 'h1')).length).toBeGreaterThan(0);
    expect(await page.locator('main a[href]').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: document.activeElement!.getBoundingClientRect().top >= 0,
    }));
    expect(focused).toEqual({ text: 'Skip to main content', visible: true });
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.context().close();
  });

  it.each([320, 1280])('passes axe (WCAG 2.2 AA) at %i px, fits the screen, sets no cookie, stays on 127.0.0.1', async (width) => {
    const { page, externalRequests } = await openPage(browser, base + path, { width });
    await expectNoAxeViolations(page);
    // Nothing wider than the screen (WCAG 1.4.10 reflow).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `browse-${name}-${width}`);
    // The dark colour scheme must pass too (colour contrast).
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
    expect(externalRequests).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    await page.context().close();
  });
});

describe('every page', () => {
  it('has landmarks, a header link to every facet index marked current where it applies, and lang on <html>', async () => {
    const { page } = await openPage(browser, `${base}/countries/tt/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), role).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Countries' }).getAttribute('aria-current')).resolves.toBe('true');
    await expect(nav.getByRole('link', { name: 'Regions' }).getAttribute('aria-current')).resolves.toBeNull();
    await page.goto(`${base}/countries/`);
    await expect(nav.getByRole('link', { name: 'Countries' }).getAttribute('aria-current')).resolves.toBe('page');
    await page.context().close();
  });

  it('shows a visible focus indicator on links', async () => {
    const { page } = await openPage(browser, `${base}/countries/`);
    // Skip link, into main, then the first link in main, all from the keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it('prints a publication page without navigation, with the link target written out', async () => {
    const { page } = await openPage(browser, `${base}/publications/global-report-on-trafficking-in-persons-2020/`);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.breadcrumbs']) {
      await expect(page.locator(selector).isVisible(), selector).resolves.toBe(false);
    }
    const after = await page
      .locator('.external-link a')
      .evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://www.unodc.org/unodc/data-and-analysis/glotip.html');
    await page.context().close();
  });
});

describe('the real catalogue', () => {
  it('links every browse value on its indexes, and every index page and value page answers', async () => {
    const url = inject('catalogueUrl');
    const broken: string[] = [];
    let checked = 0;
    for (const index of ['/regions/', '/countries/', '/years/', '/categories/', '/languages/', '/authors/', '/publications/']) {
      const html = await (await fetch(url + index)).text();
      const links = [...html.matchAll(/href="(\/(?:regions|countries|years|categories|languages|authors|publications)\/[^"#]+\/)"/g)].map(
        (m) => m[1]!,
      );
      for (const link of new Set(links)) {
        checked++;
        const response = await fetch(url + link);
        if (response.status !== 200) broken.push(`${link} (${response.status})`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('passes axe on a browse page of the real catalogue', async () => {
    const { page, externalRequests } = await openPage(browser, `${inject('catalogueUrl')}/regions/worldwide/`);
    expect(await textOf(page, 'h1')).toBe('Worldwide');
    expect(await page.locator('.entry-list > li').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });
});
