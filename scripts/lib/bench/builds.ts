import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ASTRO_BIN, buildEnv, SEARCH_INDEX_ARGS } from '../build-site';
import { runMeasured, type RunResult } from './process';

/**
 * The three builds the benchmark compares, each into its own temporary folder, never content/ or dist/:
 * the catalogue (the real site: `astro build`, then its search-index step), a plain Astro site with Pagefind's
 * defaults (bench/baseline-astro) and Hugo with a minimal template plus stock Pagefind (bench/baseline-hugo).
 */

export interface BuildMeasure {
  /** Wall-clock seconds of the whole build. */
  seconds: number;
  /** The Astro (or Hugo) part and the Pagefind part (separate processes, one after the other). */
  generatorSeconds: number;
  pagefindSeconds: number;
  /** Pages Pagefind reported indexing. */
  pagefindPages: number | null;
  peakRssBytes: number;
  peakProcesses: number;
  /** CPU seconds (user + system) of the whole build, all processes; null without GNU time. */
  cpuSeconds: number | null;
  outDir: string;
  /** Seconds since the start at which each phase line of the build log appeared (for diagnosis). */
  phases: Array<{ at: number; line: string }>;
  /** Size of Astro's content data store after the build, when there is one (astro #13360). */
  dataStoreBytes?: number;
  /** Citations citeproc formatted in this build (the rest came from the cache), from the build's log line. */
  citationsFormatted?: number;
}

const REPO = resolve('.');
const PAGEFIND_BIN = join(REPO, 'node_modules/pagefind/lib/runner/bin.cjs');

function fail(label: string, result: RunResult): never {
  throw new Error(`${label} failed (exit ${result.code}) after ${result.seconds.toFixed(1)} s:\n${result.log.slice(-4000)}`);
}

/** Output lines that mark a phase of an Astro/Hugo/Pagefind build. */
const PHASE = /\[(content|build|vite|types|glob-loader)\]|generating|Completed|built in|Pagefind|Indexed|Total in|Finished|error|warn/i;

function phaseRecorder(progress: (line: string) => void) {
  const started = performance.now();
  const phases: Array<{ at: number; line: string }> = [];
  let pending = '';
  const onOutput = (text: string) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const raw of lines) {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '').trim();
      if (!line || !PHASE.test(line)) continue;
      const at = (performance.now() - started) / 1000;
      // Astro prints one line per generated page; keep the first and every 1,000th so the list stays short.
      if (/^\s*[├└│]|\/index\.html/.test(raw) && phases.length > 200) continue;
      phases.push({ at: Math.round(at * 100) / 100, line: line.slice(0, 200) });
      progress(line);
    }
  };
  return { phases, onOutput };
}

function directorySize(dir: string): number {
  if (!existsSync(dir)) return 0;
  const st = statSync(dir);
  if (st.isFile()) return st.size;
  let total = 0;
  for (const name of readdirSync(dir)) total += directorySize(join(dir, name));
  return total;
}

/**
 * The catalogue itself, built exactly as `npm run build` does after validation, from another content folder:
 * `astro build`, then the search index in its own process (scripts/build-search-index.ts).
 */
export async function buildCatalogue(
  contentDir: string,
  work: string,
  progress: (line: string) => void,
  options: { timeoutSeconds?: number; nodeArgs?: string[]; cacheDir?: string } = {},
): Promise<BuildMeasure> {
  const outDir = join(work, 'dist');
  // A fresh cache (a cold build) unless the caller passes an earlier build's, as an editor's machine or CI would.
  const cacheDir = options.cacheDir ?? join(work, 'cache');
  const env = buildEnv(contentDir, outDir, cacheDir);
  const { phases, onOutput } = phaseRecorder(progress);
  const result = await runMeasured(process.execPath, [...(options.nodeArgs ?? []), ASTRO_BIN, 'build'], {
    cwd: REPO,
    env,
    onOutput,
    timeoutSeconds: options.timeoutSeconds,
  });
  if (result.code !== 0) fail('The catalogue build', result);
  const index = await catalogueSearchIndex(outDir, env, progress, options.timeoutSeconds);
  const citations = /\[citations\].*?([\d,]+) formatted/.exec(result.log);
  return {
    ...combine(result, phases, index, outDir),
    dataStoreBytes: directorySize(join(cacheDir, 'data-store.json')) || directorySize(join(cacheDir, 'data-store')) || undefined,
    citationsFormatted: citations ? Number(citations[1]!.replace(/,/g, '')) : undefined,
  };
}

/** The catalogue's own search-index step over a built folder (the last step of `npm run build`). */
async function catalogueSearchIndex(outDir: string, env: NodeJS.ProcessEnv, progress: (line: string) => void, timeoutSeconds?: number) {
  const { phases, onOutput } = phaseRecorder(progress);
  const result = await runMeasured(process.execPath, [...SEARCH_INDEX_ARGS, outDir], { cwd: REPO, env, onOutput, timeoutSeconds });
  if (result.code !== 0) fail('The search index step', result);
  const indexed = /Pagefind indexed (\d+) pages\b/.exec(result.log);
  return { result, phases, pages: indexed ? Number(indexed[1]) : null };
}

/** Stock Pagefind CLI over a built folder, with its defaults (`pagefind --site <dir>`). */
async function stockPagefind(outDir: string, progress: (line: string) => void, timeoutSeconds?: number) {
  const { phases, onOutput } = phaseRecorder(progress);
  const result = await runMeasured(process.execPath, [PAGEFIND_BIN, '--site', outDir], { cwd: REPO, onOutput, timeoutSeconds });
  if (result.code !== 0) fail('Stock Pagefind', result);
  const indexed = /Indexed (\d+) pages?/.exec(result.log);
  return { result, phases, pages: indexed ? Number(indexed[1]) : null };
}

function combine(
  generator: RunResult,
  generatorPhases: BuildMeasure['phases'],
  pagefind: Awaited<ReturnType<typeof stockPagefind | typeof catalogueSearchIndex>>,
  outDir: string,
): BuildMeasure {
  return {
    seconds: generator.seconds + pagefind.result.seconds,
    generatorSeconds: generator.seconds,
    pagefindSeconds: pagefind.result.seconds,
    pagefindPages: pagefind.pages,
    peakRssBytes: Math.max(generator.peakRssBytes, pagefind.result.peakRssBytes),
    peakProcesses: Math.max(generator.peakProcesses, pagefind.result.peakProcesses),
    cpuSeconds:
      generator.cpuSeconds !== null && pagefind.result.cpuSeconds !== null ? generator.cpuSeconds + pagefind.result.cpuSeconds : null,
    outDir,
    phases: [
      ...generatorPhases,
      ...pagefind.phases.map((p) => ({ at: Math.round((p.at + generator.seconds) * 100) / 100, line: p.line })),
    ],
  };
}

/** Baseline (a): a plain Astro site, one page per entry, permissive schema, then stock Pagefind. */
export async function buildBaselineAstro(contentDir: string, work: string, progress: (line: string) => void, timeoutSeconds?: number): Promise<BuildMeasure> {
  const outDir = join(work, 'dist');
  const { phases, onOutput } = phaseRecorder(progress);
  const astro = await runMeasured(process.execPath, [ASTRO_BIN, 'build', '--root', 'bench/baseline-astro'], {
    cwd: REPO,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BENCH_CONTENT_DIR: resolve(contentDir),
      BENCH_OUT_DIR: outDir,
      BENCH_CACHE_DIR: join(work, 'cache'),
    },
    onOutput,
    timeoutSeconds,
  });
  if (astro.code !== 0) fail('The plain Astro baseline build', astro);
  const pagefind = await stockPagefind(outDir, progress, timeoutSeconds);
  return combine(astro, phases, pagefind, outDir);
}

/** Where Debian's Hugo is, installing it with apt-get when missing and we are root; otherwise undefined. */
export function ensureHugo(log: (line: string) => void): string | undefined {
  const which = (cmd: string) => {
    try {
      return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const found = which('hugo');
  if (found) return found;
  if (process.getuid?.() === 0 && which('apt-get')) {
    log('Hugo is missing: installing Debian\'s hugo with apt-get (root)…');
    try {
      execFileSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      execFileSync('apt-get', ['update'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', 'hugo'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    return which('hugo');
  }
  log('Hugo is missing and this is not root: install it with `sudo apt-get install -y hugo` to get the Hugo baseline.');
  return undefined;
}

export function hugoVersion(hugo: string): string {
  try {
    return execFileSync(hugo, ['version'], { encoding: 'utf8' }).trim().split(' ').slice(0, 2).join(' ');
  } catch {
    return 'unknown';
  }
}

/**
 * Baseline (b): Hugo with a minimal template over the same Markdown files (content root = the folder holding
 * `publications/`), then stock Pagefind; bench/baseline-hugo/static/search/ is Pagefind's default UI.
 */
export async function buildBaselineHugo(hugo: string, contentRoot: string, work: string, progress: (line: string) => void, timeoutSeconds?: number): Promise<BuildMeasure> {
  const outDir = join(work, 'public');
  mkdirSync(work, { recursive: true });
  const { phases, onOutput } = phaseRecorder(progress);
  const result = await runMeasured(
    hugo,
    [
      '--source', resolve('bench/baseline-hugo'),
      '--contentDir', resolve(contentRoot),
      '--destination', outDir,
      '--cacheDir', join(work, 'hugo-cache'),
      '--noBuildLock',
    ],
    { cwd: REPO, onOutput, timeoutSeconds },
  );
  if (result.code !== 0) fail('The Hugo baseline build', result);
  const pagefind = await stockPagefind(outDir, progress, timeoutSeconds);
  return combine(result, phases, pagefind, outDir);
}

/**
 * Seconds per phase of a catalogue build, from the times its log lines appeared: start-up (Node, Vite, config),
 * content sync (glob loader, schema, Markdown rendering into the data store), bundling, rendering the pages, Pagefind.
 */
export function phaseSeconds(m: BuildMeasure): Record<string, number> {
  const find = (re: RegExp, from = 0) => m.phases.find((p) => p.at >= from && re.test(p.line))?.at;
  const syncing = find(/\[content\] Syncing content/);
  const synced = find(/\[content\] Synced content/);
  const entrypoints = find(/Building static entrypoints/);
  const generating = find(/generating static routes/);
  const generated = generating !== undefined ? find(/Completed in/, generating + 0.001) : undefined;
  const out: Record<string, number> = {};
  const put = (name: string, a: number | undefined, b: number | undefined) => {
    if (a !== undefined && b !== undefined && b >= a) out[name] = Math.round((b - a) * 100) / 100;
  };
  put('start-up', 0, syncing);
  put('content sync', syncing, synced);
  put('types and build info', synced, entrypoints);
  put('bundling', entrypoints, generating);
  put('rendering pages', generating, generated);
  if (m.pagefindSeconds) out['Pagefind'] = m.pagefindSeconds;
  const accounted = Object.values(out).reduce((a, b) => a + b, 0);
  if (Object.keys(out).length) out['other'] = Math.max(0, Math.round((m.seconds - accounted) * 100) / 100);
  return out;
}
