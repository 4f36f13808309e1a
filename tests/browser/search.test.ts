import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFixturePublications } from '../support/fixture-publications';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, openPage, screenshot } from './helpers';

/**
 * The search page (issue 6) in Chromium: typing, filters, order, the URL as the search's state, Back, the empty
 * state and the spelling suggestion, keyboard-only use, axe, and screenshots. The fixture site's entries are small
 * and known (tests/fixtures/site/publications, the search-* files written for these tests); the real catalogue
 * shows the page at its true size.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const fixture = () => inject('fixtureUrl');
const catalogue = () => inject('catalogueUrl');

/** The fixture entries, read here so that expectations follow the files (other work adds fixtures too). */
const FIXTURES = readFixturePublications().map(({ slug, data }) => ({ slug, ...data }));
/** The real catalogue's entries whose file mentions `words` (authors, publisher, summary…): expectations follow it. */
function catalogueEntriesMentioning(words: RegExp): string[] {
  const dir = 'content/publications';
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && words.test(readFileSync(join(dir, name), 'utf8')))
    .map((name) => `/publications/${name.replace(/\.md$/, '')}/`);
}

/** Every fixture entry's summary says "Fixture entry": the word "fixture" finds them all. */
const ALL = FIXTURES.filter((f) => /\bfixture\b/i.test(f.summary));
const ALL_FIXTURES = ALL.length;
const inCountry = (...codes: string[]) => ALL.filter((f) => f.country?.some((c) => codes.includes(c)));
/** Years as the result list shows them, newest or oldest first, undated last either way. */
function yearsSorted(list: typeof ALL, order: 'newest' | 'oldest'): string[] {
  const dated = list.filter((f) => f.year !== undefined).map((f) => f.year!);
  dated.sort((a, b) => (order === 'newest' ? b - a : a - b));
  return [...dated.map(String), ...list.filter((f) => f.year === undefined).map(() => 'Undated')];
}

/**
 * The result links in a sort by year: publications of the same year by slug, the other way round when newest first
 * (one Pagefind sort key, read both ways: state.ts `sortValues`), undated last either way. The same on every machine,
 * whatever order the pages have on disk.
 */
function linksSorted(list: typeof ALL, order: 'newest' | 'oldest'): string[] {
  const key = (f: (typeof ALL)[number]) => `${String(f.year ?? 0).padStart(4, '0')} ${f.slug}`;
  const ascending = [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const sorted = order === 'oldest' ? ascending : ascending.reverse();
  const undated = sorted.filter((f) => f.year === undefined);
  return [...sorted.filter((f) => f.year !== undefined), ...undated].map((f) => `/publications/${f.slug}/`);
}
const resultLinks = (page: Page) =>
  page.locator('#search-results .entry-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

async function status(page: Page): Promise<string> {
  const live = page.locator('#search-status');
  await live.filter({ hasText: /\S/ }).waitFor();
  return (await live.textContent())!.trim();
}

/** Waits for the spoken count to say `pattern`. */
async function waitForStatus(page: Page, pattern: RegExp): Promise<string> {
  await page.locator('#search-status').filter({ hasText: pattern }).waitFor();
  return status(page);
}

async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('#search-results > li h3').allTextContents();
}

async function resultHrefs(page: Page): Promise<string[]> {
  return page.locator('#search-results > li h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
}

/**
 * Reaches the filters as a reader does (open beside the results from tablet width up, folded on a phone; their
 * values load when the pointer or focus reaches them) and waits for their values.
 */
async function openFilters(page: Page): Promise<void> {
  const panel = page.locator('#filters-panel');
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  else await page.locator('.search-filters').hover();
  await page.locator('fieldset:not([hidden]) .filter-values li').first().waitFor();
}

/** Clicks "Show more results" until every result is listed (the page shows the first five). */
async function showAll(page: Page): Promise<void> {
  const more = page.locator('#search-more');
  while (await more.isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await more.click();
    await page.locator('#search-results > li').nth(before).waitFor();
  }
}

/** Sum of the layout shifts not caused by the reader's own input, since the page started (PerformanceObserver). */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
            if (!entry.hadRecentInput) sum += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        requestAnimationFrame(() => setTimeout(() => resolve(sum), 100));
      }),
  );
}

function query(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe('search on the fixture site', () => {
  it('searches as you type, announces the count, shows year, category, authors and a highlighted excerpt', async () => {
    const { page, externalRequests } = await openPage(browser, `${fixture()}/search/`);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await expect(page.locator('#search-status').getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('#search-status').getAttribute('aria-live')).resolves.toBe('polite');
    await page.locator('#search-input').click();
    await page.keyboard.type('recruitment', { delay: 30 });
    await waitForStatus(page, /^1 publication found for “recruitment”\.$/);
    expect(await resultTitles(page)).toEqual(['Fair recruitment of migrant workers in Jordan']);
    const item = page.locator('#search-results > li').first();
    await expect(item.locator('.entry-meta').textContent()).resolves.toBe('2015 · Study · International Labour Organization');
    await expect(item.locator('.excerpt mark').first().textContent()).resolves.toMatch(/recruitment/i);
    expect(query(page).get('q')).toBe('recruitment');
    // Only what the query needs: no filter data (the panel is folded) and no spelling vocabulary (all words known).
    // The fixture's index is in shards (global-setup.ts): /pagefind/ and /pagefind/shard-N/.
    expect(requested.filter((path) => /^\/pagefind\/(shard-\d+\/)?filter\//.test(path) || path.endsWith('vocabulary.json'))).toEqual([]);
    expect(requested.some((path) => /^\/pagefind\/(shard-\d+\/)?fragment\//.test(path))).toBe(true);
    // Nor the code of what this search does not show: the filter panel's, notices and the empty state, the
    // fallbacks of a search that finds little (each loads when used; see search/app.ts).
    expect(requested.filter((path) => /^\/_astro\/(filters|messages|fallbacks|spelling)\.[^/]*\.js$/.test(path))).toEqual([]);
    // The catalogue's index (the documents' own index, /pagefind/documents/, is the documents test's concern).
    const catalogueIndex = (path: string) => !path.startsWith('/pagefind/documents/');
    expect(requested.filter((path) => path.endsWith('/pagefind-entry.json') && catalogueIndex(path)).sort()).toEqual([
      '/pagefind/pagefind-entry.json',
      '/pagefind/shard-1/pagefind-entry.json',
      '/pagefind/shard-2/pagefind-entry.json',
      '/pagefind/shard-3/pagefind-entry.json',
    ]);
    // One WebAssembly for all shards.
    expect(requested.filter((path) => path.endsWith('.pagefind') && path.includes('/wasm.') && catalogueIndex(path))).toEqual(['/pagefind/wasm.en.pagefind']);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('shows titles exactly as typed (escaped once) and right-to-left titles with their language and direction', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=partners+ampersand`);
    await status(page);
    // Among the results (which comes first depends on the fixture's shards, see global-setup.ts).
    expect(await page.locator('#search-results h3').allTextContents()).toContain(
      'Survivors "first" & partners: <b>not bold</b> in Trinidad & Tobago',
    );
    expect(await page.locator('#search-results h3 b').count()).toBe(0);
    await page.goto(`${fixture()}/search/?q=journalists`);
    await status(page);
    const title = page.locator('#search-results h3 bdi').first();
    await expect(title.getAttribute('lang')).resolves.toBe('ar');
    await expect(title.getAttribute('dir')).resolves.toBe('rtl');
    await page.context().close();
  });

  it('finds synonyms, US/UK spellings, hyphen and number variants', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/`);
    const cases: Array<[string, string]> = [
      ['ILO', 'Fair recruitment of migrant workers in Jordan'], // the entry only says International Labour Organization
      ['labour', 'Fair recruitment of migrant workers in Jordan'], // the entry says "labor"
      ['organised', 'Fair recruitment of migrant workers in Jordan'], // … and "organized"
      ['SDG 8.7', 'Fair recruitment of migrant workers in Jordan'],
      ['retrafficking', 'Re-trafficking of returnees in Nepal'],
      ['re trafficking', 'Re-trafficking of returnees in Nepal'],
      ['counter trafficking programs', 'Re-trafficking of returnees in Nepal'],
      ['covid19', 'Re-trafficking of returnees in Nepal'],
      ['UNODC', 'Global Report on Trafficking in Persons 2020'],
      ['United Nations Office on Drugs and Crime', 'Global Report on Trafficking in Persons 2020'],
    ];
    for (const [q, title] of cases) {
      await page.goto(`${fixture()}/search/?q=${encodeURIComponent(q)}`);
      await status(page);
      expect(await resultTitles(page), q).toContain(title);
    }
    await page.context().close();
  });

  it('links a phrase deep in a full text to its section', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=zanzibar-lighthouse-partnership`);
    await status(page);
    const section = page.locator('#search-results .result-sections a').first();
    await expect(section.getAttribute('href')).resolves.toBe('/publications/full-text-report/#survivor-engagement');
    await expect(section.textContent()).resolves.toContain('Survivor Engagement');
    await page.context().close();
  });

  it('filters with real checkboxes whose names carry their counts, combined with the words and with each other', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=fixture`);
    await waitForStatus(page, new RegExp(`^${ALL_FIXTURES} publications found`));
    // Open beside the results, but their values wait until the reader reaches them, so a search that does not
    // filter does not download the filters.
    await expect(page.locator('#filters-panel').evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await expect(page.locator('fieldset[data-filter-key="country"]').isHidden()).resolves.toBe(true);
    await openFilters(page);
    const jordan = inCountry('JO');
    const either = inCountry('JO', 'NP');
    const toolkits = either.filter((f) => f.category === 'toolkit');
    expect(toolkits.length).toBeGreaterThan(1);
    await page.getByRole('checkbox', { name: `Jordan (${jordan.length})` }).check();
    await waitForStatus(page, new RegExp(`^${jordan.length} publications found for “fixture” with 1 filter\\.$`));
    expect(query(page).getAll('country')).toEqual(['Jordan']);
    // Within one filter, values add up (Jordan or Nepal); the counts say what ticking would give.
    await page.getByRole('checkbox', { name: `Nepal (${inCountry('NP').length})` }).check();
    await waitForStatus(page, new RegExp(`^${either.length} publications found for “fixture” with 2 filters\\.$`));
    // Across filters, they narrow: Toolkit, and Jordan or Nepal.
    await page.getByRole('checkbox', { name: /^Toolkit \(\d+\)$/ }).check();
    await waitForStatus(page, new RegExp(`^${toolkits.length} publications found for “fixture” with 3 filters\\.$`));
    expect((await resultTitles(page)).sort()).toEqual(toolkits.map((f) => f.title).sort());
    expect(query(page).getAll('category')).toEqual(['Toolkit']);
    // Each filter is a fieldset with a legend.
    for (const legend of ['Region', 'Country', 'Year', 'Category', 'Language', 'Author']) {
      await expect(page.locator('fieldset > legend', { hasText: new RegExp(`^${legend}$`) }).count(), legend).resolves.toBe(1);
    }
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('sorts by year, newest or oldest first, without losing undated entries', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=fixture`);
    await waitForStatus(page, new RegExp(`^${ALL_FIXTURES} publications found`));
    await page.getByLabel('Sort by').selectOption('year');
    // Pagefind drops pages without the sort key: every entry must still be there, undated ones last.
    await waitForStatus(page, new RegExp(`^${ALL_FIXTURES} publications found for “fixture”, newest first\\.$`));
    await showAll(page);
    const newest = await page.locator('#search-results .entry-meta').allTextContents();
    const years = newest.map((meta) => meta.split(' · ')[0]);
    expect(years).toEqual(yearsSorted(ALL, 'newest'));
    expect(years).toContain('Undated');
    await expect(resultLinks(page)).resolves.toEqual(linksSorted(ALL, 'newest'));
    expect(query(page).get('sort')).toBe('year');
    await page.getByLabel('Sort by').selectOption('year-asc');
    await waitForStatus(page, new RegExp(`^${ALL_FIXTURES} publications found for “fixture”, oldest first\\.$`));
    await showAll(page);
    const oldest = (await page.locator('#search-results .entry-meta').allTextContents()).map((m) => m.split(' · ')[0]);
    expect(oldest).toEqual(yearsSorted(ALL, 'oldest'));
    await expect(resultLinks(page)).resolves.toEqual(linksSorted(ALL, 'oldest'));
    await page.context().close();
  });

  it('lists by filters alone (no words), newest first', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?country=Jordan`);
    const jordan = inCountry('JO');
    await waitForStatus(page, new RegExp(`^${jordan.length} publications found with 1 filter, newest first\\.$`));
    await showAll(page);
    const years = (await page.locator('#search-results .entry-meta').allTextContents()).map((m) => m.split(' · ')[0]);
    expect(years).toEqual(yearsSorted(jordan, 'newest'));
    await page.context().close();
  });

  it('restores words, filters and order from the URL, and Back and Forward walk through the searches', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=fixture&country=Jordan&sort=year`);
    const jordan = inCountry('JO').length;
    const first = new RegExp(`^${jordan} publications found for “fixture” with 1 filter, newest first\\.$`);
    await waitForStatus(page, first);
    await expect(page.locator('#search-input').inputValue()).resolves.toBe('fixture');
    await expect(page.locator('#search-sort').inputValue()).resolves.toBe('year');
    await expect(page.getByRole('checkbox', { name: /^Jordan/ }).isChecked()).resolves.toBe(true);
    await expect(page.title()).resolves.toContain('“fixture”');

    await page.getByRole('checkbox', { name: /^Toolkit/ }).check();
    await waitForStatus(page, /publications? found .* with 2 filters/);
    await page.goBack();
    await waitForStatus(page, first);
    await expect(page.getByRole('checkbox', { name: /^Toolkit/ }).isChecked()).resolves.toBe(false);
    expect(query(page).getAll('category')).toEqual([]);

    // Typing makes one history entry per query, not one per key.
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').pressSequentially('nepal', { delay: 20 });
    await waitForStatus(page, /^0 publications|^No publications|^1 publication found for “nepal”/);
    expect(query(page).get('q')).toBe('nepal');
    await page.goBack();
    await waitForStatus(page, first);
    await expect(page.locator('#search-input').inputValue()).resolves.toBe('fixture');
    await page.goForward();
    await page.waitForFunction(() => (document.querySelector('#search-input') as HTMLInputElement).value === 'nepal');
    await page.context().close();
  });

  it('says honestly when nothing matched: offers the spelling it found, and a way to drop filters', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=recruitmnet`);
    await waitForStatus(page, /^1 publication found for “recruitment”\.$/);
    await expect(page.locator('#search-notice').textContent()).resolves.toBe(
      'Nothing matched “recruitmnet”. Showing results for “recruitment” instead.',
    );
    // A word the index lacks inside a longer query is not silently dropped.
    await page.goto(`${fixture()}/search/?q=shelters+zzxqy`);
    await status(page);
    await expect(page.locator('#search-notice').textContent()).resolves.toContain('No publication contains the word “zzxqy”');

    await page.goto(`${fixture()}/search/?q=recruitment&country=Nepal`);
    await waitForStatus(page, /^No publications found for “recruitment” with 1 filter\.$/);
    const empty = page.locator('#search-empty');
    await expect(empty.locator('h3').textContent()).resolves.toBe('Nothing matched “recruitment” with these filters');
    await expect(empty.getByRole('link', { name: 'Search “recruitment” without filters' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await empty.getByRole('button', { name: 'Remove filter Country: Nepal' }).click();
    await waitForStatus(page, /^1 publication found for “recruitment”\.$/);
    expect(query(page).getAll('country')).toEqual([]);

    await page.goto(`${fixture()}/search/?q=qqqxxzz`);
    await waitForStatus(page, /^No publications found for “qqqxxzz”\.$/);
    await expect(page.locator('#search-empty').textContent()).resolves.toContain('Check the spelling');
    await page.context().close();
  });

  it('works with the keyboard alone: type, tick a filter with Space, open a result with Enter', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/`);
    // From the top of the page, Tab reaches the search box.
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'search-input' && guard++ < 40) {
      await page.keyboard.press('Tab');
    }
    expect(guard).toBeLessThan(40);
    await page.keyboard.type('fixture');
    await waitForStatus(page, new RegExp(`^${ALL_FIXTURES} publications found`));
    // Tab into the filters (open beside the results at this width): their values load as focus arrives.
    guard = 0;
    while ((await page.evaluate(() => document.activeElement?.tagName)) !== 'SUMMARY' && guard++ < 10) await page.keyboard.press('Tab');
    await page.locator('fieldset:not([hidden]) .filter-values li').first().waitFor();
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | HTMLAnchorElement | null;
        return {
          tag: a?.tagName,
          type: (a as HTMLInputElement)?.type,
          name: (a as HTMLInputElement)?.name,
          value: (a as HTMLInputElement)?.value,
          href: a?.getAttribute('href'),
        };
      });
    guard = 0;
    // Past the year range's boxes to the first value of a filter.
    while (!((await focused()).type === 'checkbox' && (await focused()).name !== 'undated') && guard++ < 40) {
      await page.keyboard.press('Tab');
    }
    const box = await focused();
    expect(box.type).toBe('checkbox');
    await page.keyboard.press('Space');
    await page.waitForFunction((value) => new URL(location.href).searchParams.getAll('region').includes(value!), box.value);
    await expect(focused()).resolves.toMatchObject({ type: 'checkbox', value: box.value });
    guard = 0;
    while (!(await focused()).href?.startsWith('/publications/') && guard++ < 80) await page.keyboard.press('Tab');
    const link = await focused();
    expect(link.href).toMatch(/^\/publications\//);
    await Promise.all([page.waitForURL(`**${link.href}`), page.keyboard.press('Enter')]);
    await page.context().close();
  });

  it('keeps the header box a plain form that works without JavaScript, and loads no search code elsewhere', async () => {
    const { page } = await openPage(browser, `${fixture()}/publications/undated-guidance/`, { javaScript: false });
    await page.locator('header input[type="search"]').fill('kosovo');
    await Promise.all([page.waitForURL('**/search/?q=kosovo'), page.locator('header button[type="submit"]').click()]);
    await expect(page.locator('noscript').count()).resolves.toBeGreaterThan(0);
    // Without JavaScript the search page is its form and the ways to browse, not an empty results area.
    await expect(page.locator('#search-app').isVisible()).resolves.toBe(false);
    await expect(page.locator('#search-browse').isVisible()).resolves.toBe(true);
    await page.context().close();

    const opened = await openPage(browser, `${fixture()}/publications/undated-guidance/`);
    const requests: string[] = [];
    opened.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await opened.page.reload();
    await opened.page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await opened.page.context().close();

    // The search page loads Pagefind when the reader reaches the box (a visitor who only browses from here does not
    // download it), before the first word is typed, and no index chunk, fragment or filter before there is something
    // to search.
    const empty = await openPage(browser, `${fixture()}/search/`);
    const loaded: string[] = [];
    empty.page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
    await empty.page.waitForLoadState('networkidle');
    await empty.page.waitForTimeout(1500);
    expect(loaded.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    await Promise.all([
      empty.page.waitForResponse((r) => /\/pagefind\/pagefind\.[^/]+\.pf_meta$/.test(r.url())),
      empty.page.locator('#search-input').focus(),
    ]);
    await empty.page.waitForLoadState('networkidle');
    expect(loaded.filter((path) => /^\/pagefind\/(index|fragment|filter)\//.test(path))).toEqual([]);
    await empty.page.context().close();
  });
});

describe('search on the real catalogue', () => {
  it('passes axe with results and filters showing, and pages with "Show more results"', async () => {
    const { page, externalRequests } = await openPage(browser, `${catalogue()}/search/?q=trafficking`);
    const text = await status(page);
    const total = Number(/^(\d+) publications/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(20);
    // The first five (one fragment request each), then ten more per "Show more results", loaded when asked for.
    expect(await page.locator('#search-results > li').count()).toBe(5);
    await expect(page.locator('#search-more').textContent()).resolves.toBe(`Show more results (5 of ${total} shown)`);
    await openFilters(page);
    await expectNoAxeViolations(page);
    const fragments: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/fragment/')) fragments.push(r.url());
    });
    await page.getByRole('button', { name: /^Show more results/ }).click();
    await page.locator('#search-results > li').nth(14).waitFor();
    expect(await page.locator('#search-results > li').count()).toBe(15);
    expect(fragments.length).toBeLessThanOrEqual(10);
    // Focus moves to the first new result, for keyboard and screen-reader users.
    await expect(page.evaluate(() => document.activeElement?.closest('li')?.querySelector('a')?.dataset.position)).resolves.toBe('5');
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('lists undated publications last when oldest first, in one index as in shards', async () => {
    // The catalogue is one index (the fixture's is in shards, undated ones in shards of their own), where Pagefind's
    // ascending sort puts the undated (sort value 0) first and the page moves them to the end.
    const { page } = await openPage(browser, `${catalogue()}/search/?q=trafficking&sort=year-asc`);
    const total = Number(/^(\d+) publications found for “trafficking”, oldest first\.$/.exec(await status(page))?.[1]);
    await showAll(page);
    const oldest = (await page.locator('#search-results .entry-meta').allTextContents()).map((m) => m.split(' · ')[0]!);
    expect(oldest).toHaveLength(total);
    const undated = oldest.filter((year) => year === 'Undated').length;
    expect(undated).toBeGreaterThan(0);
    expect(undated).toBeLessThan(total);
    const dated = oldest.slice(0, total - undated).map(Number);
    expect(dated.every((year) => Number.isInteger(year))).toBe(true);
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    // The same publications as newest first, where they were last too.
    await page.getByLabel('Sort by').selectOption('year');
    await waitForStatus(page, new RegExp(`^${total} publications found for “trafficking”, newest first\\.$`));
    await showAll(page);
    const newest = (await page.locator('#search-results .entry-meta').allTextContents()).map((m) => m.split(' · ')[0]!);
    expect(newest).toEqual([...dated].reverse().map(String).concat(Array<string>(undated).fill('Undated')));
    await page.context().close();
  });

  it('moves nothing on screen when results arrive: opened with a query, typed, or shown more (layout shift)', async () => {
    for (const width of [360, 1280]) {
      const opened = await openPage(browser, `${catalogue()}/search/?q=trafficking`, { width });
      await status(opened.page);
      await opened.page.locator('#search-results > li').nth(4).waitFor();
      await opened.page.waitForTimeout(300);
      expect(await layoutShift(opened.page), `opened with a query at ${width} px`).toBe(0);
      await opened.page.context().close();

      const typed = await openPage(browser, `${catalogue()}/search/`, { width });
      await typed.page.waitForLoadState('networkidle');
      await typed.page.locator('#search-input').click();
      await typed.page.keyboard.type('smuggling', { delay: 50 });
      await typed.page.locator('#search-results > li').first().waitFor();
      // Results that come well after the last key (when input no longer excuses a shift) must not move anything.
      await typed.page.waitForTimeout(800);
      await typed.page.getByRole('button', { name: /^Show more results/ }).click();
      await typed.page.locator('#search-results > li').nth(5).waitFor();
      expect(await layoutShift(typed.page), `typed at ${width} px`).toBe(0);
      await typed.page.context().close();
    }
  });

  it('finds an organisation by acronym and by name, and a misspelt name', async () => {
    const { page } = await openPage(browser, `${catalogue()}/search/?q=ECOWAS`);
    await status(page);
    // Whichever entries name the organisation (by acronym or in full), one of them comes first either way.
    const naming = catalogueEntriesMentioning(/\bECOWAS\b|Economic Community of West African States/);
    expect(naming.length).toBeGreaterThan(0);
    const ecowas = await resultHrefs(page);
    expect(naming).toContain(ecowas[0]);
    await page.goto(`${catalogue()}/search/?q=Economic+Community+of+West+African+States`);
    await status(page);
    const byName = (await resultHrefs(page)).slice(0, 5);
    expect(byName.some((href) => naming.includes(href)), byName.join(' ')).toBe(true);
    await page.goto(`${catalogue()}/search/?q=Vogelstien`);
    await waitForStatus(page, /found for “Vogelstein”/);
    const vogelstein = catalogueEntriesMentioning(/Vogelstein/);
    expect(vogelstein.length).toBeGreaterThan(0);
    expect((await resultHrefs(page)).sort()).toEqual(vogelstein.sort());
    await page.context().close();
  });

  // Ten page loads, each with a search (and two reaching the filters): about 50 s on the shared two cores.
  it('screenshots: results, filters and the empty state at 320 and 1280 px', { timeout: 120_000 }, async () => {
    const shots: Array<[string, string]> = [
      ['results', '?q=smuggling+of+migrants'],
      ['filters', '?q=smuggling&region=Asia+and+the+Pacific&sort=year'],
      ['empty', '?q=smuggling&country=Jordan'],
      ['suggestion', '?q=Afganistan'],
      ['full-text', '?q=threat+multiplier'],
    ];
    for (const width of [320, 1280]) {
      for (const [name, search] of shots) {
        const { page } = await openPage(browser, `${catalogue()}/search/${search}`, { width });
        await status(page);
        if (name !== 'empty') await page.locator('#search-results > li').first().waitFor();
        if (name === 'filters' || name === 'empty') await openFilters(page);
        // Nothing may be wider than the screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        await screenshot(page, `search-${name}-${width}`);
        if (name === 'empty') await expectNoAxeViolations(page);
        await page.context().close();
      }
    }
  });
});
