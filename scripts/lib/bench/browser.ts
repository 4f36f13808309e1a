import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../../../tests/browser/chromium';

export interface Transfer {
  bytes: number;
  /** Without anything under /pagefind/ (the search code and index). */
  withoutSearch: number;
}

/** A cold context that reaches 127.0.0.1 only, counting the bytes of every request of the page and its workers. */
async function coldContext(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  const sizes: Array<Promise<{ search: boolean; bytes: number }>> = [];
  context.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/favicon.ico') return; // asked for by the browser, not the page
    sizes.push(
      request.sizes().then(async (s) => {
        // Chromium reports 0 body bytes for a worker's own script: the server's Content-Length says what was sent.
        const body = s.responseBodySize || Number((await request.response())?.headers()['content-length'] ?? 0);
        return { search: path.startsWith('/pagefind/'), bytes: body + s.responseHeadersSize };
      }, () => ({ search: false, bytes: 0 })),
    );
  });
  /** Bytes of the requests finished since request number `from`. */
  const transfer = async (from = 0): Promise<Transfer & { count: number }> => {
    const list = await Promise.all(sizes);
    const part = list.slice(from);
    const bytes = part.reduce((a, r) => a + r.bytes, 0);
    return { bytes, withoutSearch: bytes - part.filter((r) => r.search).reduce((a, r) => a + r.bytes, 0), count: list.length };
  };
  return { context, transfer };
}

async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() >= 400) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  return page;
}

export async function measureTransfer(browser: Browser, url: string): Promise<Transfer> {
  const { context, transfer } = await coldContext(browser);
  try {
    await open(context, url);
    const { bytes, withoutSearch } = await transfer();
    return { bytes, withoutSearch };
  } finally {
    await context.close();
  }
}

export interface SearchTarget {
  url: string;
  input: string;
  /** The element results are rendered into, and what counts as one result inside it. */
  results: string;
  item: string;
}

export interface FirstQuery {
  /** Last keydown → the frame after the last change of the results (as-you-type: never submitted). */
  ms: number | null;
  results: number;
  pageBytes: number;
  queryBytes: number;
}

/**
 * Records the last keydown and the frame after the last change inside the results element (not elsewhere: a count
 * spoken once typing pauses is not the results). Plain JavaScript text: tsx-compiled functions carry helpers.
 */
const instrument = (t: SearchTarget) => `(() => {
  const s = (window.__bench = { key: 0, painted: 0, items: 0 });
  addEventListener('keydown', () => { s.key = performance.now(); s.painted = 0; }, true);
  new MutationObserver((changes) => {
    const results = document.querySelector(${JSON.stringify(t.results)});
    if (!results || !s.key || !changes.some((c) => results.contains(c.target))) return;
    const items = results.querySelectorAll(${JSON.stringify(t.item)}).length;
    requestAnimationFrame(() => setTimeout(() => { s.painted = performance.now(); s.items = items; }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;

/** One cold first query, typed at 10 keys a second; done when results and network are quiet for a second. */
export async function measureFirstQuery(browser: Browser, target: SearchTarget, query: string): Promise<FirstQuery> {
  const { context, transfer } = await coldContext(browser);
  try {
    await context.addInitScript({ content: instrument(target) });
    const page = await open(context, target.url);
    const before = await transfer();
    await page.locator(target.input).first().click();
    await page.keyboard.type(query, { delay: 100 });
    type State = { key: number; painted: number; items: number };
    let state: State = { key: 0, painted: 0, items: 0 };
    let quietSince = Date.now();
    let seen = -1;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      state = await page.evaluate(() => (window as unknown as { __bench: State }).__bench);
      const now = (await transfer()).count + state.painted;
      if (now !== seen) [seen, quietSince] = [now, Date.now()];
      if (state.painted && state.items > 0 && Date.now() - quietSince >= 1000) break;
    }
    const q = await transfer(before.count);
    const ms = state.painted && state.items ? Math.round(state.painted - state.key) : null;
    return { ms, results: state.items, pageBytes: before.bytes, queryBytes: q.bytes };
  } finally {
    await context.close();
  }
}

/** Lighthouse's defaults on Debian's Chromium, whose host resolver finds nothing but 127.0.0.1. Scores 0–100. */
export async function runLighthouse(urls: string[]): Promise<Array<{ url: string; scores: Record<string, number | null> }>> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const chrome = spawn(CHROMIUM_PATH, [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions', '--disable-background-networking',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1', '--remote-debugging-address=127.0.0.1',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const port = await new Promise<number>((done, fail) => {
      let err = '';
      chrome.stderr.on('data', (chunk: Buffer) => {
        err += chunk;
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
        if (m) done(Number(m[1]));
      });
      chrome.on('exit', () => fail(new Error(`Chromium exited before opening a DevTools port:\n${err}`)));
    });
    const out = [];
    for (const url of urls) {
      const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
      const lhr = (await lighthouse(url, { port, logLevel: 'error', onlyCategories: categories }))?.lhr;
      const scores = Object.fromEntries(categories.map((c) => [c, lhr?.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)]));
      out.push({ url: new URL(url).pathname + new URL(url).search, scores });
    }
    return out;
  } finally {
    chrome.kill('SIGTERM');
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}
