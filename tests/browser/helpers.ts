import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/**
 * IBM Equal Access's engine and HTML_CodeSniffer, each the browser build inside its npm package, injected into the
 * page: nothing is downloaded at run time (the `accessibility-checker` wrapper would fetch its rules, and pa11y
 * would fetch a browser).
 */
const aceSource = readFileSync(require.resolve('accessibility-checker-engine/ace.js'), 'utf8');
const htmlcsSource = readFileSync(require.resolve('html_codesniffer/build/HTMLCS.js'), 'utf8');

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

/**
 * IBM Equal Access (its own policy, IBM_Accessibility, which includes WCAG 2.2 AA and more, such as "all content
 * inside landmarks"): fails on violations, as accessibility-checker does by default (its failLevels also list
 * potential violations, which need a person to judge; those are printed, not failed).
 */
export async function expectNoIbmViolations(page: Page): Promise<void> {
  await page.addScriptTag({ content: aceSource });
  const { violations, potential } = await page.evaluate(async () => {
    // @ts-expect-error ace is injected above
    const report = await new window.ace.Checker().check(document, ['IBM_Accessibility']);
    const of = (level: string) =>
      (report.results as Array<{ ruleId: string; value: [string, string]; path: { dom: string }; message: string }>)
        .filter((r) => r.value[0] === level && r.value[1] === 'FAIL')
        .map((r) => `${r.ruleId}: ${r.message} (${r.path.dom})`);
    return { violations: of('VIOLATION'), potential: of('POTENTIAL') };
  });
  if (potential.length) console.log(`IBM Equal Access potential violations on ${page.url()} (for a person to check):\n${potential.join('\n')}`);
  expect(violations, `IBM Equal Access violations on ${page.url()}`).toEqual([]);
}

/** HTML_CodeSniffer, WCAG 2 AA standard: fails on its errors (what pa11y reports by default). */
export async function expectNoHtmlcsErrors(page: Page): Promise<void> {
  await page.addScriptTag({ content: htmlcsSource });
  const errors = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        // @ts-expect-error HTMLCS is injected above
        const htmlcs = window.HTMLCS;
        htmlcs.process('WCAG2AA', document, () => {
          const messages = htmlcs.getMessages() as Array<{ type: number; code: string; msg: string; element: Element }>;
          resolve(
            messages
              .filter((m) => m.type === 1) // 1 error, 2 warning, 3 notice
              .map((m) => `${m.code}: ${m.msg} (${m.element.outerHTML.slice(0, 120)})`),
          );
        });
      }),
  );
  expect(errors, `HTML_CodeSniffer errors on ${page.url()}`).toEqual([]);
}

/** All three engines: accessible means axe, IBM Equal Access and HTML_CodeSniffer agree (GUIDE.md). */
export async function expectAccessible(page: Page): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoIbmViolations(page);
  await expectNoHtmlcsErrors(page);
}

/** Saves a screenshot under test-results/screenshots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}
