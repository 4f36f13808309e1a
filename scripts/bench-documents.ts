/**
 * `npx tsx scripts/bench-documents.ts [--documents 100] [--pages 200]`: what documents add to a build, measured on
 * their own (the catalogue's own build and first query are `npm run bench`): 1% of 10,000 entries carrying a
 * 200-page PDF is 100 documents of 200 pages.
 *
 * - extraction of one 200-page PDF (pdf.js via unpdf), cold and from the cache (median of 3);
 * - the documents' search index (src/lib/search/build-index.ts's indexDocuments): seconds and bytes on disk;
 * - the first query against it in Chromium (import, init, search, the first five results' data; median of 5).
 *
 * Prints a Markdown table for bench/results-documents.md. The PDF is made with pdfkit, as the tests make theirs.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocument } from '../src/lib/documents/extract';
import { documentPageRecords, type DocumentOwner } from '../src/lib/documents/records';
import { entrySchema } from '../src/lib/schema/entry';
import { indexDocuments } from '../src/lib/search/build-index';
import { serveStatic } from '../src/lib/server';
import { launchChromium } from '../tests/browser/chromium';
import { makePdf } from '../tests/support/pdf-fixtures';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const DOCUMENTS = arg('documents', 100);
const PAGES = arg('pages', 200);

// Words of the domain, so pages read like the catalogue's texts and the index holds a realistic vocabulary.
const WORDS = (
  'victims trafficking labour forced exploitation recruitment smuggling migrants border prosecution protection ' +
  'prevention shelter referral identification indicators debt bondage passport wages employer agency inspection ' +
  'court evidence witness survivor child marriage domestic work fishing construction agriculture supply chain ' +
  'online sexual organ removal begging criminal justice cooperation police training manual toolkit report'
).split(' ');

function pageText(doc: number, page: number): string {
  let seed = doc * 7919 + page * 104729;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const words = Array.from({ length: 350 }, () => WORDS[next() % WORDS.length]!);
  return `Page ${page} of document ${doc}. ${words.join(' ')} term${doc}x${page}.`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const du = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? du(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );

const work = mkdtempSync(join(tmpdir(), 'bench-documents-'));
try {
  const pdfPath = join(work, 'manual.pdf');
  writeFileSync(pdfPath, await makePdf(Array.from({ length: PAGES }, (_, i) => pageText(0, i + 1))));

  const cold: number[] = [];
  const cached: number[] = [];
  for (let run = 0; run < 3; run++) {
    const cacheDir = join(work, `cache-${run}`);
    let started = performance.now();
    const result = await extractDocument(pdfPath, 'manual.pdf', cacheDir);
    cold.push(performance.now() - started);
    if (!result.ok || result.document.pages.length !== PAGES) throw new Error('the benchmark PDF did not extract');
    started = performance.now();
    await extractDocument(pdfPath, 'manual.pdf', cacheDir);
    cached.push(performance.now() - started);
  }

  const documents = Array.from({ length: DOCUMENTS }, (_, d) => {
    const publication: DocumentOwner = {
      slug: `document-${d}`,
      data: entrySchema.parse({
        title: `Synthetic manual ${d}`,
        year: 2000 + (d % 25),
        category: 'manual',
        summary: 'A benchmark entry.',
        document: `document-${d}.pdf`,
        document_redistributable: true,
      }),
    };
    const pages = Array.from({ length: PAGES }, (_, p) => pageText(d, p + 1));
    return { publication, records: documentPageRecords(publication, pages) };
  });
  const site = join(work, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<!doctype html><html lang="en"><title>bench</title></html>');
  const started = performance.now();
  const indexed = await indexDocuments(documents, join(site, 'pagefind', 'documents'));
  const indexSeconds = (performance.now() - started) / 1000;
  const indexBytes = du(join(site, 'pagefind', 'documents'));
  (await import('pagefind')).close();

  const { server, url } = await serveStatic(site, 0);
  const browser = await launchChromium();
  const firstQuery: number[] = [];
  try {
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/`);
      firstQuery.push(
        (await page.evaluate(`(async () => {
          const started = performance.now();
          const pagefind = await import('/pagefind/documents/pagefind.js');
          await pagefind.init();
          const found = await pagefind.search('"debt bondage" passport');
          await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
          return performance.now() - started;
        })()`)) as number,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`| documents × pages | ${DOCUMENTS} × ${PAGES} (${indexed.toLocaleString('en')} page records) |`);
  console.log('| --- | --- |');
  console.log(`| extraction of one ${PAGES}-page PDF, cold (median of 3) | ${ms(median(cold))} |`);
  console.log(`| the same from the cache (median of 3) | ${ms(median(cached))} |`);
  console.log(`| extraction of all ${DOCUMENTS}, cold (estimated: ${DOCUMENTS} × median) | ${(median(cold) * DOCUMENTS / 1000).toFixed(1)} s |`);
  console.log(`| documents' index: build | ${indexSeconds.toFixed(1)} s |`);
  console.log(`| documents' index: size on disk | ${(indexBytes / 1_000_000).toFixed(1)} MB |`);
  console.log(`| first query ("debt bondage" passport), import to 5 results' data, median of 5 | ${ms(median(firstQuery))} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
