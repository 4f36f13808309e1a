import { describe, expect, it } from 'vitest';
import { htmlInFields } from '../../../../src/lib/validate/rules/html-in-fields';
import { brief, file, runRule } from './helpers';

const run = (fm: string) => runRule(htmlInFields, file(fm));

describe('rule: html-in-fields', () => {
  it('warns of tags and comments in text fields, pointing at the tag', () => {
    const r = run('title: "Report <script>alert(1)</script>"');
    expect(brief(r.problems)).toEqual([
      'warning 2:16 title contains HTML (<script>); fields are plain text, shown exactly as written (remove the tag unless the text really is part of the title or name)',
    ]);
    expect(r.claimed).toEqual([]);
    expect(brief(run('summary: "x <img src=x onerror=alert(1)> y"').problems)[0]).toContain('<img src=x onerror=alert(1)>');
    expect(brief(run('authors: ["<b>A</b>"]').problems)[0]).toMatch(/^warning 2:12 authors\[0\]/);
    expect(run('notes: "<!-- hidden -->"').problems).toHaveLength(1);
  });

  it('leaves comparisons, ampersands and the link field alone', () => {
    expect(run('title: "Children < 18 & adults > 18"').problems).toEqual([]);
    expect(run('link: "https://x.example/?a=<b>"').problems).toEqual([]);
  });
});
