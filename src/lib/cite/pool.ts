import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { citeprocHtml } from './citeproc-worker.mjs';

/**
 * A pool of worker threads that run citeproc (citeproc-worker.mjs) for a list of jobs known up front, so a cold
 * build formats citations while the main thread renders pages. Workers take jobs in the order given (page order)
 * through a shared cursor; the main thread may `take` any job no worker has started and run it itself instead of
 * waiting (a shared compare-and-exchange decides, so no job runs twice and nobody waits on a message to find out).
 * A worker that fails is replaced by the main thread: its jobs, and any left when no worker is alive, run
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
/** Jobs per message sent to each worker; workers are kept at least two messages ahead of the cursor. */
const CHUNK = 256;

/** The worker count CATALOGUE_CITE_WORKERS asks for (0 = none), at most 4; undefined when it is not set. */
export function citationWorkersFromEnv(): number | undefined {
  const env = process.env.CATALOGUE_CITE_WORKERS?.trim();
  return env && /^\d+$/.test(env) ? Math.min(Number(env), MAX_CITATION_WORKERS) : undefined;
}

/** One worker per core available, at most 4. */
export function availableCitationWorkers(): number {
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
  index: number;
  /** Dropped once settled: at 100,000 entries the items add up. */
  job: CiteprocJob | undefined;
  settled: boolean;
  resolve(html: string | undefined): void;
  reject(error: Error): void;
}

type WorkerMessage = { index: number } & ({ html: string } | { missing: true } | { error: string });

interface Slot {
  worker: Worker;
  /** Its mark in the shared owners array. */
  id: number;
  alive: boolean;
}

/** Owner marks in the shared array: nobody yet, the main thread; workers are 2, 3, … */
const NOBODY = 0;
const MAIN = 1;

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

  readonly #tasks: Task[];
  /** Slot 0: the next index a worker takes; slot 1 + i: who owns job i. */
  readonly #owners: Int32Array;
  readonly #slots: Slot[] = [];
  /** Marks of workers that died: their unfinished jobs are the main thread's. */
  readonly #dead = new Set<number>();
  /** Jobs sent to the workers so far (the same to each). */
  #sent = 0;
  #unsettled: number;
  /** Where the main thread's own sweep (no workers, or one died) has got to. */
  #sweep = 0;
  #sweeping = false;
  #finish!: () => void;

  constructor(jobs: readonly CiteprocJob[], options: PoolOptions) {
    this.#tasks = jobs.map((job, index) => {
      let resolve!: Task['resolve'];
      let reject!: Task['reject'];
      const promise = new Promise<string | undefined>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Whoever needs a job's result awaits its promise; a failure nobody asked for must not crash the process.
      promise.catch(() => undefined);
      return { index, job, promise, settled: false, resolve, reject };
    });
    this.tasks = this.#tasks;
    this.#owners = new Int32Array(new SharedArrayBuffer(4 * (jobs.length + 1)));
    this.#unsettled = jobs.length;
    this.done = new Promise((resolve) => (this.#finish = resolve));
    const file = options.workerFile ?? citeprocWorkerFile();
    const wanted = Math.min(Math.max(0, Math.floor(options.workers)), Math.ceil(jobs.length / 3));
    for (let i = 0; file && i < wanted; i++) this.#spawn(file, options.templates, i + 2);
    this.workers = this.#slots.length;
    if (this.#unsettled === 0) this.#finish();
    else if (this.workers === 0) this.#startSweep();
    else this.#feed(2 * CHUNK);
  }

  /** Runs the job on this thread now unless a worker has started it (or it is done); then await its promise. */
  take(task: CiteprocTask): void {
    const own = task as Task;
    if (own.settled) return;
    if (this.#claim(own)) this.#runHere(own);
    this.#feed(2 * CHUNK);
  }

  /** True when the main thread now owns the job: nobody had it, or a dead worker had it. */
  #claim(task: Task): boolean {
    const owner = Atomics.compareExchange(this.#owners, task.index + 1, NOBODY, MAIN);
    if (owner === NOBODY) return true;
    if (this.#dead.has(owner)) {
      Atomics.store(this.#owners, task.index + 1, MAIN);
      return true;
    }
    return false;
  }

  #spawn(file: string, templates: Record<string, string>, id: number): void {
    let worker: Worker;
    try {
      worker = new Worker(file, {
        workerData: { kind: 'catalogue-citeproc', templates, claims: this.#owners.buffer, total: this.#tasks.length, id },
        // Plain JavaScript: no loader flags (tsx, --cpu-prof) from the parent.
        execArgv: [],
      });
    } catch {
      return;
    }
    const slot: Slot = { worker, id, alive: true };
    worker.on('message', (message: WorkerMessage | { need: number }) => this.#message(message));
    worker.on('error', () => this.#lost(slot));
    worker.on('exit', () => this.#lost(slot));
    this.#slots.push(slot);
  }

  #message(message: WorkerMessage | { need: number }): void {
    if ('need' in message) {
      this.#feed(CHUNK);
      return;
    }
    const task = this.#tasks[message.index];
    if (!task) return;
    this.counts.inWorkers++;
    if ('error' in message) this.#settle(task, () => task.reject(new Error(message.error)));
    else this.#settle(task, () => task.resolve('html' in message ? message.html : undefined));
    this.#feed(2 * CHUNK);
  }

  /** Sends the next jobs to every worker while fewer than `ahead` are waiting past the cursor. */
  #feed(ahead: number): void {
    if (this.#sent >= this.#tasks.length) return;
    const cursor = Math.min(Atomics.load(this.#owners, 0), this.#tasks.length);
    while (this.#sent < this.#tasks.length && this.#sent - cursor < ahead) {
      const start = this.#sent;
      const chunk = this.#tasks.slice(start, start + CHUNK).map((task) => task.job ?? null);
      this.#sent += chunk.length;
      for (const slot of this.#slots) if (slot.alive) slot.worker.postMessage({ start, jobs: chunk });
    }
  }

  /** A worker died (or failed to start): the main thread takes over what it had and what is left. */
  #lost(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    if (this.#unsettled === 0) return;
    this.#dead.add(slot.id);
    this.#sweep = 0;
    this.#startSweep();
  }

  /** The main thread runs unfinished jobs it can claim, one per turn of the event loop, so rendering goes on. */
  #startSweep(): void {
    if (this.#sweeping) return;
    this.#sweeping = true;
    const step = () => {
      while (this.#sweep < this.#tasks.length) {
        const task = this.#tasks[this.#sweep++]!;
        if (task.settled || !this.#claim(task)) continue;
        this.#runHere(task);
        break;
      }
      if (this.#sweep < this.#tasks.length && this.#unsettled > 0) setImmediate(step);
      else this.#sweeping = false;
    };
    setImmediate(step);
  }

  #runHere(task: Task): void {
    this.counts.inProcess++;
    try {
      const html = citeprocHtml(task.job!.item, task.job!.template);
      this.#settle(task, () => task.resolve(html));
    } catch (error) {
      this.#settle(task, () => task.reject(error instanceof Error ? error : new Error(String(error))));
    }
  }

  #settle(task: Task, settle: () => void): void {
    if (task.settled) return;
    task.settled = true;
    task.job = undefined;
    settle();
    if (--this.#unsettled > 0) return;
    this.#finish();
    for (const slot of this.#slots) {
      if (!slot.alive) continue;
      slot.alive = false;
      void slot.worker.terminate().catch(() => undefined);
    }
  }
}
