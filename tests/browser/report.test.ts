import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { share } from '../../src/lib/report';
import { REPOSITORY_URL } from '../../src/lib/site';
import { entrySchema } from '../../src/lib/schema/entry';
import { listEntryFiles, validateSource } from '../../src/lib/validate/index';
import { launchChromium } from './chromium';
import { expectNoAxeViolations, openPage, screenshot } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('/about/data/ on the fixture site', () => {
  it('shows the gaps: the undated entry, the supplied title, counts per facet; no script needed', async () => {
    const { page, externalRequests } = await openPage(browser, `${inject('fixtureUrl')}/about/data/`, {
      javaScript: false,
    });
    await expect(page.locator('h1').textContent()).resolves.toBe('About the data');
    const completeness = page.getByRole('table', { name: /Publications with and without each detail/ });
    // The fixture grows as other tests need new cases: count from its files, as the site does (the build takes
    // every file the schema accepts, including ones the stricter validator refuses on purpose, such as HTML in a title).
    const entries = (await listEntryFiles('tests/fixtures/site/publications'))
      .map((path) => entrySchema.safeParse(validateSource(path, readFileSync(path)).data))
      .filter((result) => result.success)
      .map((result) => ({ data: result.data! }));
    const undatedCount = entries.filter((e) => e.data.year === undefined).length;
    expect(undatedCount).toBeGreaterThan(0);
    const yearRow = completeness.getByRole('row', { name: /Year of publication/ });
    await expect(yearRow.locator('td').nth(1).textContent()).resolves.toBe(share(undatedCount, entries.length));

    // The list of undated publications is folded away in <details>, which opens without JavaScript.
    const undated = page.locator('details', { has: page.getByText('The publications without a year') });
    await undated.locator('summary').click();
    await expect(undated.getByRole('link', { name: 'Referral guidance without a date' }).first().getAttribute('href'))
      .resolves.toBe('/publications/undated-guidance/');
    const supplied = page.locator('details', { has: page.getByText('The publications with supplied titles') });
    await supplied.locator('summary').click();
    await expect(supplied.getByRole('link', { name: '[Referral guidance without a date]', exact: true }).count()).resolves.toBe(1);

    const regions = page.getByRole('table', { name: 'Publications per region' });
    const worldwide = entries.filter((e) => e.data.region.includes('Worldwide')).length;
    await expect(regions.getByRole('row', { name: /Worldwide/ }).locator('td').textContent()).resolves.toBe(String(worldwide));
    await expect(regions.getByRole('link', { name: 'Worldwide' }).getAttribute('href')).resolves.toBe('/regions/worldwide/');
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('passes axe (WCAG 2.2 AA) with every <details> open, at 1280 and 320 px', async () => {
    for (const width of [1280, 320]) {
      const { page } = await openPage(browser, `${inject('fixtureUrl')}/about/data/`, { width });
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await expectNoAxeViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });
});

describe('/about/data/ on the real catalogue', () => {
  it('counts every publication, lists editions and possible duplicates, passes axe', async () => {
    const { page, externalRequests } = await openPage(browser, `${inject('catalogueUrl')}/about/data/`);
    const intro = (await page.locator('main p').first().textContent())!;
    const total = Number(/lists ([\d,]+) publications/.exec(intro)![1]!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(0);
    // The year table's counts add up to the total (every publication has exactly one year or is undated).
    const yearCounts = await page
      .getByRole('table', { name: 'Publications per year' })
      .locator('tbody td')
      .allTextContents();
    expect(yearCounts.map((c) => Number(c.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(total);
    await expect(page.locator('#editions ~ ul.report-editions li').count()).resolves.toBeGreaterThan(0);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await expectNoAxeViolations(page);
    await screenshot(page, 'about-data-1280');
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('a long list shows its first 50 entries and says how many more there are (the page stays light at any size)', async () => {
    const { page } = await openPage(browser, `${inject('catalogueUrl')}/about/data/`, { javaScript: false });
    const undated = page.locator('details', { has: page.getByText('The publications without a year') });
    const missing = Number(/(\d+) of [\d,]+ \(\d+%\) publications are without a year/.exec((await page.locator('main').textContent())!)![1]);
    expect(missing, 'the real catalogue has more undated entries than a list shows').toBeGreaterThan(50);
    await undated.locator('summary').click();
    await expect(undated.locator('ul.report-entries > li').count()).resolves.toBe(50);
    await expect(undated.locator('p.muted').textContent()).resolves.toContain(`and ${missing - 50} more`);
    await page.context().close();
  });
});

describe('"Suggest a correction" on a publication page', () => {
  it('links to a pre-filled GitHub issue and to the web editor for the entry file, both marked as leaving the site', async () => {
    const slug = 'quotes-and-ampersand';
    const { page } = await openPage(browser, `${inject('fixtureUrl')}/publications/${slug}/`, { javaScript: false });
    const section = page.getByRole('region', { name: 'Suggest a correction' });

    const issue = new URL((await section.locator('a[data-correction="issue"]').getAttribute('href'))!);
    expect(`${issue.origin}${issue.pathname}`).toBe(`${REPOSITORY_URL}/issues/new`);
    expect(issue.searchParams.get('title')).toContain(slug);
    expect(issue.searchParams.get('title')).toContain('Survivors "first" & partners');
    const body = issue.searchParams.get('body')!;
    expect(body).toContain(`content/publications/${slug}.md`);
    expect(body).toContain(`/publications/${slug}/`);
    expect(body).toContain('What should it say?');

    const edit = section.locator('a[data-correction="edit"]');
    await expect(edit.getAttribute('href')).resolves.toBe(`${REPOSITORY_URL}/edit/main/content/publications/${slug}.md`);
    for (const link of await section.getByRole('link').all()) {
      await expect(link.getAttribute('rel')).resolves.toContain('external');
      await expect(link.textContent()).resolves.toMatch(/external site/);
    }
    await page.context().close();
  });
});
