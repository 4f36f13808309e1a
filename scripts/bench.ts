/**
 * `npm run bench` — the catalogue at scale (issues 9, 18, 19, 21). See bench/README.md.
 *
 *   npm run bench                              # 1,000 and 10,000 entries, Lighthouse; writes bench/results.md and .json
 *   npm run bench -- --quick                   # 200 entries, one run each, no Lighthouse; results in a temporary folder
 *   npm run bench -- --entries 100000          # on demand (also --entries 1000,5000); writes bench/results-100000.*
 *   npm run bench -- --against <git-rev>       # the same measures on that commit too: "before | after" columns
 *   npm run bench -- --documents 0.01          # also a catalogue where 1% of entries carry a 200-page PDF (issue 21)
 *   options: --runs N (builds, default 3; 1 from 10,000 entries; validate at least 3), --search-runs N (default 5),
 *            --baselines astro,hugo|none, --[no-]lighthouse, --seed S, --refresh-profile, --out PREFIX, --keep
 *
 * Never touches content/ or dist/; servers bind 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validatePaths } from '../src/lib/validate';
import type { Browser } from 'playwright-core';
import { extractDocument } from '../src/lib/documents/extract';
import { serveStatic } from '../src/lib/server';
import { launchChromium } from '../tests/browser/chromium';
import { makePdf } from '../tests/support/pdf-fixtures';
import { measureFirstQuery, measureTransfer, runLighthouse, type SearchTarget } from './lib/bench/browser';
import { fmtBytes, fmtS, GiB, goalsTable, judgeGoals, toMarkdown, type Results, type Side, type SizeResult } from './lib/bench/report';
import { buildBaselineAstro, buildBaselineHugo, buildSite, distStats, hugoVersion, validate, type Build, type Checkout } from './lib/bench/run';
import { documentPages, DOCUMENT_WORD, generateEntries, median, profileFromEntries, toMarkdown as entryMarkdown, type CatalogueProfile, type SyntheticEntry } from './lib/bench/synthetic';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    entries: { type: 'string', multiple: true },
    runs: { type: 'string' },
    'search-runs': { type: 'string' },
    quick: { type: 'boolean', default: false },
    against: { type: 'string' },
    documents: { type: 'string' },
    lighthouse: { type: 'boolean' },
    baselines: { type: 'string' },
    seed: { type: 'string', default: 'catalogue-bench' },
    'refresh-profile': { type: 'boolean', default: false },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, ''));
  process.exit(0);
}

const quick = args.quick;
const sizes = (args.entries?.flatMap((e) => e.split(',')) ?? (quick ? ['200'] : ['1000', '10000'])).map((e) => Number(e.replace(/_/g, ''))).sort((a, b) => a - b);
if (!sizes.length || sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--entries takes whole numbers, e.g. --entries 1000,10000');
const runsFor = (entries: number) => Number(args.runs ?? (quick || entries >= 10_000 ? 1 : 3));
const searchRuns = Number(args['search-runs'] ?? (quick ? 2 : 5));
const lighthouseOn = args.lighthouse ?? !quick;
const baselines = new Set((args.baselines ?? (quick ? 'none' : 'astro,hugo')).split(',').filter((b) => b === 'astro' || b === 'hugo'));
const documentsFraction = args.documents === undefined ? undefined : Number(args.documents);
if (documentsFraction !== undefined && !(documentsFraction > 0 && documentsFraction <= 1)) throw new Error('--documents takes a fraction of entries, e.g. 0.01');
const DOCUMENT_PAGES = 200;
const defaultRun = !quick && !args.entries;
const outPrefix = args.out ?? (quick ? join(tmpdir(), 'catalogue-bench-quick', 'results') : defaultRun ? 'bench/results' : `bench/results-${sizes.join('-')}`);
const currentYear = new Date().getFullYear();

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const log = (line: string) => console.log(`[bench ${fmtS(elapsed()).padStart(9)}] ${line}`);
const git = (...a: string[]) => execFileSync('git', a, { encoding: 'utf8' }).trim();

/** The real catalogue's distributions, measured once into bench/profile.json so results stay comparable. */
async function loadProfile(): Promise<CatalogueProfile> {
  const file = 'bench/profile.json';
  if (!args['refresh-profile'] && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as CatalogueProfile;
  const dir = 'content/publications';
  // Read through the one pipeline, as everything else reads entries.
  const { entries } = await validatePaths([dir]);
  const profile = profileFromEntries(
    entries.map(({ data, body }) => ({ data, body })),
    `${dir} at ${git('log', '-1', '--format=%h', '--', dir)} (${entries.length} entries)`,
  );
  writeFileSync(file, `${JSON.stringify(profile, null, 1)}\n`);
  return profile;
}

/** `--against`: that commit in a temporary worktree, with this node_modules when the lock files match. */
function checkoutAgainst(rev: string, root: string): Checkout {
  const dir = join(root, 'before-checkout');
  git('worktree', 'add', '--detach', dir, rev);
  const sameLock = git('show', `${rev}:package-lock.json`) === readFileSync('package-lock.json', 'utf8').trim();
  if (sameLock) symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  else {
    log(`--against ${rev}: its package-lock.json differs, npm ci there…`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  return { label: 'before', root: dir, commit: git('rev-parse', '--short', rev) };
}

function writeEntries(dir: string, entries: SyntheticEntry[]): void {
  mkdirSync(dir, { recursive: true });
  for (const e of entries) writeFileSync(join(dir, `${e.slug}.md`), entryMarkdown(e));
}

const medianOf = (runs: Array<number | null>) => (runs.some((r) => r === null) ? null : median(runs as number[]));

const OURS = (url: string): SearchTarget => ({ url: `${url}/search/`, input: '#search-input', results: '#search-results', item: '#search-results > *' });
// Document pages are listed apart from the publications, in the search page's "Inside the documents" section.
const DOCUMENT_HITS = (url: string): SearchTarget => ({ ...OURS(url), results: '#document-hits', item: '#document-hits li' });
const STOCK_UI = (url: string): SearchTarget => ({ url: `${url}/bench-pagefind-ui/`, input: '.pagefind-ui__search-input', results: '.pagefind-ui__results-area', item: '.pagefind-ui__result-link' });

async function firstQuery(browser: Browser, target: SearchTarget, queries: string[], count: number) {
  const list = [];
  for (let i = 0; i < count; i++) {
    const q = await measureFirstQuery(browser, target, queries[i % queries.length]!);
    log(`  ${target.url} "${queries[i % queries.length]}": ${q.ms ?? '–'} ms, ${q.results} results, page ${fmtBytes(q.pageBytes)} + query ${fmtBytes(q.queryBytes)}`);
    list.push(q);
  }
  const runs = list.map((q) => q.ms);
  return { ms: medianOf(runs), runs, pageBytes: median(list.map((q) => q.pageBytes)), queryBytes: median(list.map((q) => q.queryBytes)), results: list[0]!.results };
}

/** Validate, then `count` cold builds (each into a fresh folder); the last build's folder is kept for what follows. */
async function coldSide(co: Checkout, contentDir: string, work: string, count: number): Promise<{ side: Side; last: string }> {
  const validateRuns: number[] = [];
  // Validation takes seconds even at 10,000 entries: always a median of at least three.
  for (let i = 0; i < Math.max(count, 3); i++) validateRuns.push((await validate(co, contentDir)).seconds);
  log(`${co.label}: validate ${validateRuns.map(fmtS).join(', ')}`);
  const builds: Build[] = [];
  for (let i = 0; i < count; i++) {
    if (i) rmSync(join(work, `${co.label}-${i}`), { recursive: true, force: true });
    const b = await buildSite(co, contentDir, join(work, `${co.label}-${i + 1}`), (line) => /error|warn/i.test(line) && log(`  ${co.label}: ${line}`));
    log(`${co.label}: cold build ${fmtS(b.seconds)} (Astro ${fmtS(b.astroSeconds)}, index ${fmtS(b.indexSeconds)}), CPU ${fmtS(b.cpuSeconds)}, peak ${fmtBytes(b.peakBytes)}, load ${loadavg()[0]!.toFixed(1)}`);
    builds.push(b);
  }
  const mid = [...builds].sort((a, b) => a.seconds - b.seconds)[(builds.length - 1) >> 1]!;
  const { outDir: _, ...build } = mid;
  return { side: { commit: co.commit, validateSeconds: median(validateRuns), validateRuns, build, buildRuns: builds.map((b) => b.seconds) }, last: join(work, `${co.label}-${count}`) };
}

/** The editor's rebuild: validate, then build into the cold build's own folder (cache and output kept). */
async function rebuild(co: Checkout, contentDir: string, work: string): Promise<NonNullable<Side['rebuild']>> {
  const v = await validate(co, contentDir);
  const b = await buildSite(co, contentDir, work);
  log(`${co.label}: rebuild after one entry: validate ${fmtS(v.seconds)} + build ${fmtS(b.seconds)} (CPU ${fmtS(b.cpuSeconds)})`);
  return { validateSeconds: v.seconds, seconds: b.seconds, cpuSeconds: b.cpuSeconds };
}

/** A catalogue whose every 1/fraction-th entry carries a 200-page PDF (every other one redistributable). */
async function measureDocuments(browser: Browser, co: Checkout, profile: CatalogueProfile, entries: SyntheticEntry[], work: string, next: SyntheticEntry): Promise<NonNullable<SizeResult['documents']>> {
  const fraction = documentsFraction!;
  const contentDir = join(work, 'docs-content', 'publications');
  const documentsDir = join(work, 'docs-content', 'documents');
  mkdirSync(documentsDir, { recursive: true });
  const files: string[] = [];
  const withDocs = await Promise.all(entries.map(async (e, i) => {
    if (Math.floor((i + 1) * fraction) === Math.floor(i * fraction)) return e;
    const name = `${e.slug}.pdf`;
    writeFileSync(join(documentsDir, name), await makePdf(documentPages(profile, args.seed!, i, DOCUMENT_PAGES, currentYear)));
    files.push(name);
    return { ...e, data: { ...e.data, document: name, document_redistributable: files.length % 2 === 1 } };
  }));
  writeEntries(contentDir, withDocs);
  log(`documents: ${files.length} PDFs of ${DOCUMENT_PAGES} pages written`);
  // Extraction on its own, in this process: every document cold, then every one again from the cache.
  const extractCache = join(work, 'extract-cache');
  const timeAll = async () => {
    const t = performance.now();
    for (const f of files) if (!(await extractDocument(join(documentsDir, f), f, extractCache)).ok) throw new Error(`${f} did not extract`);
    return (performance.now() - t) / 1000;
  };
  const [extractColdSeconds, extractCachedSeconds] = [await timeAll(), await timeAll()];
  const site = join(work, 'docs-site');
  const b = await buildSite(co, contentDir, site);
  log(`documents: cold build ${fmtS(b.seconds)} (CPU ${fmtS(b.cpuSeconds)}); extraction ${fmtS(extractColdSeconds)} cold, ${fmtS(extractCachedSeconds)} cached`);
  const indexBytes = existsSync(join(b.outDir, 'pagefind/documents')) ? distStats(join(b.outDir, 'pagefind/documents')).bytes : 0;
  const server = await serveStatic(b.outDir, 0);
  const q = await firstQuery(browser, DOCUMENT_HITS(server.url), [DOCUMENT_WORD], Math.min(3, searchRuns)).finally(() => server.server.close());
  writeFileSync(join(contentDir, `${next.slug}.md`), entryMarkdown(next));
  const r = await buildSite(co, contentDir, site);
  log(`documents: rebuild after one entry ${fmtS(r.seconds)} (CPU ${fmtS(r.cpuSeconds)})`);
  return { fraction, count: files.length, pages: DOCUMENT_PAGES, buildSeconds: b.seconds, buildCpuSeconds: b.cpuSeconds, rebuildSeconds: r.seconds, rebuildCpuSeconds: r.cpuSeconds, extractColdSeconds, extractCachedSeconds, indexBytes, firstQuery: { ms: q.ms, results: q.results, query: DOCUMENT_WORD } };
}

/** Query words: the most frequent longer words of the real catalogue, so every size has results. */
function pickQueries(words: Record<string, number>): string[] {
  const list = Object.entries(words).filter(([w]) => /^[a-z]{6,}$/.test(w)).sort((a, b) => b[1] - a[1]).map(([w]) => w);
  return ['victims', ...list.filter((w) => w !== 'victims').slice(1, 3)];
}

async function measureSize(entriesCount: number, root: string, browser: Browser, after: Checkout, before: Checkout | undefined, profile: CatalogueProfile): Promise<SizeResult> {
  log(`== ${entriesCount.toLocaleString('en')} entries ==`);
  const work = join(root, String(entriesCount));
  const contentRoot = join(work, 'content');
  const contentDir = join(contentRoot, 'publications');
  const all = generateEntries(profile, entriesCount + 1, { seed: args.seed, currentYear });
  const [entries, next] = [all.slice(0, -1), all[all.length - 1]!];
  writeEntries(contentDir, entries);
  const runs = runsFor(entriesCount);
  const queries = pickQueries(profile.words);

  const ours = await coldSide(after, contentDir, work, runs);
  const theirs = before ? await coldSide(before, contentDir, work, runs) : undefined;
  const result: SizeResult = { entries: entriesCount, after: ours.side, before: theirs?.side, baselines: {}, output: undefined!, pages: [] };
  for (const name of baselines) {
    const b = name === 'astro' ? await buildBaselineAstro(contentDir, join(work, 'baseline-astro')) : await buildBaselineHugo(contentRoot, join(work, 'baseline-hugo'));
    log(`baseline ${name}: ${fmtS(b.seconds)}, CPU ${fmtS(b.cpuSeconds)}, peak ${fmtBytes(b.peakBytes)}`);
    result.baselines[name as 'astro' | 'hugo'] = { seconds: b.seconds, cpuSeconds: b.cpuSeconds, peakBytes: b.peakBytes };
  }

  // Output and pages, on the last cold build of this checkout.
  const dist = join(ours.last, 'dist');
  const stats = distStats(dist);
  const publications = stats.html.filter((h) => /^\/publications\/[^/]+\/$/.test(h.path) && !h.path.startsWith('/publications/page/'));
  const typical = publications[publications.length >> 1];
  const country = stats.html.find((h) => /^\/countries\/[^/]+\/$/.test(h.path));
  const longest = [...entries].sort((a, b) => b.body.length - a.body.length)[0]!;
  mkdirSync(join(dist, 'bench-pagefind-ui'));
  cpSync('bench/baseline-hugo/static/search/index.html', join(dist, 'bench-pagefind-ui/index.html'));
  const site = await serveStatic(dist, 0);
  try {
    const paths = [...new Set(['/', '/search/', `/publications/${longest.slug}/`, ...(country ? [country.path] : []), ...stats.html.slice(0, 3).map((h) => h.path)])];
    for (const path of paths) result.pages.push({ path, bytes: (await measureTransfer(browser, site.url + path)).bytes });
    const pub = typical && { ...typical, ...(await measureTransfer(browser, site.url + typical.path)) };
    result.output = { files: stats.files, bytes: stats.bytes, pagefindBytes: stats.pagefindBytes, largestPage: stats.html[0]!, publicationPage: pub && { path: pub.path, bytes: pub.bytes, withoutSearch: pub.withoutSearch } };
    log(`output: ${stats.files} files, ${fmtBytes(stats.bytes)}; largest page ${result.pages.reduce((a, p) => (p.bytes > a.bytes ? p : a)).path}`);
    const q = await firstQuery(browser, OURS(site.url), queries, searchRuns);
    result.after.firstQuery = q;
    const ui = await firstQuery(browser, STOCK_UI(site.url), queries, Math.min(3, searchRuns));
    result.defaultUi = { ms: ui.ms, pageBytes: ui.pageBytes, queryBytes: ui.queryBytes };
    if (lighthouseOn && entriesCount === sizes[sizes.length - 1]) {
      log('Lighthouse…');
      const urls = ['/', `/publications/${longest.slug}/`, country?.path ?? '/countries/', `/search/?q=${queries[0]}`];
      result.lighthouse = await runLighthouse(urls.map((p) => site.url + p));
    }
  } finally {
    site.server.close();
  }
  if (before && theirs) {
    const server = await serveStatic(join(theirs.last, 'dist'), 0);
    const q = await firstQuery(browser, OURS(server.url), queries, Math.min(3, searchRuns)).finally(() => server.server.close());
    result.before!.firstQuery = q;
  }

  // The editor's check (issue 8): one more entry, then validate and build with the cold build's folder kept.
  writeFileSync(join(contentDir, `${next.slug}.md`), entryMarkdown(next));
  result.after.rebuild = await rebuild(after, contentDir, ours.last);
  if (before && theirs) result.before!.rebuild = await rebuild(before, contentDir, theirs.last);
  if (documentsFraction) result.documents = await measureDocuments(browser, after, profile, entries, work, next);
  if (!args.keep) rmSync(work, { recursive: true, force: true });
  return result;
}

function writeResults(results: Results): void {
  results.goals = judgeGoals(results.sizes);
  mkdirSync(resolve(outPrefix, '..'), { recursive: true });
  writeFileSync(`${outPrefix}.json`, `${JSON.stringify(results, null, 1)}\n`);
  // The hand-written diagnosis goes with the recorded run only.
  const analysis = outPrefix === 'bench/results' && existsSync('bench/analysis.md') ? `\n## Analysis (bench/analysis.md)\n\n${readFileSync('bench/analysis.md', 'utf8').trim()}\n` : '';
  writeFileSync(`${outPrefix}.md`, `${toMarkdown(results)}\n${analysis}`);
}

async function main(): Promise<void> {
  const profile = await loadProfile();
  // Inside the checkout (git-ignored .tmp-*): Astro keeps prerender chunks beside an outDir only there.
  const root = mkdtempSync(resolve('.tmp-bench-'));
  const after: Checkout = { label: 'after', root: resolve('.'), commit: git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', 'src', 'scripts', 'astro.config.mjs') ? '+uncommitted' : '') };
  const hugo = baselines.has('hugo') ? hugoVersion() : undefined;
  if (baselines.has('hugo') && !hugo) {
    log('Hugo is not installed (apt-get install hugo): baseline (b) skipped');
    baselines.delete('hugo');
  }
  let browser: Browser | undefined;
  let before: Checkout | undefined;
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      commit: after.commit,
      machine: `${cpus()[0]?.model.trim()}, ${cpus().length} cores, ${(totalmem() / GiB).toFixed(1)} GiB`,
      node: process.version,
      loadStart: loadavg(),
      loadEnd: [],
      seconds: 0,
      seed: args.seed!,
      versions: { ...(hugo ? { hugo } : {}) },
    },
    sizes: [],
    goals: [],
  };
  try {
    before = args.against ? checkoutAgainst(args.against, root) : undefined;
    browser = await launchChromium();
    results.meta.versions.chromium = browser.version();
    for (const pkg of ['astro', 'pagefind']) results.meta.versions[pkg] = (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;
    log(`sizes ${sizes.join(', ')}; results → ${outPrefix}.md${before ? `; against ${before.commit}` : ''}; working in ${root}`);
    for (const entries of sizes) {
      results.sizes.push(await measureSize(entries, root, browser, after, before, profile));
      writeResults(results); // an interrupted run keeps the sizes done
    }
  } finally {
    await browser?.close();
    if (before) git('worktree', 'remove', '--force', before.root);
    if (args.keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  results.meta.loadEnd = loadavg();
  results.meta.seconds = elapsed();
  writeResults(results);
  console.log(`\n${goalsTable(results.goals)}\n`);
  log(`wrote ${outPrefix}.md and ${outPrefix}.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
