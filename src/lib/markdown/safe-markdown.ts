import { defineMdastPlugin } from 'satteri';

/**
 * Defence in depth for entry bodies. The validator already refuses raw HTML and non-https links; should one slip
 * through, the renderer shows raw HTML as text and drops unsafe link targets instead of emitting them.
 */
const SAFE_URL = /^(?:https:\/\/|#|\/(?!\/))/i;

export const safeMarkdown = defineMdastPlugin({
  name: 'catalogue:safe-markdown',
  html(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  link(node, ctx) {
    if (!SAFE_URL.test(node.url)) ctx.replaceNode(node, { type: 'emphasis', children: node.children });
  },
  image(node, ctx) {
    if (!SAFE_URL.test(node.url)) ctx.replaceNode(node, { type: 'text', value: node.alt ?? '' });
  },
});
