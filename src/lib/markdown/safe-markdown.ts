import { defineMdastPlugin } from 'satteri';
import { isSafeUrl } from '../entry/url';

/** A node the validator's body rules look at, with its line and column in the body. */
export type MarkdownNode = { type: 'html' | 'link' | 'image' | 'definition'; value: string; line: number; col: number };

type Positioned = { position?: { start: { line: number; column: number } } | null };

/**
 * Entry bodies' one Markdown plugin (one plugin, not two: each costs a pass over the tree). With `nodes`, it records
 * what the validator checks (raw HTML, link, image and definition targets, with positions). Always, as defence in
 * depth should the validator be bypassed: raw HTML is shown as text and unsafe link targets are dropped.
 */
export function markdownPlugin(nodes?: MarkdownNode[]) {
  const add = (type: MarkdownNode['type'], value: string, node: Positioned) =>
    void nodes?.push({ type, value, line: node.position?.start.line ?? 1, col: node.position?.start.column ?? 1 });
  return defineMdastPlugin({
    name: 'catalogue:entry-markdown',
    ...(nodes ? { options: { position: true } } : {}),
    html(node, ctx) {
      add('html', node.value, node);
      ctx.replaceNode(node, { type: 'text', value: node.value });
    },
    link(node, ctx) {
      add('link', node.url, node);
      if (!isSafeUrl(node.url, { inPage: true })) ctx.replaceNode(node, { type: 'emphasis', children: node.children });
    },
    image(node, ctx) {
      add('image', node.url, node);
      if (!isSafeUrl(node.url, { inPage: true })) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
    },
    definition(node) {
      add('definition', node.url, node);
    },
  });
}

export const safeMarkdown = markdownPlugin();
