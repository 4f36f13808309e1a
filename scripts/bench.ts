/**
 * `npm run bench` — performance at scale (issue 9). Generates synthetic catalogues of N entries (default 1,000 and
 * 10,000) in a temporary folder from the real catalogue's profile, builds them with the real site and with two
 * baselines (plain Astro + stock Pagefind, Hugo + stock Pagefind), measures build time, memory, output, page bytes,
 * first-query time and bytes in Chromium, and Lighthouse, and writes bench/results.md and bench/results.json.
 *
 *   npm run bench                                  # 1,000 and 10,000 entries, Lighthouse on (≈15 min on 2 cores)
 *   npm run bench -- --quick                       # 200 entries, one run, no Lighthouse; results to a temp folder
 *   npm run bench -- --entries 100000              # on demand; also --entries 1000,5000 or --entries 1000 --entries 5000
 *   npm run bench -- --runs 5 --search-runs 7 --no-lighthouse --baselines hugo --cpu-prof --keep
 *   npm run bench -- --report-only                 # rewrite bench/results.md from results.json (after editing analysis.md)
 *
 * Never touches content/ or dist/. Everything binds 127.0.0.1. Thin CLI: the work is in scripts/lib/bench/ and the
 * generator in src/lib/bench/synthetic.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { median } from '../src/lib/bench/synthetic';
import { parseShardManifest, SHARD_MANIFEST_FILE } from '../src/lib/search/shards';
import { serveStatic } from '../src/lib/server';
import { launchChromium } from '../tests/browser/chromium';
import { measureFirstQuery, measureTransfer, type SearchTarget, type Transfer } from './lib/bench/browser';
import {
  buildBaselineAstro,
  buildBaselineHugo,
  buildCatalogue,
  ensureHugo,
  hugoVersion,
  phaseSeconds,
  type BuildMeasure,
} from './lib/bench/builds';
import { loadProfile, writeCatalogue, writeNextEntry } from './lib/bench/catalogue';
import { summariseCpuProfiles } from './lib/bench/cpu-profile';
import { distStats, type DistStats } from './lib/bench/dist';
import { runLighthouse } from './lib/bench/lighthouse';
import { runMeasured } from './lib/bench/process';
import {
  evaluateGoals,
  fmtBytes,
  fmtMs,
  fmtSeconds,
  GiB,
  toMarkdown,
  type BuildSeries,
  type BuildSummary,
  type DistSummary,
  type Results,
  type SearchSeries,
  type EditorCheck,
  type SizeResult,
} from './lib/bench/report';

const { values: args } = parseArgs({
  allowNegative: true,
  options: {
    entries: { type: 'string', multiple: true },
    runs: { type: 'string' },
    'build-runs': { type: 'string' },
    'search-runs': { type: 'string' },
    quick: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean' },
    baselines: { type: 'string' },
    seed: { type: 'string', default: 'catalogue-bench' },
    'refresh-profile': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string' },
    'report-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, ''));
  process.exit(0);
}

const DEFAULT_SIZES = [1000, 10_000];
const quick = args.quick;
const sizes = (args.entries?.length ? args.entries.flatMap((e) => e.split(',')) : quick ? ['200'] : DEFAULT_SIZES.map(String))
  .map((e) => Number(e.replace(/[_,]/g, '')))
  .filter((n, i, all) => Number.isInteger(n) && n > 0 && all.indexOf(n) === i)
  .sort((a, b) => a - b);
if (!sizes.length) throw new Error('--entries needs positive whole numbers, e.g. --entries 1000,10000');
const runs = Math.max(1, Number(args.runs ?? (quick ? 1 : 3)));
const buildRunsFor = (n: number) => Math.max(1, Number(args['build-runs'] ?? (quick ? 1 : n >= 10_000 ? 1 : runs)));
const searchRuns = Math.max(1, Number(args['search-runs'] ?? (quick ? 2 : 5)));
const lighthouseOn = args.lighthouse ?? !quick;
const baselines = new Set((args.baselines ?? 'astro,hugo').split(',').map((s) => s.trim()).filter((s) => s && s !== 'none'));
const isDefaultRun = !quick && !args.entries?.length;
const outPrefix = args.out ?? (quick ? join(tmpdir(), 'catalogue-bench-quick', 'results') : isDefaultRun ? 'bench/results' : `bench/results-${sizes.join('-')}`);

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const log = (line: string) => console.log(`[bench ${fmtSeconds(elapsed()).padStart(9)}] ${line}`);
const quiet = (prefix: string) => (line: string) => {
  if (/error|warn|Pagefind indexed|Indexed \d+ pages|page\(s\) built|Total in|Complete!/i.test(line)) log(`  ${prefix}: ${line.replace(/^\d\d:\d\d:\d\d /, '')}`);
};

// ---------------------------------------------------------------------------------------------------------------

function git(...a: string[]): string {
  try {
    return execFileSync('git', a, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

function osName(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

function summarise(b: BuildMeasure): BuildSummary {
  const { outDir: _outDir, phases: _phases, ...rest } = b;
  return { ...rest, phaseSeconds: phaseSeconds(b) };
}

function series(measures: BuildMeasure[]): BuildSeries {
  const list = measures.map(summarise);
  const med = (f: (b: BuildSummary) => number) => median(list.map(f));
  // The median run (by total time) gives the phases; each figure is its own median.
  const middle = [...list].sort((a, b) => a.seconds - b.seconds)[Math.floor((list.length - 1) / 2)]!;
  return {
    runs: list,
    median: {
      ...middle,
      seconds: med((b) => b.seconds),
      generatorSeconds: med((b) => b.generatorSeconds),
      pagefindSeconds: med((b) => b.pagefindSeconds),
      peakRssBytes: med((b) => b.peakRssBytes),
      peakProcesses: med((b) => b.peakProcesses),
      cpuSeconds: list.every((b) => b.cpuSeconds !== null) ? med((b) => b.cpuSeconds!) : null,
    },
  };
}

function distSummary(d: DistStats): DistSummary {
  const { html: _html, ...rest } = d;
  return rest;
}

/** A build is "cheap" (worth repeating for a median) when it takes less than this, unless --build-runs says otherwise. */
const CHEAP_BUILD_SECONDS = 30;

/**
 * Builds `count` times into fresh folders (cold caches), keeping the last output for the page measures. Without an
 * explicit --build-runs, a build slower than CHEAP_BUILD_SECONDS is not repeated (the default run has 15 minutes).
 */
async function repeatBuild(label: string, count: number, work: string, build: (dir: string) => Promise<BuildMeasure>): Promise<{ series: BuildSeries; outDir: string }> {
  const measures: BuildMeasure[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && args['build-runs'] === undefined && measures[0]!.seconds > CHEAP_BUILD_SECONDS) {
      log(`${label}: not repeated (${fmtSeconds(measures[0]!.seconds)} is over ${CHEAP_BUILD_SECONDS} s; --build-runs to insist)`);
      break;
    }
    const dir = join(work, `${label}-${i + 1}`);
    log(`${label}: build ${i + 1}/${count}…`);
    const m = await build(dir);
    log(
      `${label}: ${fmtSeconds(m.seconds)} (generator ${fmtSeconds(m.generatorSeconds)}, Pagefind ${fmtSeconds(m.pagefindSeconds)}), ` +
        `CPU ${fmtSeconds(m.cpuSeconds)}, peak ${fmtBytes(m.peakRssBytes)}, load ${loadavg()[0]!.toFixed(1)}`,
    );
    measures.push(m);
    if (measures.length > 1) rmSync(measures[measures.length - 2]!.outDir.replace(/\/(dist|public)$/, ''), { recursive: true, force: true });
  }
  return { series: series(measures), outDir: measures[measures.length - 1]!.outDir };
}

function searchSeries(target: SearchTarget, list: Awaited<ReturnType<typeof measureFirstQuery>>[]): SearchSeries {
  const times = list.map((r) => r.ms).filter((ms): ms is number => ms !== null);
  return {
    target: target.name,
    url: target.url,
    runs: list.map(({ page, query_, ...r }) => ({ ...r, pageByKind: page.byKind, queryByKind: query_.byKind })),
    medianMs: times.length ? median(times) : null,
    medianFirstMs: list.some((r) => r.firstMs !== null) ? median(list.map((r) => r.firstMs).filter((ms): ms is number => ms !== null)) : null,
    medianPageBytes: median(list.map((r) => r.pageBytes)),
    medianQueryBytes: median(list.map((r) => r.queryBytes)),
    modes: list.map((r) => r.mode),
  };
}

async function firstQueries(browser: Browser, target: SearchTarget, queries: string[], count = searchRuns): Promise<SearchSeries> {
  const list = [];
  for (let i = 0; i < count; i++) {
    const query = queries[i % queries.length]!;
    const r = await measureFirstQuery(browser, target, query);
    log(
      `  ${target.name}: "${query}" ${fmtMs(r.ms)} (first result ${fmtMs(r.firstMs)}; ${r.mode}, ${r.resultCount} results), ` +
        `page ${fmtBytes(r.pageBytes)} + query ${fmtBytes(r.queryBytes)}`,
    );
    list.push(r);
  }
  return searchSeries(target, list);
}

/** Query words: the most frequent longer words of the real catalogue, so every size has results for them. */
function pickQueries(words: Record<string, number>): string[] {
  const stop = new Set(['through', 'between', 'including', 'against', 'within', 'should', 'national', 'international', 'publication']);
  const list = Object.entries(words)
    .filter(([w]) => /^[a-z]{6,}$/.test(w) && !stop.has(w))
    .sort((a, b) => b[1] - a[1])
    .map(([w]) => w);
  const singles = list.slice(1, 4);
  return [singles[0] ?? 'victims', `${list[0] ?? 'trafficking'} ${list[4] ?? 'protection'}`, singles[1] ?? 'children', singles[2] ?? 'labour'];
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * The editor's check (issue 8): one more entry added to the N, `validate`, then a build that reuses the cache of the
 * cold build before it (what an editor's machine, or CI restoring Astro's cacheDir, does). The entry is removed
 * again afterwards, so later measures see the N entries.
 */
async function measureEditorCheck(n: number, contentDir: string, work: string, coldOutDir: string, timeout: number): Promise<EditorCheck> {
  const entry = writeNextEntry(contentDir, loadProfile().profile, n, args.seed!);
  const file = join(contentDir, `${entry.slug}.md`);
  const dir = join(work, 'editor-check');
  try {
    log(`editor's check: added ${entry.slug}.md; validate, then build with the first build's cache…`);
    const v = await runMeasured(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/validate.ts', contentDir], { timeoutSeconds: timeout });
    const b = await buildCatalogue(contentDir, dir, quiet('editor-check'), { timeoutSeconds: timeout, cacheDir: join(dirname(coldOutDir), 'cache') });
    log(
      `editor's check: validate ${fmtSeconds(v.seconds)} (exit ${v.code}) + build ${fmtSeconds(b.seconds)} (Pagefind ${fmtSeconds(b.pagefindSeconds)}, ` +
        `CPU ${fmtSeconds(b.cpuSeconds)}, ${b.citationsFormatted ?? '?'} citations formatted)`,
    );
    return {
      added: entry.slug,
      validateSeconds: v.seconds,
      validateExit: v.code ?? -1,
      buildSeconds: b.seconds,
      pagefindSeconds: b.pagefindSeconds,
      cpuSeconds: b.cpuSeconds,
      peakRssBytes: b.peakRssBytes,
      citationsFormatted: b.citationsFormatted ?? null,
    };
  } finally {
    rmSync(file, { force: true });
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Re-renders results.md from results.json (after editing bench/analysis.md), measuring nothing. */
function reportOnly(): void {
  const results = JSON.parse(readFileSync(`${outPrefix}.json`, 'utf8')) as Results;
  results.goals = evaluateGoals(results);
  results.diagnosis = diagnose(results);
  results.analysis = analysis();
  results.notes = notes();
  writeResults(results);
  log(`Rewrote ${outPrefix}.md from ${outPrefix}.json`);
}

async function main(): Promise<void> {
  if (args['report-only']) return reportOnly();
  const loadStart = loadavg();
  const { profile, refreshed } = loadProfile({ refresh: args['refresh-profile'] });
  log(`Profile: ${profile.source}${refreshed ? ' (measured now, written to bench/profile.json)' : ' (bench/profile.json)'}`);
  log(
    `Sizes ${sizes.map((n) => n.toLocaleString('en')).join(', ')}; build runs ${sizes.map(buildRunsFor).join(', ')}; cheap runs ${runs}; search runs ${searchRuns}; ` +
      `baselines ${[...baselines].join(', ') || 'none'}; Lighthouse ${lighthouseOn ? 'on' : 'off'}; results → ${outPrefix}.md`,
  );
  const hugo = baselines.has('hugo') ? ensureHugo(log) : undefined;
  // Astro writes a static build's prerender bundle to <outDir>/.prerender when outDir is inside the working directory,
  // and otherwise to <cwd>/.astro/.prerender — one folder shared by every concurrent build in this checkout (tests,
  // other people's builds), which then delete each other's chunks ("Cannot find module .astro/.prerender/chunks/…").
  // So the temporary folder is reached through a symlink inside the repository (ignored by .gitignore's `.tmp*`).
  const realRoot = mkdtempSync(join(tmpdir(), 'catalogue-bench-'));
  const root = resolve(`.tmp-${basename(realRoot)}`);
  symlinkSync(realRoot, root, 'dir');
  // The prerender chunks import packages: let them find node_modules from the real temporary folder too.
  symlinkSync(resolve('node_modules'), join(realRoot, 'node_modules'), 'dir');
  log(`Working in ${realRoot} (as ${root})`);
  const queries = pickQueries(profile.words);
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: {
        cpuModel: cpuModel(),
        cores: cpus().length,
        memoryGiB: totalmem() / GiB,
        os: osName(),
        loadAverageStart: loadStart,
        loadAverageEnd: [],
      },
      node: process.version,
      versions: {
        astro: version('astro'),
        pagefind: version('pagefind'),
        lighthouse: version('lighthouse'),
        'playwright-core': version('playwright-core'),
        ...(hugo ? { hugo: hugoVersion(hugo) } : {}),
      },
      commit: git('rev-parse', '--short', 'HEAD'),
      uncommittedSiteFiles: git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'public').split('\n').filter(Boolean).length,
      profileSource: profile.source,
      seed: args.seed!,
      options: { sizes, runs, buildRuns: sizes.map(buildRunsFor), searchRuns, lighthouse: lighthouseOn, baselines: [...baselines], queries },
      totalSeconds: 0,
    },
    sizes: [],
    goals: [],
    diagnosis: [],
    notes: [],
  };

  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    results.meta.versions.chromium = browser.version();
    for (const n of sizes) {
      results.sizes.push(await measureSize(n, root, browser, hugo, queries, n === sizes[sizes.length - 1]));
      writeResults(results); // partial results survive an interrupted run
    }
  } finally {
    await browser?.close();
    if (args.keep) log(`Kept ${realRoot} (and the link ${root})`);
    else {
      rmSync(realRoot, { recursive: true, force: true });
      unlinkSync(root);
    }
  }
  results.meta.machine.loadAverageEnd = loadavg();
  results.meta.totalSeconds = elapsed();
  results.goals = evaluateGoals(results);
  results.diagnosis = diagnose(results);
  results.analysis = analysis();
  results.notes = notes();
  writeResults(results);
  console.log('');
  for (const g of results.goals) console.log(`${g.status.padEnd(7)} ${g.goal}: ${g.measured} (target ${g.target})`);
  console.log('');
  log(`Wrote ${outPrefix}.md and ${outPrefix}.json`);
}

async function measureSize(
  n: number,
  root: string,
  browser: Browser,
  hugo: string | undefined,
  queries: string[],
  isLargest: boolean,
): Promise<SizeResult> {
  const work = join(root, String(n));
  const contentRoot = join(work, 'content');
  const contentDir = join(contentRoot, 'publications');
  log(`== ${n.toLocaleString('en')} entries ==`);
  const genStart = performance.now();
  const { profile } = loadProfile();
  const entries = writeCatalogue(contentDir, profile, n, args.seed!);
  const generateSeconds = (performance.now() - genStart) / 1000;
  const catalogueBytes = Number(execFileSync('du', ['-sb', contentDir], { encoding: 'utf8' }).split('\t')[0]);
  log(`Generated ${n.toLocaleString('en')} entries (${fmtBytes(catalogueBytes)}) in ${fmtSeconds(generateSeconds)}`);
  const observations: string[] = [];
  const timeout = n >= 50_000 ? 60 * 60 : 20 * 60;

  // Validate
  const validate: SizeResult['validate'] = { available: validator(), runs: [], median: null, exitCodes: [] };
  if (validate.available) {
    for (let i = 0; i < runs; i++) {
      if (i > 0 && args.runs === undefined && validate.runs[0]! > 10) {
        log(`validate: not repeated (${fmtSeconds(validate.runs[0]!)} is over 10 s; --runs to insist)`);
        break;
      }
      const r = await runMeasured(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/validate.ts', contentDir], { timeoutSeconds: timeout });
      validate.runs.push(r.seconds);
      validate.exitCodes.push(r.code ?? -1);
      if (r.cpuSeconds !== null) (validate.cpuRuns ??= []).push(r.cpuSeconds);
      if (r.code !== 0 && i === 0) {
        observations.push(`The validator exited ${r.code} on the synthetic entries: ${r.log.trim().split('\n').slice(-3).join(' / ').slice(0, 300)}`);
      }
      log(`validate: ${fmtSeconds(r.seconds)}, CPU ${fmtSeconds(r.cpuSeconds)} (exit ${r.code})`);
    }
    validate.median = median(validate.runs);
    if (validate.median > 5 && n >= 10_000 && (args['cpu-prof'] ?? isDefaultRun)) {
      const profDir = join(work, 'validate-prof');
      mkdirSync(profDir, { recursive: true });
      log('validate: over 5 s, one more run with --cpu-prof (every Node process and worker)…');
      await runMeasured(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/validate.ts', contentDir], {
        timeoutSeconds: timeout,
        env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profDir} --cpu-prof-interval=2000`.trim() },
      });
      validate.cpuProfile = summariseCpuProfiles(profDir);
    }
  } else {
    validate.note = 'scripts/validate.ts is not in the tree yet';
    log('validate: scripts/validate.ts not there yet, skipped');
  }

  // Builds
  const cat = await repeatBuild('catalogue', buildRunsFor(n), work, (dir) => buildCatalogue(contentDir, dir, quiet('catalogue'), { timeoutSeconds: timeout }));
  const builds: SizeResult['builds'] = { catalogue: cat.series };
  // Baselines are repeated at every size while they stay cheap (see CHEAP_BUILD_SECONDS).
  const baselineRuns = Math.max(1, Number(args['build-runs'] ?? (quick ? 1 : runs)));
  let astroOut: string | undefined;
  let hugoOut: string | undefined;
  if (baselines.has('astro')) {
    const a = await repeatBuild('baseline-astro', baselineRuns, work, (dir) => buildBaselineAstro(contentDir, dir, quiet('astro'), timeout));
    builds.astro = a.series;
    astroOut = a.outDir;
  }
  if (hugo) {
    const h = await repeatBuild('baseline-hugo', baselineRuns, work, (dir) => buildBaselineHugo(hugo, contentRoot, dir, quiet('hugo'), timeout));
    builds.hugo = h.series;
    hugoOut = h.outDir;
  }

  // Output
  const catStats = distStats(cat.outDir);
  const dist: SizeResult['dist'] = { catalogue: distSummary(catStats) };
  if (astroOut) dist.astro = distSummary(distStats(astroOut));
  if (hugoOut) dist.hugo = distSummary(distStats(hugoOut));
  log(`dist: ${catStats.files.toLocaleString('en')} files, ${fmtBytes(catStats.bytes)}; pagefind ${catStats.pagefindFiles.toLocaleString('en')} files, ${fmtBytes(catStats.pagefindBytes)}`);
  observe(observations, n, cat.series, catStats);

  // Pagefind's default UI over the catalogue's own index, for the "same index" comparison (added after counting).
  // An index in shards (src/lib/search/shards.ts, above 10,000 entries) is merged the way Pagefind's UI documents
  // (`mergeIndex`), so that it searches the same publications.
  mkdirSync(join(cat.outDir, 'bench-pagefind-ui'), { recursive: true });
  writeFileSync(join(cat.outDir, 'bench-pagefind-ui/index.html'), defaultUiPage(cat.outDir));

  // Pages
  const isPublication = (p: string) => /^\/publications\/[^/]+\/$/.test(p) && !p.startsWith('/publications/page/');
  const publications = catStats.html.filter((h) => isPublication(h.path)).sort((a, b) => a.bytes - b.bytes);
  const typical = publications[Math.floor(publications.length / 2)];
  const longest = [...entries].sort((a, b) => b.body.length - a.body.length)[0];
  const longPath = longest && longest.body ? `/publications/${longest.slug}/` : undefined;
  const countryPages = catStats.html.filter((h) => /^\/countries\/[^/]+\/$/.test(h.path)).sort((a, b) => b.bytes - a.bytes);
  const browse = countryPages[0] ?? catStats.html.filter((h) => !isPublication(h.path) && h.path !== '/').sort((a, b) => b.bytes - a.bytes)[0];
  if (!countryPages.length) observations.push('No /countries/<code>/ pages in the build: the browse measure uses the largest other page.');
  const targets: Record<string, string> = { home: '/' };
  if (typical) targets.publication = typical.path;
  if (longPath) targets.longPublication = longPath;
  if (browse) targets.browse = browse.path;
  targets.search = '/search/';
  catStats.largestHtml
    .filter((h) => !Object.values(targets).includes(h.path))
    .slice(0, 3)
    .forEach((h, i) => (targets[`largest${i + 1}`] = h.path));

  const site = await serveStatic(cat.outDir, 0);
  const astroSite = astroOut ? await serveStatic(astroOut, 0) : undefined;
  const hugoSite = hugoOut ? await serveStatic(hugoOut, 0) : undefined;
  const pages: SizeResult['pages'] = { catalogue: {} };
  const search: SizeResult['search'] = {};
  let lighthouse: SizeResult['lighthouse'];
  try {
    log('Pages: bytes transferred…');
    const measure = async (base: string, path: string): Promise<(Transfer & { path: string }) | undefined> => {
      try {
        return { ...(await measureTransfer(browser, base + path)), path };
      } catch (error) {
        observations.push(`Could not load ${path}: ${(error as Error).message.split('\n')[0]}`);
        return undefined;
      }
    };
    for (const [key, path] of Object.entries(targets)) {
      const t = await measure(site.url, path);
      if (t) pages.catalogue[key] = t;
    }
    if (hugoSite) {
      pages.hugo = {};
      for (const key of ['home', 'publication', 'longPublication', 'search']) {
        if (!targets[key]) continue;
        const t = await measure(hugoSite.url, targets[key]!);
        if (t) pages.hugo[key] = t;
      }
    }
    if (astroSite) {
      pages.astro = {};
      for (const key of ['publication', 'longPublication']) {
        if (!targets[key]) continue;
        const t = await measure(astroSite.url, targets[key]!);
        if (t) pages.astro[key] = t;
      }
    }
    for (const [key, t] of Object.entries(pages.catalogue)) log(`  ${key} ${t.path}: ${fmtBytes(t.bytes)} (${fmtBytes(t.withoutSearch)} without /pagefind/)`);

    log('Search: first query, cold cache…');
    // The catalogue's search page searches as you type (src/scripts/search/app.ts listens to `input`), so it is never
    // submitted; selectors agreed with the search page: #search-input, results in #search-results.
    const ours: SearchTarget = {
      name: 'catalogue',
      url: `${site.url}/search/`,
      input: '#search-input',
      results: '#search-results',
      item: '#search-results > *',
      typing: 'as-you-type',
    };
    const stock = (url: string, name: string): SearchTarget => ({
      name,
      url,
      input: '.pagefind-ui__search-input',
      results: '.pagefind-ui__results-area',
      item: '.pagefind-ui__result-link',
      typing: 'as-you-type',
    });
    try {
      // The goal is judged at the largest size; smaller sizes get three runs.
      search.catalogue = await firstQueries(browser, ours, queries, isLargest ? searchRuns : Math.min(3, searchRuns));
    } catch (error) {
      observations.push(`The catalogue's search page could not be measured: ${(error as Error).message.split('\n')[0]}`);
    }
    // The baselines' figures are for comparison: three runs each unless --search-runs asks for fewer.
    const baselineRuns = Math.min(3, searchRuns);
    search.defaultUiSameIndex = await firstQueries(browser, stock(`${site.url}/bench-pagefind-ui/`, 'default UI, same index'), queries, baselineRuns);
    if (hugoSite) search.hugoDefaultUi = await firstQueries(browser, stock(`${hugoSite.url}/search/`, 'Hugo default UI'), queries, baselineRuns);
    if (search.catalogue && search.catalogue.modes.includes('submit')) {
      observations.push(
        'The catalogue\'s search page did not show results while typing, so the query was submitted with Enter: the time includes loading /search/?q=… (page, CSS, script, Pagefind).',
      );
    }

    if (lighthouseOn && isLargest) {
      log('Lighthouse…');
      const urls = [`${site.url}/`];
      if (longPath) urls.push(site.url + longPath);
      if (browse) urls.push(site.url + browse.path);
      urls.push(`${site.url}/search/?q=${encodeURIComponent(queries[0]!)}`);
      lighthouse = await runLighthouse(urls, (l) => log(`  ${l}`));
      for (const r of lighthouse) log(`  ${new URL(r.url).pathname}: ${JSON.stringify(r.scores)}`);
    }
  } finally {
    site.server.close();
    astroSite?.server.close();
    hugoSite?.server.close();
  }

  // Up to the default sizes: past them a second build would add many minutes to an on-demand run.
  const editorCheck = validate.available && n <= 10_000 ? await measureEditorCheck(n, contentDir, work, cat.outDir, timeout) : undefined;
  const result: SizeResult = { entries: n, generateSeconds, catalogueBytes, validate, builds, editorCheck, dist, pages, search, lighthouse, observations };

  // A CPU profile of one more catalogue build when asked (--cpu-prof: at the largest size), or in the default run when
  // this size's cost per entry already projects a miss of the 10,000-entry goal (60 s) and the 15 minutes allow it.
  const budgetLeft = 15 * 60 - elapsed();
  const projectedMiss = (builds.catalogue.median.seconds / n) * 10_000 > 60;
  const autoProfile =
    args['cpu-prof'] === undefined && isDefaultRun && projectedMiss && !profiledOnce && budgetLeft > builds.catalogue.median.seconds * 1.5 + 300;
  if ((args['cpu-prof'] && isLargest) || autoProfile) {
    profiledOnce = true;
    const profDir = join(work, 'cpu-prof');
    mkdirSync(profDir, { recursive: true });
    log(`CPU profile: one more catalogue build with node --cpu-prof${autoProfile ? ` (${fmtSeconds((builds.catalogue.median.seconds / n) * 10_000)} projected for 10,000 entries)` : ''}…`);
    try {
      await buildCatalogue(contentDir, join(work, 'profiled'), quiet('profiled'), {
        timeoutSeconds: timeout,
        nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=2000'],
      });
      result.cpuProfile = summariseCpuProfiles(profDir);
      if (result.cpuProfile) {
        log(`  top packages: ${result.cpuProfile.packages.slice(0, 5).map((p) => `${p.name} ${fmtSeconds(p.seconds)}`).join(', ')}`);
      }
    } catch (error) {
      observations.push(`The profiled build failed: ${(error as Error).message.split('\n')[0]}`);
    }
  } else if (isDefaultRun && isLargest && builds.catalogue.median.seconds > 60 && !profiledOnce) {
    observations.push('No CPU profile: not enough of the 15-minute budget left; run `npm run bench -- --entries 10000 --cpu-prof --no-lighthouse --baselines none`.');
  }
  if (!args.keep) rmSync(work, { recursive: true, force: true }); // --keep keeps every size's folder too
  return result;
}

let profiledOnce = false;

function validator(): boolean {
  return existsSync('scripts/validate.ts');
}

/** Known failure modes at scale, checked on every build. */
function observe(observations: string[], n: number, cat: BuildSeries, stats: DistStats): void {
  const m = cat.median;
  if (m.pagefindPages !== null && m.pagefindPages < n) {
    observations.push(`Pagefind indexed ${m.pagefindPages.toLocaleString('en')} pages for ${n.toLocaleString('en')} entries: some publications are not searchable.`);
  }
  if (m.dataStoreBytes) {
    observations.push(
      `Astro's content data store (cache) is ${fmtBytes(m.dataStoreBytes)} (${fmtBytes(m.dataStoreBytes / n)} per entry); Astro's single-file store fails to save or reload past a few hundred MB (withastro/astro #13360, #13649), which at this rate is about ${Math.round((500 * 1024 * 1024) / (m.dataStoreBytes / n)).toLocaleString('en')} entries.`,
    );
  }
  if (stats.largestFolder.entries > 10_000) {
    observations.push(
      `${stats.largestFolder.path} holds ${stats.largestFolder.entries.toLocaleString('en')} entries in one folder (Pagefind #842 reports trouble with tens of thousands of files in one folder).`,
    );
  }
  if (stats.files > 20_000) {
    observations.push(`${stats.files.toLocaleString('en')} files in the output: over the 20,000-file limit of some static hosts (Cloudflare Pages; Pagefind #739, #74).`);
  }
  const big = stats.largestHtml[0];
  if (big && big.bytes > 200 * 1000) {
    observations.push(`The largest HTML page is ${big.path} at ${fmtBytes(big.bytes)}: a page that lists too much on one page.`);
  }
  for (const run of cat.runs) {
    if (run.peakRssBytes > 4 * GiB) observations.push(`A build peaked at ${fmtBytes(run.peakRssBytes)} of memory (Node's default heap limit is about 4 GiB).`);
  }
}

function diagnose(results: Results): string[] {
  return results.goals.filter((g) => g.status === 'MISS').map((g) => `**${g.goal}** — ${g.measured}.`);
}

/** The hand-written analysis (bench/analysis.md), shown under the goals; rewrite results.md with --report-only. */
function analysis(): string | undefined {
  const file = 'bench/analysis.md';
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function notes(): string[] {
  return [
    'Builds: the real site as `npm run build` builds it after validation (`astro build`, then scripts/build-search-index.ts in its own process) with CATALOGUE_CONTENT_DIR/OUT_DIR/CACHE_DIR pointing into a temporary folder, cold cache every run. Astro vs Pagefind split: the two processes\' wall times; peak memory: the larger of the two; phases from the times Astro\'s log lines appeared.',
    'Peak memory: the sum of VmRSS over the build process and all its descendants, sampled every 100 ms from /proc.',
    'Baselines: (a) bench/baseline-astro — one page per entry, a permissive schema, Astro defaults, then `pagefind --site` with defaults; (b) bench/baseline-hugo — Debian\'s Hugo with a minimal template (a page per entry, a paginated section list, a home page), then `pagefind --site` with defaults, and Pagefind\'s default UI at /search/.',
    'Page bytes: a cold Chromium context per page (playwright-core, Debian Chromium, headless), summing response bodies as sent plus headers of every request, the page\'s and its workers\' (favicon requests excluded). The local server does not compress, so these are uncompressed figures except Pagefind\'s own files, which are stored compressed.',
    'First query: a cold context per run; the search page is loaded and left to settle, the box is clicked, then the query is typed at 10 keys a second. "Results settled" runs from the last keydown to the first frame after the last change inside the results element (MutationObserver, then requestAnimationFrame + setTimeout 0), once the results area and the network have both been quiet for a second; "first result shown" to the first frame with any result. Measured in the page with performance.now() (epoch-based, so it also works across a page load). Pages known to search as you type (the catalogue\'s, Pagefind\'s default UI) are never submitted; for other pages, Enter is pressed when nothing changed 15 s after the last key and the time runs from that keystroke across the page load. Bytes: everything the page and its workers fetched from the click on, WASM and index chunks included. Pagefind\'s default UI waits 300 ms after the last keystroke before searching (its debounce), which is part of its time.',
    'Lighthouse: npm `lighthouse` Node API against a Chromium started with --remote-debugging-port and a host resolver that maps every name but 127.0.0.1 to NOTFOUND (nothing reaches the internet); default settings (mobile, simulated throttling). The search page is scored with a query (?q=…).',
    'Synthetic entries: src/lib/bench/synthetic.ts draws titles, summaries, facets, authors, years and the share and length of full-text bodies from bench/profile.json (measured from content/publications; refresh with --refresh-profile), plus a long tail of pseudo-words so the vocabulary grows with N as real text does. Seeded: the same N and seed give the same files; a smaller N is a prefix of a larger one.',
  ];
}

function writeResults(results: Results): void {
  mkdirSync(resolve(outPrefix, '..'), { recursive: true });
  writeFileSync(`${outPrefix}.json`, `${JSON.stringify(results, null, 1)}\n`);
  const goals = results.goals.length ? results : { ...results, goals: evaluateGoals(results) };
  writeFileSync(`${outPrefix}.md`, `${toMarkdown(goals)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Pagefind's default UI page (bench/baseline-hugo), with the catalogue's other shards merged when it has any. */
function defaultUiPage(siteDir: string): string {
  const page = readFileSync('bench/baseline-hugo/static/search/index.html', 'utf8');
  const manifest = join(siteDir, SHARD_MANIFEST_FILE);
  const { shards } = parseShardManifest(existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : undefined);
  if (shards.length < 2) return page;
  const merged = shards.slice(1).map((shard) => ({ bundlePath: `/${shard.dir}` }));
  const options = '{ element: \'#search\', showSubResults: true }';
  if (!page.includes(options)) throw new Error(`bench/baseline-hugo's search page no longer calls new PagefindUI(${options})`);
  return page.replace(options, `{ element: '#search', showSubResults: true, mergeIndex: ${JSON.stringify(merged)} }`);
}
