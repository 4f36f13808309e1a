/**
 * Step 3 of reading an entry file: the Markdown body → the nodes the validator checks.
 *
 * micromark (behind mdast-util-from-markdown, as in Astro's own Markdown pipeline) is super-linear on some inputs:
 * 40 kB of `*a` takes 6 s, 1 MB of `[a](` takes minutes. So the body is parsed in a worker thread with a time and
 * memory limit, and this module waits for it synchronously (Atomics.wait + receiveMessageOnPort), which keeps
 * `validateSource` synchronous. One worker is reused for every file and replaced after a timeout.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { summarise, type MarkdownNode } from './markdown-worker.mjs';

export type { MarkdownNode };

export type MarkdownScan =
  | { ok: true; nodes: MarkdownNode[] }
  | { ok: false; reason: 'timeout' | 'error' | 'too-large-without-worker'; message: string };

export const MARKDOWN_TIMEOUT_MS = 8_000;
/**
 * Bodies up to this many characters are parsed in-process: micromark's worst inputs stay in the tens of
 * milliseconds at this size (super-linear growth only bites beyond it), and a short body skips the round trip.
 */
export const IN_PROCESS_LIMIT = 2_000;

const WORKER_URL = new URL('./markdown-worker.mjs', import.meta.url);

type Channel = { worker: Worker; port: MessagePort; signal: Int32Array; nextId: number };
let channel: Channel | undefined;
let workerUnavailable = false;

function openChannel(): Channel | undefined {
  if (channel) return channel;
  if (workerUnavailable) return undefined;
  try {
    if (WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) {
      workerUnavailable = true;
      return undefined;
    }
    const shared = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, {
      workerData: { kind: 'entry-markdown-scan', port: port2, flag: shared },
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      // The worker is plain JS: do not inherit loader flags (tsx) it does not need.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    worker.on('error', () => closeChannel());
    worker.unref();
    port1.unref();
    channel = { worker, port: port1, signal: new Int32Array(shared), nextId: 1 };
    return channel;
  } catch {
    workerUnavailable = true;
    return undefined;
  }
}

function closeChannel(): void {
  if (!channel) return;
  const { worker, port } = channel;
  channel = undefined;
  port.close();
  void worker.terminate().catch(() => undefined);
}

/** Stops the worker (tests and long-running tools may call this; the CLI does not need to). */
export function closeMarkdownWorker(): void {
  closeChannel();
}

/** Parses a Markdown body within `timeoutMs` and lists its raw HTML, link, image and definition nodes. */
export function scanMarkdown(body: string, options: { timeoutMs?: number } = {}): MarkdownScan {
  const timeoutMs = options.timeoutMs ?? MARKDOWN_TIMEOUT_MS;
  // Raw HTML and autolinks need `<`; links, images and definitions need `[`. Without either there is nothing to find.
  if (!body.includes('<') && !body.includes('[')) return { ok: true, nodes: [] };
  if (body.length <= IN_PROCESS_LIMIT) return scanInProcess(body);
  const ch = openChannel();
  if (!ch) return scanInProcess(body);

  const id = ch.nextId++;
  Atomics.store(ch.signal, 0, 0);
  ch.port.postMessage({ id, body });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    Atomics.wait(ch.signal, 0, 0, left);
    // Reset the flag BEFORE draining: a reply posted after the drain sets it again and wakes the next wait.
    Atomics.store(ch.signal, 0, 0);
    for (let received = receiveMessageOnPort(ch.port); received; received = receiveMessageOnPort(ch.port)) {
      const reply = received.message as { id: number; ok: boolean; nodes?: MarkdownNode[]; message?: string };
      if (reply.id !== id) continue;
      if (reply.ok) return { ok: true, nodes: reply.nodes ?? [] };
      return { ok: false, reason: 'error', message: reply.message ?? 'unknown error' };
    }
  }
  closeChannel();
  return {
    ok: false,
    reason: 'timeout',
    message: `the Markdown body took longer than ${timeoutMs / 1000} s to parse`,
  };
}

function scanInProcess(body: string): MarkdownScan {
  // Only reached for larger bodies when no worker can be started (a bundle that lost the worker file).
  if (body.length > 16_000) {
    return {
      ok: false,
      reason: 'too-large-without-worker',
      message: 'the Markdown body could not be checked safely here (no worker thread available)',
    };
  }
  try {
    return { ok: true, nodes: summarise(body) };
  } catch (e) {
    return { ok: false, reason: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}
