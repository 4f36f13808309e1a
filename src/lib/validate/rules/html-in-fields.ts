import { warning, type Problem } from '../problem';
import type { Rule } from './types';

/** An HTML tag or comment: `<script>`, `</b>`, `<img src=x onerror=…>`, `<!--`. "a < b" is not a tag. */
const HTML_TAG = /<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|!--)/;

export const htmlInFields: Rule = {
  id: 'html-in-fields',
  // A warning: every page escapes every field, so such text builds and shows as typed (tests/fixtures/site has two).
  description: 'frontmatter text is plain text: an HTML tag is shown as typed, never as markup',
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
        warning(ctx.file, `contains HTML (${tag}); fields are plain text, shown exactly as written`, {
          ...pos,
          field: s.path,
          suggestion: 'remove the tag unless the text really is part of the title or name',
        }),
      );
    }
    return problems;
  },
};
