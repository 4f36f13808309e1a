import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, openPage, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the real catalogue', () => {
  it('home page: names the catalogue, links to publications, passes axe, stays on 127.0.0.1', async () => {
    const { page, externalRequests } = await openPage(browser, `${inject('catalogueUrl')}/`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Anti-Trafficking Publications Catalogue');
    const links = page.locator('a[href^="/publications/"]');
    expect(await links.count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'home-1280');
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('a publication page opened from the home page shows its title, summary and provenance', async () => {
    const { page, externalRequests } = await openPage(browser, `${inject('catalogueUrl')}/`);
    const first = page.locator('.entry-list a[href^="/publications/"]').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/publications\/[a-z0-9-]+\/$/);
    await expect(page.locator('h1').textContent()).resolves.toContain(title.replace(/^\[|\]$/g, ''));
    await expect(page.getByRole('heading', { name: 'Summary' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Provenance' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, 'publication-1280');
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });
});

describe('the fixture site', () => {
  it('escapes a title with quotes, & and HTML-like text exactly once', async () => {
    const { page } = await openPage(browser, `${inject('fixtureUrl')}/publications/quotes-and-ampersand/`);
    const typed = 'Survivors "first" & partners: <b>not bold</b> in Trinidad & Tobago';
    await expect(page.locator('h1').textContent()).resolves.toBe(typed);
    await expect(page.title()).resolves.toContain(typed);
    expect(await page.locator('h1 b').count()).toBe(0);
    await page.context().close();
  });

  it('gives a right-to-left title its language and direction', async () => {
    const { page } = await openPage(browser, `${inject('fixtureUrl')}/publications/arabic-title-toolkit/`);
    const title = page.locator('h1 bdi');
    await expect(title.getAttribute('lang')).resolves.toBe('ar');
    await expect(title.getAttribute('dir')).resolves.toBe('rtl');
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it('search finds a phrase that only occurs deep in a full text', async () => {
    const { page, externalRequests } = await openPage(
      browser,
      `${inject('fixtureUrl')}/search/?q=zanzibar-lighthouse-partnership`,
    );
    const result = page.locator('#search-results a').first();
    await result.waitFor();
    await expect(result.getAttribute('href')).resolves.toContain('/publications/full-text-report/');
    await expectNoAxeViolations(page);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('pages render without JavaScript', async () => {
    const { page } = await openPage(browser, `${inject('fixtureUrl')}/publications/undated-guidance/`, {
      javaScript: false,
    });
    await expect(page.locator('h1').textContent()).resolves.toBe('[Referral guidance without a date]');
    await page.context().close();
  });
});
