import { error, type Problem } from '../problem';
import type { Rule } from './types';

/** Raw HTML in the body (any mdast `html` node: tags, comments, `<img onerror>`), reported at its line in the file. */
export const bodyHtml: Rule = {
  id: 'body-html',
  description: 'the body is Markdown only: no raw HTML (script, iframe, img, comments, any tag)',
  check(ctx) {
    const split = ctx.split;
    if (!split || split.body.trim() === '') return [];
    const scan = ctx.markdown();
    if (!scan) return [];
    if (!scan.ok) {
      return [
        error(ctx.file, `the body could not be checked: ${scan.message}`, {
          line: split.bodyStartLine,
          suggestion: 'simplify the Markdown (deeply nested lists or quotes, thousands of brackets or asterisks)',
        }),
      ];
    }
    const problems: Problem[] = [];
    for (const node of scan.nodes) {
      if (node.type !== 'html') continue;
      const tag = node.value.trim().split('\n')[0]!;
      // `<b>x</b>`: one problem for the element, not another for its closing tag.
      if (problems.length && /^<\/[A-Za-z][^>]*>$/.test(tag)) continue;
      const shown = tag.length > 50 ? `${tag.slice(0, 49)}…` : tag;
      problems.push(
        error(ctx.file, `raw HTML is not allowed in the body: ${shown}`, {
          line: split.bodyStartLine + node.line - 1,
          col: node.col,
          suggestion: /^<!--/.test(tag)
            ? 'delete the HTML comment'
            : 'write Markdown instead (e.g. [text](https://…) for a link); HTML is never rendered',
        }),
      );
    }
    return problems;
  },
};
