import { isSafeUrl } from '../../entry/url';
import { error, type Problem } from '../problem';
import type { Rule } from './types';

/** Link, image and definition targets in the body must be https:// (or an in-page #anchor). */
export const bodyLinks: Rule = {
  id: 'body-links',
  description: 'links and images in the body point to https:// URLs only',
  check(ctx) {
    const split = ctx.split;
    if (!split || split.body.trim() === '') return [];
    const scan = ctx.markdown();
    if (!scan || !scan.ok) return [];
    const problems: Problem[] = [];
    for (const node of scan.nodes) {
      if (node.type === 'html') continue;
      const url = node.value.trim();
      if (isSafeUrl(url, { inPage: true })) continue;
      const what = node.type === 'image' ? 'image' : node.type === 'definition' ? 'link definition' : 'link';
      // eslint-disable-next-line no-control-regex -- control characters hidden in a scheme are what it looks for
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\s\u0000-\u001f]+/g, ''))?.[1]?.toLowerCase();
      const shown = url.length > 60 ? `${url.slice(0, 59)}…` : url;
      problems.push(
        error(ctx.file, `${what} target ${JSON.stringify(shown)} is not an https:// URL`, {
          line: split.bodyStartLine + node.line - 1,
          col: node.col,
          suggestion:
            scheme === 'http'
              ? `use ${url.replace(/^http:/i, 'https:')}`
              : scheme
                ? `${scheme}: links are not allowed; use an https:// address`
                : 'use a full https:// address',
        }),
      );
    }
    return problems;
  },
};
