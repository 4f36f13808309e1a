import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../../../tests/browser/chromium';

/**
 * Lighthouse (npm) over Debian's Chromium: we launch Chromium with a DevTools port and a host resolver that maps
 * every name except 127.0.0.1/localhost to "not found", so nothing can reach the internet, and hand the port to
 * Lighthouse's Node API. Lighthouse's defaults: mobile form factor, simulated throttling.
 */

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseScores {
  url: string;
  /** 0–100 per category (null when Lighthouse could not score it). */
  scores: Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number | null>;
  /** Audits that scored below 1, for the results page ("why not 100"). */
  failing: Array<{ category: string; id: string; title: string; score: number | null; displayValue?: string; items: string[] }>;
  metrics: { fcpMs?: number; lcpMs?: number; tbtMs?: number; cls?: number };
}

async function launchWithPort(): Promise<{ chrome: ChildProcess; port: number; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const chrome = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port:\n${err}`)), 30_000);
    chrome.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    chrome.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening a DevTools port:\n${err}`));
    });
  });
  return { chrome, port, profile };
}

export async function runLighthouse(urls: readonly string[], progress: (line: string) => void): Promise<LighthouseScores[]> {
  const { chrome, port, profile } = await launchWithPort();
  const out: LighthouseScores[] = [];
  try {
    for (const url of urls) {
      progress(`Lighthouse ${url}`);
      const result = await lighthouse(url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const lhr = result.lhr;
      const scores = Object.fromEntries(
        LIGHTHOUSE_CATEGORIES.map((c) => {
          const score = lhr.categories[c]?.score;
          return [c, typeof score === 'number' ? Math.round(score * 100) : null];
        }),
      ) as LighthouseScores['scores'];
      const failing: LighthouseScores['failing'] = [];
      for (const c of LIGHTHOUSE_CATEGORIES) {
        for (const ref of lhr.categories[c]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || ref.weight === 0) continue;
          if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue;
          if (audit.score !== null && audit.score >= 1) continue;
          if (audit.scoreDisplayMode === 'informative') continue;
          const items = ((audit.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [])
            .slice(0, 3)
            .map((item) => {
              const where = typeof item.url === 'string' ? item.url : typeof item.sourceLocation === 'object' && item.sourceLocation ? String((item.sourceLocation as { url?: string }).url ?? '') : '';
              const what = item.description ?? item.node ?? item.source ?? '';
              return `${typeof what === 'string' ? what : JSON.stringify(what)}${where ? ` (${new URL(where, 'http://x').pathname})` : ''}`.slice(0, 200);
            });
          failing.push({ category: c, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue, items });
        }
      }
      const numeric = (id: string) => {
        const v = lhr.audits[id]?.numericValue;
        return typeof v === 'number' ? Math.round(v * 1000) / 1000 : undefined;
      };
      out.push({
        url,
        scores,
        failing,
        metrics: {
          fcpMs: numeric('first-contentful-paint'),
          lcpMs: numeric('largest-contentful-paint'),
          tbtMs: numeric('total-blocking-time'),
          cls: numeric('cumulative-layout-shift'),
        },
      });
      if (lhr.runtimeError) progress(`  Lighthouse runtime error: ${lhr.runtimeError.message}`);
    }
  } finally {
    chrome.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
