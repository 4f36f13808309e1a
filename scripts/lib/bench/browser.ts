import type { Browser, Page } from 'playwright-core';

/**
 * Measurements in headless Chromium on 127.0.0.1: bytes a page transfers (watched through the DevTools protocol's
 * Network domain, so everything the browser really fetched counts — HTML, CSS, JS, fonts, WASM, index chunks), and
 * the time from the last keystroke of a query to its results painted.
 */

export interface Transfer {
  url: string;
  /** Bytes received: response body as sent plus response headers (Playwright's request.sizes()). */
  bytes: number;
  requests: number;
  /** Bytes by kind: html, css, js, font, image, search-js, search-wasm, search-index, other. */
  byKind: Record<string, number>;
  /** Bytes without anything under /pagefind/ (the search code and index). */
  withoutSearch: number;
}

function kindOf(url: string, type: string): string {
  const path = new URL(url).pathname;
  if (path.startsWith('/pagefind/')) {
    if (/\.js$/.test(path)) return 'search-js';
    if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'search-wasm';
    if (/\.css$/.test(path)) return 'css';
    return 'search-index';
  }
  switch (type) {
    case 'Document':
      return 'html';
    case 'Stylesheet':
      return 'css';
    case 'Script':
      return 'js';
    case 'Font':
      return 'font';
    case 'Image':
      return 'image';
    default:
      return /\.m?js$/.test(path) ? 'js' : /\.css$/.test(path) ? 'css' : /\.(woff2?|ttf|otf)$/.test(path) ? 'font' : 'other';
  }
}

/**
 * Counts bytes of every finished request of a page and its workers (Pagefind fetches its WASM and index chunks from
 * a Web Worker, which the page's own DevTools session does not see; Playwright's request events do).
 * `snapshot()` sums what has finished so far.
 */
class NetworkMeter {
  private readonly finished: Array<{ url: string; type: string; bytes: number }> = [];
  private readonly pending = new Set<Promise<void>>();
  /** Requests started and not yet finished or failed, and when the last one started or ended (Date.now()). */
  inflight = 0;
  lastActivity = Date.now();

  static async attach(page: Page): Promise<NetworkMeter> {
    const meter = new NetworkMeter();
    const context = page.context();
    context.on('request', () => {
      meter.inflight++;
      meter.lastActivity = Date.now();
    });
    const ended = () => {
      meter.inflight = Math.max(0, meter.inflight - 1);
      meter.lastActivity = Date.now();
    };
    context.on('requestfailed', ended);
    context.on('requestfinished', ended);
    context.on('requestfinished', (request) => {
      const url = request.url();
      if (url.startsWith('data:')) return;
      // Browsers ask for /favicon.ico on their own; it is not part of the page.
      if (new URL(url).pathname === '/favicon.ico') return;
      const type = { document: 'Document', stylesheet: 'Stylesheet', script: 'Script', font: 'Font', image: 'Image' }[
        request.resourceType()
      ] ?? 'Other';
      const done = request
        .sizes()
        .then(async (sizes) => {
          let body = sizes.responseBodySize;
          // Chromium reports 0 body bytes for a worker's own script (pagefind-worker.js, 41 KB): the server's
          // Content-Length says what was sent.
          if (body === 0) body = Number((await request.response())?.headers()['content-length'] ?? 0) || 0;
          meter.finished.push({ url, type, bytes: body + sizes.responseHeadersSize });
        })
        .catch(() => undefined)
        .finally(() => meter.pending.delete(done));
      meter.pending.add(done);
    });
    return meter;
  }

  async snapshot(url: string, since = 0): Promise<Transfer> {
    await Promise.all([...this.pending]);
    const byKind: Record<string, number> = {};
    let bytes = 0;
    let withoutSearch = 0;
    const items = this.finished.slice(since);
    for (const item of items) {
      const kind = kindOf(item.url, item.type);
      byKind[kind] = (byKind[kind] ?? 0) + item.bytes;
      bytes += item.bytes;
      if (!new URL(item.url).pathname.startsWith('/pagefind/')) withoutSearch += item.bytes;
    }
    return { url, bytes, requests: items.length, byKind, withoutSearch };
  }

  async count(): Promise<number> {
    await Promise.all([...this.pending]);
    return this.finished.length;
  }
}

async function settle(page: Page, quietMs = 250, timeoutMs = 15_000): Promise<void> {
  try {
    await page.waitForLoadState('networkidle', { timeout: timeoutMs });
  } catch {
    // a page that keeps the network busy is measured as far as it got
  }
  await page.waitForTimeout(quietMs);
}

/** Bytes a page transfers on a cold load (new context, cache off), JavaScript on. */
export async function measureTransfer(browser: Browser, url: string): Promise<Transfer> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await blockExternal(context);
    const page = await context.newPage();
    const meter = await NetworkMeter.attach(page);
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() >= 400) throw new Error(`${url} answered ${response?.status()}`);
    await settle(page);
    return await meter.snapshot(url);
  } finally {
    await context.close();
  }
}

/** Nothing leaves 127.0.0.1 (the benchmark must not reach the internet). */
async function blockExternal(context: import('playwright-core').BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    return route.abort();
  });
}

export interface SearchTarget {
  name: string;
  url: string;
  /** The query box. */
  input: string;
  /** The element results are rendered into. */
  results: string;
  /** What counts as a rendered result inside it. */
  item: string;
  /**
   * 'as-you-type' when the page is known to search while typing (never submitted: a slow search is waited for);
   * 'auto' to submit with Enter when the results area has not changed AS_YOU_TYPE_WAIT_MS after the last key.
   */
  typing?: 'as-you-type' | 'auto';
}

export interface SearchRun {
  query: string;
  /** ms from the last keydown to the results painted (last change in the results list, then a frame). */
  ms: number | null;
  /** ms from the last keydown to the first frame showing any result (may be an earlier prefix's results). */
  firstMs: number | null;
  /** 'as-you-type' when results came without submitting; 'submit' when Enter (a page load) was needed. */
  mode: 'as-you-type' | 'submit' | 'no-results';
  resultCount: number;
  /** Bytes of the search page itself (cold) and of everything the first query fetched after it. */
  pageBytes: number;
  queryBytes: number;
  page: Transfer;
  query_: Transfer;
}

/**
 * Injected into every document: records the epoch time of the last keydown (kept in sessionStorage, so a submitted
 * form's next page still knows it) and of the last change inside the results element, plus the frame after it.
 * Plain JavaScript text: functions compiled by tsx carry helpers that do not exist in the page.
 */
function instrument(target: { results: string; item: string }): string {
  return `(() => {
  const target = ${JSON.stringify(target)};
  const now = () => performance.timeOrigin + performance.now();
  const state = (window.__bench = {
    lastKey: Number(sessionStorage.getItem('__benchLastKey') || 0),
    lastChange: 0, painted: 0, firstPainted: 0, items: 0,
  });
  addEventListener('keydown', () => {
    state.lastKey = now();
    state.lastChange = 0;
    state.painted = 0;
    state.firstPainted = 0;
    sessionStorage.setItem('__benchLastKey', String(state.lastKey));
  }, true);
  new MutationObserver((mutations) => {
    const results = document.querySelector(target.results);
    if (!results || !state.lastKey) return;
    if (!mutations.some((m) => results.contains(m.target) || m.target.contains(results))) return;
    const changed = now();
    state.lastChange = changed;
    state.items = results.querySelectorAll(target.item).length;
    const first = state.items > 0 && !state.firstPainted;
    requestAnimationFrame(() => setTimeout(() => {
      const t = now();
      if (first && !state.firstPainted) state.firstPainted = t;
      if (state.lastChange === changed) state.painted = t;
    }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;
}

interface BenchState {
  lastKey: number;
  lastChange: number;
  painted: number;
  firstPainted: number;
  items: number;
}

/** How long to wait for a first change of the results area after the last key before submitting with Enter. */
const AS_YOU_TYPE_WAIT_MS = 15_000;
/** How long to wait for results to be painted and then stay unchanged for a second. */
const RESULTS_WAIT_MS = 60_000;

async function readState(page: Page): Promise<BenchState | null> {
  try {
    return await page.evaluate(() => (window as unknown as { __bench?: BenchState }).__bench ?? null);
  } catch {
    return null; // navigating
  }
}

/**
 * Waits until results are painted and then nothing changes for `quietMs` — neither the results area nor the network
 * (a result list that fills in as fragments arrive is not finished while they are still loading); null when no
 * results came within `timeoutMs`.
 */
async function waitForPaintedResults(page: Page, meter: NetworkMeter, quietMs: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last: Awaited<ReturnType<typeof readState>> = null;
  while (Date.now() < deadline) {
    const state = await readState(page);
    const networkQuiet = meter.inflight === 0 && Date.now() - meter.lastActivity >= quietMs;
    if (state?.painted && state.items > 0 && Date.now() - state.painted >= quietMs && networkQuiet) return state;
    last = state;
    await page.waitForTimeout(100);
  }
  return last?.painted && last.items > 0 ? last : null;
}

/**
 * One cold first query: a new context (empty cache), the search page loaded and settled, then the query typed at
 * ~10 keys a second. If no results appear while typing, Enter is pressed (a form-submitting search page) and the
 * time runs from that keystroke to the results on the next page.
 */
export async function measureFirstQuery(browser: Browser, target: SearchTarget, query: string): Promise<SearchRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await blockExternal(context);
    await context.addInitScript({ content: instrument({ results: target.results, item: target.item }) });
    const page = await context.newPage();
    const meter = await NetworkMeter.attach(page);
    const response = await page.goto(target.url, { waitUntil: 'load' });
    if (!response || response.status() >= 400) throw new Error(`${target.url} answered ${response?.status()}`);
    await settle(page);
    const pageTransfer = await meter.snapshot(target.url);
    const before = await meter.count();
    await page.locator(target.input).first().click();
    await page.keyboard.type(query, { delay: 100 });
    let mode: SearchRun['mode'] = 'as-you-type';
    // A page that searches as you type changes its results area within AS_YOU_TYPE_WAIT_MS of the last key (even a
    // slow one: loading the WASM and index of a large catalogue on a loaded machine takes seconds); a page that does
    // not is submitted with Enter.
    const deadline = Date.now() + AS_YOU_TYPE_WAIT_MS;
    let changed = target.typing === 'as-you-type';
    while (!changed && Date.now() < deadline) {
      if ((await readState(page))?.lastChange) {
        changed = true;
        break;
      }
      await page.waitForTimeout(100);
    }
    if (!changed) {
      mode = 'submit';
      await Promise.all([page.waitForNavigation({ timeout: 15_000 }).catch(() => undefined), page.keyboard.press('Enter')]);
    }
    const state = await waitForPaintedResults(page, meter, 1000, RESULTS_WAIT_MS);
    await settle(page, 300);
    const queryTransfer = await meter.snapshot(`${target.url} + "${query}"`, before);
    if (!state) mode = 'no-results';
    return {
      query,
      ms: state ? Math.round((state.painted - state.lastKey) * 10) / 10 : null,
      firstMs: state?.firstPainted ? Math.round((state.firstPainted - state.lastKey) * 10) / 10 : null,
      mode,
      resultCount: state?.items ?? 0,
      pageBytes: pageTransfer.bytes,
      queryBytes: queryTransfer.bytes,
      page: pageTransfer,
      query_: queryTransfer,
    };
  } finally {
    await context.close();
  }
}
