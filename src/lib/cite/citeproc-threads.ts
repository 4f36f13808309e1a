import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
// With its extension: a worker thread loads this file with Node itself (which strips the types), not through Vite.
import { citeprocHtml, registerTemplates, templateSources } from './citeproc.ts';

/**
 * citeproc over many items on every core: a cold build formats 30,000 citations at 10,000 entries, which is most of
 * its content sync on one core. The jobs are cut into one contiguous part per thread; worker threads (this same file)
 * run all but the first part while this thread runs the first. Results are in the order of the jobs, each exactly
 * what `citeprocHtml` gives in-process. Too few jobs run here alone: a worker costs its start-up (see below).
 */

export interface CiteprocJob {
  /** A CSL-JSON item, as format.ts protects it. */
  item: { id: string };
  /** A template name registered with citation-js. */
  template: string;
  /** The entry and style, for an error message. */
  name: string;
}

/** Fewer jobs than this per thread run on this thread alone: a worker needs about 0.5 s to start and load citeproc. */
export const MIN_JOBS_PER_THREAD = 1000;

/** Threads that pay for this many jobs: one per core, each with at least MIN_JOBS_PER_THREAD. */
export function citeprocThreads(jobs: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(jobs / MIN_JOBS_PER_THREAD)));
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

/**
 * This file, for `new Worker`: where Vite (Astro's content sync, Vitest) runs it from source, import.meta.url is its
 * path; should it ever run from a bundle, the source file in the project (builds and tests run from the project root).
 */
function workerFile(): string {
  const here = import.meta.url.startsWith('file:') ? fileURLToPath(import.meta.url) : '';
  if (here.endsWith('.ts') && existsSync(here)) return here;
  return join(process.cwd(), 'src', 'lib', 'cite', 'citeproc-threads.ts');
}

function inWorker(jobs: readonly CiteprocJob[], templates: Record<string, string>): { worker: Worker; result: Promise<Array<string | undefined>> } {
  const worker = new Worker(workerFile(), { workerData: { kind: WORKER_KIND, jobs, templates } });
  const result = new Promise<Array<string | undefined>>((resolve, reject) => {
    worker.once('message', resolve);
    // A job that throws arrives here with citeprocHere's message, which names the entry.
    worker.once('error', (error) => reject(new Error(`A citation worker failed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`A citation worker stopped (exit code ${code}) before formatting ${jobs[0]?.name} … ${jobs.at(-1)?.name}`)));
  });
  result.catch(() => undefined); // awaited below; this thread's own failure must not leave it unhandled
  return { worker, result };
}

/** citeproc's HTML for every job, in order, on `threads` threads (this one and threads − 1 workers). */
export async function citeprocAll(jobs: readonly CiteprocJob[], threads = citeprocThreads(jobs.length)): Promise<Array<string | undefined>> {
  const size = Math.ceil(jobs.length / Math.max(1, threads));
  if (size >= jobs.length) return citeprocHere(jobs);
  const templates = templateSources(new Set(jobs.map((job) => job.template)));
  const workers: ReturnType<typeof inWorker>[] = [];
  try {
    for (let start = size; start < jobs.length; start += size) workers.push(inWorker(jobs.slice(start, start + size), templates));
    const own = citeprocHere(jobs.slice(0, size));
    return own.concat(...(await Promise.all(workers.map(({ result }) => result))));
  } finally {
    for (const { worker } of workers) void worker.terminate();
  }
}

if (!isMainThread && workerData?.kind === WORKER_KIND && parentPort) {
  const { jobs, templates } = workerData as { jobs: CiteprocJob[]; templates: Record<string, string> };
  registerTemplates(templates);
  parentPort.postMessage(citeprocHere(jobs));
}
