import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.2 AA rule sets, as axe-core tags them. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface OpenedPage {
  page: Page;
  /** Every request the page made to anything but 127.0.0.1 (must stay empty: privacy by construction). */
  externalRequests: string[];
}

/** Opens a page with a fresh context, blocking and recording any request that would leave 127.0.0.1. */
export async function openPage(
  browser: Browser,
  url: string,
  options: { javaScript?: boolean; width?: number } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const externalRequests: string[] = [];
  await context.route('**/*', (route) => {
    const requested = new URL(route.request().url());
    if (requested.protocol === 'data:' || requested.hostname === '127.0.0.1') return route.continue();
    externalRequests.push(requested.href);
    return route.abort();
  });
  const page = await context.newPage();
  const response = await page.goto(url);
  expect(response?.status(), `status of ${url}`).toBeLessThan(400);
  return { page, externalRequests };
}

/** Runs axe-core with the WCAG 2.2 AA tags and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v: { id: string; help: string; nodes: Array<{ target: string[] }> }) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  }, WCAG_TAGS);
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Saves a screenshot under test-results/screenshots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
