import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { citeprocHtml } from './citeproc-worker.mjs';

/**
 * A pool of worker threads that run citeproc (citeproc-worker.mjs) for a list of jobs known up front, so a cold
 * build formats citations while the main thread renders pages. Jobs go to the workers in the order given (page
 * order), a few at a time; the main thread may `take` a job no worker has started and run it itself rather than
 * wait. A worker that fails is replaced by the main thread: its jobs, and any left when no worker is alive, run
 * in-process, so the pool never loses a job. Workers stop when every job is done.
 */

export interface CiteprocJob {
  /** A CSL-JSON item, as format.ts protects it. */
  item: object;
  /** A template name registered with citation-js. */
  template: string;
}

export interface CiteprocTask {
  /** citeproc's HTML, or undefined when citeproc gave no entry; rejects when citeproc threw. */
  readonly promise: Promise<string | undefined>;
}

/** Upper bound on worker threads, whatever the machine: each holds its own citeproc engines (~30 MB). */
export const MAX_CITATION_WORKERS = 4;
/** Jobs per message, and messages a worker may have queued: keeps workers busy while the main thread renders. */
const BATCH = 12;
const BATCHES_IN_FLIGHT = 2;

/** Worker threads to use: CATALOGUE_CITE_WORKERS when set (0 = none), else the cores available, at most 4. */
export function defaultCitationWorkers(): number {
  const env = process.env.CATALOGUE_CITE_WORKERS;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Math.min(Number(env), MAX_CITATION_WORKERS);
  return Math.min(availableParallelism(), MAX_CITATION_WORKERS);
}

/**
 * The worker's file: next to this module when it runs from source (tests, scripts), else in the project's
 * src/lib/cite/ (an Astro build runs a bundle from the output folder, with the project root as working directory).
 */
export function citeprocWorkerFile(): string | undefined {
  const candidates: string[] = [];
  if (import.meta.url.startsWith('file:')) candidates.push(join(dirname(fileURLToPath(import.meta.url)), 'citeproc-worker.mjs'));
  candidates.push(join(process.cwd(), 'src', 'lib', 'cite', 'citeproc-worker.mjs'));
  return candidates.find((file) => existsSync(file));
}

interface Task extends CiteprocTask {
  /** Dropped once settled: at 100,000 entries the items add up. */
  job: CiteprocJob | undefined;
  state: 'queued' | 'sent' | 'settled';
  resolve(html: string | undefined): void;
  reject(error: Error): void;
}

type WorkerResult = { html: string } | { missing: true } | { error: string };

interface Slot {
  worker: Worker;
  alive: boolean;
  /** Batches posted and not yet answered, oldest first (a worker answers in order). */
  inFlight: Task[][];
}

export interface PoolOptions {
  /** Worker threads to start (fewer when there are few jobs; 0 runs everything in-process). */
  workers: number;
  /** CSL text of every template the jobs use, so workers register the same templates as the main thread. */
  templates: Record<string, string>;
  /** Defaults to citeprocWorkerFile(). */
  workerFile?: string;
}

export class CiteprocPool {
  readonly tasks: readonly CiteprocTask[];
  /** Settles when every job has settled. */
  readonly done: Promise<void>;
  /** How many jobs ran where. */
  readonly counts = { inWorkers: 0, inProcess: 0 };
  /** Workers started. */
  readonly workers: number;

  readonly #queue: Task[];
  #head = 0;
  #unsettled: number;
  readonly #slots: Slot[] = [];
  #drainScheduled = false;
  #finish!: () => void;

  constructor(jobs: readonly CiteprocJob[], options: PoolOptions) {
    this.#queue = jobs.map((job) => {
      let resolve!: Task['resolve'];
      let reject!: Task['reject'];
      const promise = new Promise<string | undefined>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Whoever needs a job's result awaits its promise; a failure nobody asked for must not crash the process.
      promise.catch(() => undefined);
      return { job, promise, state: 'queued', resolve, reject };
    });
    this.tasks = this.#queue;
    this.#unsettled = this.#queue.length;
    this.done = new Promise((resolve) => (this.#finish = resolve));
    const file = options.workerFile ?? citeprocWorkerFile();
    const wanted = Math.min(Math.max(0, Math.floor(options.workers)), Math.ceil(jobs.length / BATCH));
    for (let i = 0; file && i < wanted; i++) this.#spawn(file, options.templates);
    this.workers = this.#slots.length;
    if (this.#unsettled === 0) this.#finish();
    else this.#pump();
  }

  /** Runs the job on this thread now unless a worker has it (or it is done); then await `task.promise`. */
  take(task: CiteprocTask): void {
    const own = task as Task;
    if (own.state === 'queued') this.#runHere(own);
  }

  #spawn(file: string, templates: Record<string, string>): void {
    let worker: Worker;
    try {
      worker = new Worker(file, {
        workerData: { kind: 'catalogue-citeproc', templates },
        // Plain JavaScript: no loader flags (tsx, --cpu-prof) from the parent.
        execArgv: [],
      });
    } catch {
      return;
    }
    const slot: Slot = { worker, alive: true, inFlight: [] };
    worker.on('message', (message: { results: WorkerResult[] }) => this.#answered(slot, message.results));
    worker.on('error', () => this.#lost(slot));
    worker.on('exit', () => this.#lost(slot));
    this.#slots.push(slot);
  }

  #answered(slot: Slot, results: WorkerResult[]): void {
    const batch = slot.inFlight.shift() ?? [];
    batch.forEach((task, i) => {
      const result = results[i];
      this.counts.inWorkers++;
      if (!result) this.#settle(task, () => task.reject(new Error('citeproc worker sent no result')));
      else if ('error' in result) this.#settle(task, () => task.reject(new Error(result.error)));
      else this.#settle(task, () => task.resolve('html' in result ? result.html : undefined));
    });
    this.#pump();
  }

  /** A worker died (or failed to start): its unanswered jobs run here, now. */
  #lost(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    const orphans = slot.inFlight.flat();
    slot.inFlight = [];
    for (const task of orphans) if (task.state !== 'settled') this.#runHere(task);
    this.#pump();
  }

  #next(): Task | undefined {
    while (this.#head < this.#queue.length && this.#queue[this.#head]!.state !== 'queued') this.#head++;
    return this.#queue[this.#head];
  }

  #pump(): void {
    let anyAlive = false;
    for (const slot of this.#slots) {
      if (!slot.alive) continue;
      anyAlive = true;
      while (slot.inFlight.length < BATCHES_IN_FLIGHT && this.#next()) {
        const batch: Task[] = [];
        for (let task = this.#next(); task && batch.length < BATCH; task = this.#next()) {
          task.state = 'sent';
          batch.push(task);
        }
        slot.inFlight.push(batch);
        slot.worker.postMessage({ jobs: batch.map((task) => task.job!) });
      }
    }
    if (!anyAlive && this.#next()) this.#scheduleDrain();
    this.#stopIfDone();
  }

  /** Without workers, jobs run here one per turn of the event loop, so page rendering goes on in between. */
  #scheduleDrain(): void {
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    setImmediate(() => {
      this.#drainScheduled = false;
      const task = this.#next();
      if (task) this.#runHere(task);
      this.#pump();
    });
  }

  #runHere(task: Task): void {
    task.state = 'sent';
    this.counts.inProcess++;
    try {
      const html = citeprocHtml(task.job!.item, task.job!.template);
      this.#settle(task, () => task.resolve(html));
    } catch (error) {
      this.#settle(task, () => task.reject(error instanceof Error ? error : new Error(String(error))));
    }
    this.#stopIfDone();
  }

  #settle(task: Task, settle: () => void): void {
    if (task.state === 'settled') return;
    task.state = 'settled';
    task.job = undefined;
    settle();
    if (--this.#unsettled === 0) this.#finish();
  }

  #stopIfDone(): void {
    if (this.#unsettled > 0) return;
    for (const slot of this.#slots) {
      if (!slot.alive) continue;
      slot.alive = false;
      void slot.worker.terminate().catch(() => undefined);
    }
  }
}
