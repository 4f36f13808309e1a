// Probe for issue 19's shard decision: a cold first query in headless Chromium against an index written by
// shard-index.mts (mergeIndex for shards), median of runs, bytes transferred.
// npx tsx bench/probes/shard-query.mts /tmp/probe/one-100000 victims,smuggling 3
import { createServer } from 'node:http';
import sirv from 'sirv';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const dir = process.argv[2]!;
const words = (process.argv[3] ?? 'victims').split(',');
const runs = Number(process.argv[4] ?? 5);
const shards: string[] = JSON.parse(readFileSync(`${dir}/shards.json`, 'utf8'));
const server = createServer(sirv(dir, { dev: true }));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const word of words) {
  const times: number[] = []; const bytes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    let total = 0;
    page.on('response', async (r) => { try { total += (await r.body()).length; } catch { /* a redirect has no body */ } });
    await page.goto(`http://127.0.0.1:${port}/index.html`);
    const ms = await page.evaluate(async ({ word, shards }) => {
      const t0 = performance.now();
      // The served index's own runtime (a URL in the page, not a module TypeScript can see).
      const runtime = '/pagefind/pagefind.js';
      const pf = (await import(/* @vite-ignore */ runtime)) as {
        options: (o: object) => Promise<void>;
        mergeIndex: (path: string) => Promise<void>;
        search: (q: string) => Promise<{ results: Array<{ data: () => Promise<unknown> }> }>;
      };
      await pf.options({ excerptLength: 30 });
      for (const s of shards) await pf.mergeIndex(s);
      const res = await pf.search(word);
      await Promise.all(res.results.slice(0, 10).map((r) => r.data()));
      return [performance.now() - t0, res.results.length];
    }, { word, shards });
    await page.waitForTimeout(200);
    times.push(ms[0]); bytes.push(total);
    if (i === 0) console.log(word, 'results', ms[1]);
    await ctx.close();
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ dir, word, medianMs: Math.round(times[Math.floor(times.length / 2)]), all: times.map(Math.round), kib: Math.round(bytes[0] / 1024) }));
}
await browser.close(); server.close();
