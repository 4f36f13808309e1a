import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
// With its extension: a worker thread loads this file with Node itself (which strips the types), not through Vite.
import { citeprocHtml, registerTemplates, templateSources } from './citeproc.ts';

/**
 * citeproc on every core (it is most of a cold build's content sync; bench/analysis.md, session 9). Worker threads
 * (this same file) and this thread take chunks until none is left; results come back in the order of the jobs.
 */

export interface CiteprocJob {
  /** A CSL-JSON item, as format.ts protects it. */
  item: { id: string };
  /** A template name registered with citation-js. */
  template: string;
  /** The entry and style, for an error message. */
  name: string;
}

/** Fewer jobs run on this thread alone: a worker's start-up (citeproc's engines) costs more than it saves. */
export const MIN_JOBS_FOR_WORKERS = 6000;
/** Jobs per message: a fraction of a second of citeproc, so the threads finish together. */
const CHUNK = 150;

/** Threads that pay for this many jobs: one per core, or this one alone for a few. */
export function citeprocThreads(jobs: number): number {
  return jobs < MIN_JOBS_FOR_WORKERS ? 1 : availableParallelism();
}

/** The jobs on this thread, in order; throws naming the job citeproc failed on. */
export function citeprocHere(jobs: readonly CiteprocJob[]): Array<string | undefined> {
  return jobs.map(({ item, template, name }) => {
    try {
      return citeprocHtml(item, template);
    } catch (error) {
      throw new Error(`citeproc could not format ${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  });
}

const WORKER_KIND = 'catalogue-citeproc';

/** This file for `new Worker`: its own path when run from source (Vite), else the source in the project. */
function workerFile(): string {
  const here = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : '';
  if (here.endsWith('.ts') && existsSync(here)) return here;
  return join(process.cwd(), 'src', 'lib', 'cite', 'citeproc-threads.ts');
}

/** citeproc's HTML for every job, in order, on `threads` threads (this one and threads − 1 workers). */
export async function citeprocAll(jobs: readonly CiteprocJob[], threads = citeprocThreads(jobs.length)): Promise<Array<string | undefined>> {
  if (threads <= 1 || jobs.length <= CHUNK) return citeprocHere(jobs);
  const chunks: CiteprocJob[][] = [];
  for (let start = 0; start < jobs.length; start += CHUNK) chunks.push(jobs.slice(start, start + CHUNK));
  const results: Array<Array<string | undefined>> = [];
  let next = 0;
  let done = 0;
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const finished = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
  finished.catch(() => undefined); // awaited below; an error on this thread first must not leave it unhandled
  const settle = (index: number, html: Array<string | undefined>) => {
    results[index] = html;
    if (++done === chunks.length) finish();
  };
  const send = (worker: Worker) => {
    if (next < chunks.length) worker.postMessage({ index: next, jobs: chunks[next++] });
  };
  const templates = templateSources(new Set(jobs.map((job) => job.template)));
  const workers: Worker[] = [];
  try {
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(workerFile(), { workerData: { kind: WORKER_KIND, templates } });
      workers.push(worker);
      worker.on('message', (message: 'ready' | { index: number; html: Array<string | undefined> }) => {
        // Two chunks at a time once ready, so a worker never waits for this thread to hand it the next.
        if (message === 'ready') send(worker);
        else settle(message.index, message.html);
        send(worker);
      });
      // A job that throws arrives here with citeprocHere's message, which names the entry.
      worker.once('error', (error: Error) => fail(new Error(`A citation worker failed: ${error.message}`)));
      worker.once('exit', (code) => fail(new Error(`A citation worker stopped (exit code ${code}) before its citations were done`)));
    }
    while (next < chunks.length) {
      const index = next++;
      settle(index, citeprocHere(chunks[index]!));
      await new Promise(setImmediate); // let the workers' results in, and hand them more
    }
    await finished;
    return results.flat();
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

if (!isMainThread && workerData?.kind === WORKER_KIND && parentPort) {
  const port = parentPort;
  const { templates } = workerData as { templates: Record<string, string> };
  registerTemplates(templates);
  // citeproc builds its engine for a style on first use: most of a worker's start-up.
  const item = { id: 'warm-up', type: 'report', title: 'Warm-up' };
  for (const template of Object.keys(templates)) citeprocHtml(item, template);
  port.postMessage('ready');
  port.on('message', ({ index, jobs }: { index: number; jobs: CiteprocJob[] }) => port.postMessage({ index, html: citeprocHere(jobs) }));
}
