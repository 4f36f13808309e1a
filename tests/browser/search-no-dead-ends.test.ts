import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openPage, screenshot } from './helpers';

/**
 * Search and browse without dead ends (issue 19), on the real catalogue as a reader meets it: questions and
 * partial matches, the result count taking focus, filters in view with a year range in the address, "narrow
 * these" from a browse page, addresses in any letter case, and the result set taken away as CSV, RIS and BibTeX.
 */

let browser: Browser;
let base: string;

beforeAll(async () => {
  base = inject('catalogueUrl');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.locator('#search-status');

async function settled(page: Page, pattern: RegExp = /found|words/): Promise<string> {
  await status(page).filter({ hasText: pattern }).waitFor({ timeout: 20_000 });
  return (await status(page).textContent()) ?? '';
}

/** The count once it has changed from `before` (a new search has finished). */
async function changed(page: Page, before: string): Promise<string> {
  await page.waitForFunction((old) => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text !== '' && text !== old;
  }, before);
  return (await status(page).textContent()) ?? '';
}

const slugsShown = (page: Page) =>
  page.$$eval('#search-results > li h3 a', (links) => links.map((a) => (a as HTMLAnchorElement).pathname.split('/')[2]));

describe('questions and words that never all meet', () => {
  it('answers a question with the publications that have most of its words, says so, and moves focus to the count', async () => {
    const { page } = await openPage(browser, `${base}/search/`);
    const question = 'what counts as financial or other material benefit in smuggling';
    await page.locator('#search-input').fill(question);
    await page.keyboard.press('Enter');
    const text = await settled(page);
    expect(text).toMatch(new RegExp(`^No publication has all 5 searched words of “${question}”; \\d+ more ha(s|ve) most of them\\.$`));
    // Focus is on the count (so Tab goes on to the results, not back through the page).
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-status');
    const notice = (await page.locator('#search-notice').textContent()) ?? '';
    expect(notice).toContain('Showing the publications that have most of them, those with the most first.');
    expect(notice).toContain('Common words left out of the search: “what”, “as”, “or”, “other”, “in”.');
    expect((await slugsShown(page))[0]).toBe('the-concept-of-financial-or-other-material-benefit');
    // Ranked by how many words each has, most first.
    const matched = (await page.locator('.result-matched').allTextContents()).map((t) => Number(/Has (\d) of the 5 words/.exec(t)?.[1]));
    expect(matched.length).toBeGreaterThan(1);
    expect(matched.every((n) => n >= 3)).toBe(true);
    expect([...matched].sort((a, b) => b - a)).toEqual(matched);
    await screenshot(page, 'search-question-1280');
    await page.context().close();
  });

  it('never matches a stop word or a short word as a prefix ("in" is not "increasing", "UN" is not "unaccompanied")', async () => {
    const { page } = await openPage(browser, `${base}/search/?q=${encodeURIComponent('UN in Nepal')}`);
    await settled(page);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).not.toMatch(/^in\w|^un\w/);
    await page.context().close();
  });
});

describe('filters in view, with a year range in the address', () => {
  it('shows the filters beside the results from tablet width up, loading their values only when reached', async () => {
    const { page } = await openPage(browser, `${base}/search/?q=victims`, { width: 1280 });
    const filterRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/filter/')) filterRequests.push(request.url());
    });
    await settled(page);
    expect(await page.locator('#filters-panel').getAttribute('open')).toBe('');
    const [filters, results] = await Promise.all([
      page.locator('.search-filters').boundingBox(),
      page.locator('.search-results').boundingBox(),
    ]);
    expect(filters!.x + filters!.width).toBeLessThanOrEqual(results!.x);
    expect(filters!.y).toBeLessThan(results!.y + 50);
    expect(filterRequests).toEqual([]);
    // The reader reaches for them: values and counts come.
    await page.locator('.search-filters').hover();
    const country = page.locator('fieldset[data-filter-key="country"] label').first();
    await country.waitFor();
    expect(await country.textContent()).toMatch(/\(\d+\)$/);
    expect(filterRequests.length).toBeGreaterThan(0);
    await screenshot(page, 'search-filters-1280');
    await page.context().close();
  });

  it('folds the filters on a phone, and opening them loads their values', async () => {
    const { page } = await openPage(browser, `${base}/search/?q=victims`, { width: 360 });
    await settled(page);
    expect(await page.locator('#filters-panel').getAttribute('open')).toBeNull();
    await page.locator('#filters-panel > summary').click();
    await page.locator('fieldset[data-filter-key="region"] label').first().waitFor();
    await screenshot(page, 'search-filters-360');
    await page.context().close();
  });

  it('narrows to a year range typed in the boxes, keeps it in the address, and adds undated records on request', async () => {
    const { page } = await openPage(browser, `${base}/search/?q=trafficking`);
    const all = Number(/^([\d,]+)/.exec(await settled(page))![1]!.replace(/,/g, ''));
    await page.locator('#year-from').fill('2015');
    await page.locator('#year-from').press('Tab');
    await page.waitForURL(/from=2015/);
    const text = await settled(page, /with 1 filter/);
    const ranged = Number(/^([\d,]+)/.exec(text)![1]!.replace(/,/g, ''));
    expect(ranged).toBeGreaterThan(0);
    expect(ranged).toBeLessThan(all);
    const years = await page.$$eval('#search-results .entry-meta', (metas) => metas.map((m) => m.textContent!.split(' · ')[0]));
    for (const year of years) expect(Number(year)).toBeGreaterThanOrEqual(2015);
    await page.locator('#year-undated').check();
    await page.waitForURL(/undated=include/);
    const withUndated = Number(/^([\d,]+)/.exec(await changed(page, text))![1]!.replace(/,/g, ''));
    expect(withUndated).toBeGreaterThan(ranged);
    // The address alone brings the range back (a shared link).
    await page.goto(`${base}/search/?q=trafficking&from=2015`);
    expect(await settled(page, /with 1 filter/)).toMatch(new RegExp(`^${ranged.toLocaleString('en')} publications`));
    await expect(page.locator('#year-from').inputValue()).resolves.toBe('2015');
    await page.context().close();
  });
});

describe('from browse to search', () => {
  it('"Narrow these" on a browse page opens the search page with the value ticked and the same publications', async () => {
    const { page } = await openPage(browser, `${base}/regions/worldwide/`);
    const link = page.getByRole('link', { name: /^Narrow these [\d,]+ publications$/ });
    const total = Number(/([\d,]+)/.exec((await link.textContent())!)![1]!.replace(/,/g, ''));
    expect(await link.getAttribute('href')).toBe('/search/?region=Worldwide');
    await link.click();
    expect(await settled(page)).toMatch(new RegExp(`^${total.toLocaleString('en')} publications found with 1 filter`));
    await page.locator('fieldset[data-filter-key="region"] input[value="Worldwide"]').waitFor();
    await expect(page.locator('fieldset[data-filter-key="region"] input[value="Worldwide"]').isChecked()).resolves.toBe(true);
    await page.context().close();
  });

  it('reaches a browse page whatever the letter case of its address', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['/REGIONS/Worldwide/', '/Years/', '/categories/REPORT/']) {
      await page.goto(base + path);
      await page.waitForURL((url) => url.pathname === path.toLowerCase());
      expect(await page.locator('h1').textContent()).not.toBe('Page not found');
    }
    // An address that is wrong in any case still says so (no loop).
    await page.goto(`${base}/NO-SUCH-PAGE/`);
    await page.waitForURL((url) => url.pathname === '/no-such-page/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await context.close();
  });
});

describe('taking the results away', () => {
  it.each([
    ['csv', 'CSV'],
    ['ris', 'RIS'],
    ['bib', 'BibTeX'],
  ])('downloads every result (not only those shown) as %s, the same records as /data/', async (extension, label) => {
    const { page } = await openPage(browser, `${base}/search/?q=smuggling`);
    const count = Number(/^([\d,]+)/.exec(await settled(page))![1]!.replace(/,/g, ''));
    expect(count).toBeGreaterThan(5);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#results-export').getByRole('button', { name: label }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`search-results.${extension}`);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const whole = await (await fetch(`${base}/data/catalogue.${extension}`)).text();
    let records: string[];
    if (extension === 'csv') {
      expect(text.startsWith('\uFEFF' + whole.replace(/^\uFEFF/, '').split('\r\n')[0])).toBe(true);
      records = text.split('\r\n').slice(1).filter((line) => /^[a-z0-9-]+,https:/.test(line));
    } else if (extension === 'ris') {
      records = [...text.matchAll(/^ID {2}- (.+)$/gm)].map((m) => m[1]!);
    } else {
      records = [...text.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]!);
    }
    expect(records).toHaveLength(count);
    // Each record is exactly as in the whole catalogue's file.
    if (extension !== 'csv') {
      const first = extension === 'ris' ? text.split(/\r?\n\r?\n/)[0]! : text.split('\n\n')[0]!;
      expect(whole).toContain(first.trim());
    }
    await expect(page.locator('#results-export-status').textContent()).resolves.toBe(
      `${label}: ${count.toLocaleString('en')} publications downloaded.`,
    );
    await page.context().close();
  });
});
