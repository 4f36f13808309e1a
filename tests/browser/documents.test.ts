import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIXTURE_PHRASES } from '../support/pdf-fixtures';
import { launchChromium } from './chromium';
import { expectAccessible, openPage, screenshot } from './helpers';

/**
 * Full text of the publications' own documents (issue 21), on the fixture site: its entry
 * labour-inspection-checklist.md names a five-page PDF (made by tests/support/pdf-fixtures.ts) with one known
 * phrase per page. A phrase from page 3 is found through the search page, the hit says "Page 3" and opens the PDF
 * at page 3; the record page's "Search inside this document" box searches that document's pages only.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const fixture = () => inject('fixtureUrl');
const RECORD = '/publications/labour-inspection-checklist/';

async function documentHits(page: Page) {
  const section = page.locator('#document-hits');
  await expect.poll(() => section.isVisible(), { timeout: 20_000 }).toBe(true);
  return section;
}

describe('search inside the documents', () => {
  it('finds a phrase from page 3 through the search page, says "Page 3" and links to the PDF at page 3', async () => {
    const { page, externalRequests } = await openPage(browser, `${fixture()}/search/?q=${encodeURIComponent('"identity documents"')}`);
    const section = await documentHits(page);
    const first = section.locator('li').first();
    await expect.poll(() => first.locator('h3').innerText(), { timeout: 20_000 }).toBe('Page 3 of Labour inspection checklist with its document');
    expect(await first.locator('.excerpt').innerText()).toMatch(/identity documents/i);
    expect(await first.locator('.excerpt mark').first().innerText()).toMatch(/identity|documents/i);
    const href = await first.getByRole('link', { name: 'Page 3' }).getAttribute('href');
    expect(href).toBe('/documents/labour-inspection-checklist.pdf#page=3');
    // The link opens the site's own copy: the served file is the PDF itself.
    const served = await page.request.get(`${fixture()}${href!.replace(/#.*/, '')}`);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('application/pdf');
    expect((await served.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await section.locator('[data-documents-status]').innerText()).toMatch(/^1 page of the publications’ own documents has these words/);
    await screenshot(page, 'search-document-page-hit');
    expect(externalRequests).toEqual([]);
  });

  it('finds each known phrase on its own page and on no other', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/`);
    for (const [i, phrase] of FIXTURE_PHRASES.entries()) {
      const quoted = `"${phrase.split(' ').slice(1, 4).join(' ')}"`;
      await page.goto(`${fixture()}/search/?q=${encodeURIComponent(quoted)}`);
      const section = await documentHits(page);
      await expect.poll(() => section.locator('li h3').allInnerTexts(), { message: quoted, timeout: 20_000 }).toEqual([
        `Page ${i + 1} of Labour inspection checklist with its document`,
      ]);
    }
  });

  it("the record page's box searches that document's pages only, and the page is accessible", async () => {
    const { page } = await openPage(browser, `${fixture()}${RECORD}`);
    const box = page.getByRole('search', { name: 'Search inside this document' });
    await box.getByLabel('Words or a "phrase in quotes"').fill('indicator');
    await screenshot(page, 'record-search-inside-box');
    await expectAccessible(page);
    await box.getByRole('button', { name: 'Search the pages' }).click();
    await page.waitForURL(/\/search\/\?/);
    const section = await documentHits(page);
    await expect.poll(() => section.locator('li h3').allInnerTexts(), { timeout: 20_000 }).toEqual([
      'Page 2 of Labour inspection checklist with its document',
      'Page 3 of Labour inspection checklist with its document',
    ]);
    expect(await section.locator('[data-documents-status]').innerText()).toBe(
      '2 pages of “Labour inspection checklist with its document” have “indicator”.',
    );
    await expectAccessible(page);
  });

  it('keeps "Only in: <title>" in the address and the form while the query changes, until "show all" removes it', async () => {
    const { page, externalRequests } = await openPage(browser, `${fixture()}/search/?q=indicator&document=labour-inspection-checklist`);
    const only = page.locator('#search-only');
    // Visible text (the button's accessible name adds a hidden "documents").
    await expect.poll(() => only.evaluate((bar) => (bar as HTMLElement).innerText.replace(/\s+/g, ' ').trim()), { timeout: 20_000 }).toBe(
      'Only in: Labour inspection checklist with its document — show all documents',
    );
    expect(await only.evaluate((bar) => getComputedStyle(bar.querySelector('.visually-hidden')!).position)).toBe('absolute');
    expect(await only.getByRole('link').getAttribute('href')).toBe(RECORD);
    const section = await documentHits(page);
    // The document's pages come before the catalogue's results.
    const before = () =>
      page.evaluate(() => Boolean(document.querySelector('#document-hits')!.compareDocumentPosition(document.querySelector('#search-results')!) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(await before()).toBe(true);

    // A new query typed on the search page still searches that document only.
    await page.getByLabel('Words, names, places or a phrase in quotes').fill('"identity documents"');
    await expect.poll(() => new URL(page.url()).searchParams.get('document'), { timeout: 20_000 }).toBe('labour-inspection-checklist');
    await expect.poll(() => section.locator('[data-documents-status]').innerText(), { timeout: 20_000 }).toBe(
      // A phrase keeps one pair of quotes.
      '1 page of “Labour inspection checklist with its document” has “identity documents”.',
    );
    expect(await section.locator('li h3').allInnerTexts()).toEqual(['Page 3 of Labour inspection checklist with its document']);
    expect(await section.getByRole('link', { name: 'Page 3' }).getAttribute('href')).toBe('/documents/labour-inspection-checklist.pdf#page=3');
    expect(new URL(page.url()).searchParams.get('q')).toBe('"identity documents"');
    // No publication's record has the phrase: that line speaks of the records, not of the pages listed above.
    await expect.poll(() => page.locator('#search-empty h3').innerText(), { timeout: 20_000 }).toBe('No publication record matched “identity documents”');
    // The form carries it too (a submitted search keeps it).
    expect(await page.locator('#search-form input[name="document"]').evaluate((input: HTMLInputElement) => [input.disabled, input.value])).toEqual([
      false,
      'labour-inspection-checklist',
    ]);
    await page.getByLabel('Words, names, places or a phrase in quotes').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('document'), { timeout: 20_000 }).toBe('labour-inspection-checklist');
    await screenshot(page, 'search-only-in-document');
    await expectAccessible(page);

    // "show all": every document's pages again, below the results, and the address without `document`.
    await only.getByRole('button', { name: 'show all documents' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('document'), { timeout: 20_000 }).toBe(false);
    expect(new URL(page.url()).searchParams.get('q')).toBe('"identity documents"');
    expect(await only.isHidden()).toBe(true);
    await expect.poll(() => section.locator('[data-documents-status]').innerText(), { timeout: 20_000 }).toMatch(
      /^1 page of the publications’ own documents has these words/,
    );
    expect(await before()).toBe(false);
    expect(await page.locator('#search-form input[name="document"]').isDisabled()).toBe(true);
    // Back brings the restriction back.
    await page.goBack();
    await expect.poll(() => only.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await before()).toBe(true);
    expect(externalRequests).toEqual([]);
  });

  it('shows no documents section when the words are on no page', async () => {
    const { page } = await openPage(browser, `${fixture()}/search/?q=shelter`);
    await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 20_000 }).toMatch(/found/);
    expect(await page.locator('#document-hits').isHidden()).toBe(true);
  });
});
