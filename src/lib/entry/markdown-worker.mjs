// Parses an entry's Markdown body and lists the nodes the validator checks (raw HTML, links, images, definitions).
// Plain JavaScript on purpose: it runs in a worker thread (see markdown.ts) so that a pathological body, which can
// make micromark take minutes, is stopped by a timeout instead of hanging the validator or the build.
import { isMainThread, workerData } from 'node:worker_threads';
import { fromMarkdown } from 'mdast-util-from-markdown';

const CHECKED = new Set(['html', 'link', 'image', 'definition']);

/** @param {string} body */
export function summarise(body) {
  const tree = fromMarkdown(body);
  const nodes = [];
  const stack = [tree];
  while (stack.length) {
    const node = stack.pop();
    if (CHECKED.has(node.type)) {
      nodes.push({
        type: node.type,
        value: node.type === 'html' ? node.value : node.url,
        line: node.position?.start.line ?? 1,
        col: node.position?.start.column ?? 1,
      });
    }
    const children = node.children;
    if (Array.isArray(children)) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  nodes.sort((a, b) => a.line - b.line || a.col - b.col);
  return nodes;
}

if (!isMainThread && workerData && workerData.kind === 'entry-markdown-scan') {
  const { port, flag } = workerData;
  const signal = new Int32Array(flag);
  port.on('message', (request) => {
    let reply;
    try {
      reply = { id: request.id, ok: true, nodes: summarise(request.body) };
    } catch (e) {
      reply = { id: request.id, ok: false, reason: 'error', message: String((e && e.message) || e) };
    }
    port.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
}
