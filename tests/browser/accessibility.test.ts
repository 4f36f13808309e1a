import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, expectNoHtmlcsErrors, expectNoIbmViolations, openPage } from './helpers';

/**
 * Every page type of the real catalogue against all three engines: axe, IBM Equal Access and HTML_CodeSniffer
 * (GUIDE.md: accessible = all three agree). Each engine sees things the others miss: IBM the skip link outside any
 * landmark and a tabbable region, HTML_CodeSniffer empty buttons. The search page is checked as a reader leaves it:
 * with results, notices, the filters showing and every "Show all" list open.
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

const PAGE_TYPES: Array<[string, string]> = [
  ['home', '/'],
  ['publication', '/publications/global-report-on-trafficking-in-persons-2020/'],
  ['all publications', '/publications/'],
  ['a facet index', '/countries/'],
  ['authors index', '/authors/'],
  ['a browse page', '/regions/worldwide/'],
  ['a year', '/years/'],
  ['open data', '/data/'],
  ['about the data', '/about/data/'],
  ['search, empty', '/search/'],
  ['not found', '/404.html'],
];

async function allThree(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoIbmViolations(page);
  await expectNoHtmlcsErrors(page);
}

describe.each(PAGE_TYPES)('%s (%s)', (_name, path) => {
  it.each([360, 1280])('has no violations from axe, IBM Equal Access or HTML_CodeSniffer at %i px', async (width) => {
    const { page } = await openPage(browser, base + path, { width });
    await allThree(page);
    await page.context().close();
  });
});

describe('the search page in use', () => {
  it.each([360, 1280])('has no violations with results, filters and every list open (%i px)', async (width) => {
    const { page } = await openPage(browser, `${base}/search/?q=victims&from=2010`, { width });
    await page.locator('#search-results > li').first().waitFor();
    await page.locator('#search-status').filter({ hasText: /found/ }).waitFor();
    const panel = page.locator('#filters-panel');
    if ((await panel.getAttribute('open')) === null) await page.locator('#filters-panel > summary').click();
    await page.locator('fieldset[data-filter-key="country"] input[type="checkbox"]').first().waitFor();
    for (const more of await page.locator('.filter-more:visible').all()) await more.click();
    await allThree(page);
    await page.context().close();
  });

  it('has no violations when nothing matches all the words (partial matches and their notice)', async () => {
    const { page } = await openPage(browser, `${base}/search/?q=what+counts+as+financial+or+other+material+benefit+in+smuggling`);
    await page.locator('#search-results > li').first().waitFor();
    await page.locator('#search-status').filter({ hasText: /most of them/ }).waitFor();
    await allThree(page);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
