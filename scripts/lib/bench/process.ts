import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Runs a command while sampling the resident memory (VmRSS) of its whole process tree every ~100 ms from /proc, so
 * a build's peak includes Astro's workers and Pagefind's native binary. Linux only (as is the benchmark).
 */

export interface RunResult {
  code: number | null;
  seconds: number;
  /** stdout and stderr interleaved as received. */
  log: string;
  /** Highest sum of VmRSS over the process and its descendants seen in a sample, in bytes. */
  peakRssBytes: number;
  /** Highest number of processes seen in the tree. */
  peakProcesses: number;
  /**
   * CPU seconds (user + system) of the command and every descendant it waited for, from GNU time's rusage; null
   * when /usr/bin/time is missing. Unlike wall time, it barely changes when other work shares the cores.
   */
  cpuSeconds: number | null;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each chunk of output (for progress). */
  onOutput?: (text: string) => void;
  sampleMs?: number;
  /** Kill the tree after this many seconds (the default run must stay within its budget). */
  timeoutSeconds?: number;
}

function readParents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses, so split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended between readdir and read
    }
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of VmRSS over `root` and all its descendants, and how many processes that is. */
export function treeRss(root: number): { bytes: number; processes: number } {
  const children = readParents();
  let bytes = 0;
  let processes = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    const rss = rssOf(pid);
    if (rss > 0 || pid === root) {
      bytes += rss;
      processes++;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes, processes };
}

const GNU_TIME = '/usr/bin/time';

export async function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  let timeFile: string | undefined;
  if (existsSync(GNU_TIME)) {
    timeFile = join(mkdtempSync(join(tmpdir(), 'bench-time-')), 'rusage');
    args = ['-q', '-f', '%U %S', '-o', timeFile, command, ...args];
    command = GNU_TIME;
  }
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a timeout can end the whole tree
  });
  let log = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    log += text;
    options.onOutput?.(text);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let peakRssBytes = 0;
  let peakProcesses = 0;
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const { bytes, processes } = treeRss(child.pid);
    peakRssBytes = Math.max(peakRssBytes, bytes);
    peakProcesses = Math.max(peakProcesses, processes);
  };
  const timer = setInterval(sample, options.sampleMs ?? 100);
  let timedOut = false;
  const killer =
    options.timeoutSeconds && child.pid !== undefined
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // already gone
          }
        }, options.timeoutSeconds * 1000)
      : undefined;
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (killer) clearTimeout(killer);
  if (timedOut) log += `\n[bench] killed after ${options.timeoutSeconds} s\n`;
  let cpuSeconds: number | null = null;
  if (timeFile) {
    try {
      // GNU time may add a "Command exited with non-zero status" line first; the figures are on the last line.
      const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
      const [user, system] = last.split(' ').map(Number);
      if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user! + system!;
    } catch {
      // no figures (killed)
    }
    rmSync(dirname(timeFile), { recursive: true, force: true });
  }
  return { code, seconds: (performance.now() - started) / 1000, log, peakRssBytes, peakProcesses, cpuSeconds };
}
