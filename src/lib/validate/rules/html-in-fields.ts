import { error, type Problem } from '../problem';
import type { Rule } from './types';

/** An HTML tag or comment: `<script>`, `</b>`, `<img src=x onerror=…>`, `<!--`. "a < b" is not a tag. */
export const HTML_TAG = /<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|!--)/;

export const htmlInFields: Rule = {
  id: 'html-in-fields',
  description: 'frontmatter text is plain text: no HTML tags',
  check(ctx) {
    const problems: Problem[] = [];
    for (const s of ctx.frontmatter?.strings ?? []) {
      // Keys are checked as field names; `link` has its own rule (a URL is not text).
      if (s.isKey || s.path === 'link') continue;
      const m = HTML_TAG.exec(s.value);
      if (!m) continue;
      const raw = ctx.split?.frontmatter.slice(s.offset, s.end) ?? '';
      const idx = raw.indexOf(m[0]);
      const pos = ctx.frontmatter!.position(idx >= 0 ? s.offset + idx : s.offset);
      const tag = m[0].length > 40 ? `${m[0].slice(0, 39)}…` : m[0];
      problems.push(
        error(ctx.file, `contains HTML (${tag}); fields are plain text`, {
          ...pos,
          field: s.path,
          suggestion: 'remove the tag and write plain text (the site shows fields exactly as written)',
        }),
      );
      ctx.claim(s.path);
    }
    return problems;
  },
};
