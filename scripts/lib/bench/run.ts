import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildEnv } from '../build-site';

/** Running the commands the benchmark times: wall, CPU and peak memory of the whole process tree. */

export interface Run {
  seconds: number;
  /** User + system CPU of the process tree (GNU time); null without /usr/bin/time. */
  cpuSeconds: number | null;
  /** Highest sum of VmRSS over the process tree (Astro's workers, Pagefind's binary). */
  peakBytes: number;
  log: string;
}

/** Sum of VmRSS over `root` and its descendants, read from /proc (Linux only, as is the benchmark). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // ended between readdir and read
    }
  }
  let bytes = 0;
  for (const stack = [root]; stack.length; ) {
    const pid = stack.pop()!;
    bytes += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return bytes;
}

/** Runs a command to its end, sampling its tree's memory every 200 ms; throws with its output when it fails. */
async function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void } = {}): Promise<Run> {
  const timeDir = existsSync('/usr/bin/time') ? mkdtempSync(join(tmpdir(), 'bench-time-')) : undefined;
  const [cmd, argv] = timeDir ? ['/usr/bin/time', ['-q', '-f', '%U %S', '-o', join(timeDir, 'rusage'), command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const onData = (chunk: Buffer) => {
    log += chunk;
    for (const line of String(chunk).split('\n')) if (line.trim()) options.onLine?.(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let peakBytes = 0;
  const timer = setInterval(() => child.pid && (peakBytes = Math.max(peakBytes, treeRss(child.pid))), 200);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  let cpuSeconds: number | null = null;
  if (timeDir) {
    // GNU time may print "Command exited with non-zero status" first: the figures are on the last line.
    const [user, system] = (readFileSync(join(timeDir, 'rusage'), 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user! + system!;
    rmSync(timeDir, { recursive: true, force: true });
  }
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${log.slice(-3000)}`);
  return { seconds, cpuSeconds, peakBytes, log };
}

/** A checkout of the site (this one, or `--against`'s worktree): its own validator, Astro and index step. */
export interface Checkout {
  label: string;
  root: string;
  commit: string;
}

export type Build = Omit<Run, 'log'> & { astroSeconds: number; indexSeconds: number; outDir: string };

/** `npm run validate` on a content folder, with the checkout's own code. */
export function validate(co: Checkout, contentDir: string): Promise<Run> {
  return runMeasured(process.execPath, [join(co.root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/validate.ts', contentDir], { cwd: co.root });
}

/**
 * `npm run build` after validating, into `work` (dist/ and Astro's cache): building into the same `work` again is
 * the editor's rebuild. `work` must be inside the checkout, or builds share Astro's prerender chunks (build-site.ts).
 */
export async function buildSite(co: Checkout, contentDir: string, work: string, onLine?: (line: string) => void): Promise<Build> {
  const outDir = join(work, 'dist');
  const env = buildEnv(contentDir, outDir, join(work, 'cache'));
  const astro = await runMeasured(process.execPath, [join(co.root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: co.root, env, onLine });
  const index = await runMeasured(process.execPath, ['--import', 'tsx', join(co.root, 'scripts/build-search-index.ts'), outDir], { cwd: co.root, env, onLine });
  return combine(astro, index, outDir);
}

function combine(first: Run, second: Run, outDir: string): Build {
  return {
    seconds: first.seconds + second.seconds,
    cpuSeconds: first.cpuSeconds !== null && second.cpuSeconds !== null ? first.cpuSeconds + second.cpuSeconds : null,
    peakBytes: Math.max(first.peakBytes, second.peakBytes),
    astroSeconds: first.seconds,
    indexSeconds: second.seconds,
    outDir,
  };
}

const PAGEFIND_BIN = resolve('node_modules/pagefind/lib/runner/bin.cjs');

/** Baseline (a): bench/baseline-astro (one plain page per entry), then `pagefind --site` with its defaults. */
export async function buildBaselineAstro(contentDir: string, work: string): Promise<Build> {
  const outDir = join(work, 'dist');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_CONTENT_DIR: resolve(contentDir), BENCH_OUT_DIR: outDir, BENCH_CACHE_DIR: join(work, 'cache') };
  const astro = await runMeasured(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', 'bench/baseline-astro'], { env });
  return combine(astro, await runMeasured(process.execPath, [PAGEFIND_BIN, '--site', outDir]), outDir);
}

/** Baseline (b): Debian's Hugo with bench/baseline-hugo's minimal template, then stock Pagefind and its default UI. */
export async function buildBaselineHugo(contentRoot: string, work: string): Promise<Build> {
  const outDir = join(work, 'public');
  const args = ['--source', resolve('bench/baseline-hugo'), '--contentDir', resolve(contentRoot), '--destination', outDir, '--cacheDir', join(work, 'hugo-cache'), '--noBuildLock'];
  const hugo = await runMeasured('hugo', args);
  return combine(hugo, await runMeasured(process.execPath, [PAGEFIND_BIN, '--site', outDir]), outDir);
}

/** Hugo's version, or undefined when it is not installed (`apt-get install hugo` for baseline (b)). */
export function hugoVersion(): string | undefined {
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).split(' ').slice(0, 2).join(' ');
  } catch {
    return undefined;
  }
}

/** Files and bytes under a folder, and every HTML page's URL path and size. */
export function distStats(root: string) {
  const stats = { files: 0, bytes: 0, pagefindBytes: 0, html: [] as Array<{ path: string; bytes: number }> };
  for (const d of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const full = join(d.parentPath, d.name);
    const rel = full.slice(root.length);
    const size = statSync(full).size;
    stats.files++;
    stats.bytes += size;
    if (rel.startsWith('/pagefind/')) stats.pagefindBytes += size;
    else if (d.name === 'index.html') stats.html.push({ path: rel.slice(0, -'index.html'.length), bytes: size });
  }
  stats.html.sort((a, b) => b.bytes - a.bytes);
  return stats;
}
