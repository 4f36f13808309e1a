import { describe, expect, it } from 'vitest';
import { validateSource, validateSources } from '../../../src/lib/validate/index';
import { VALID } from './fixtures';

describe('validateSource (in memory, no disk)', () => {
  it('returns the entry, typed and normalised, when there is no error', () => {
    const r = validateSource('content/publications/handbook.md', VALID);
    expect(r.problems).toEqual([]);
    expect(r.entry).toMatchObject({
      file: 'content/publications/handbook.md',
      slug: 'handbook',
      bodyStartLine: 19,
      data: { title: 'Handbook on Anti-Trafficking Responses', year: 2019, country: ['NG', 'GH', 'XK'] },
    });
  });

  it('accepts bytes or a string', () => {
    expect(validateSource('a.md', new TextEncoder().encode(VALID)).entry).toBeDefined();
  });

  it('a rule explains a field once: the schema does not repeat it', () => {
    const r = validateSource('a.md', VALID.replace('year: 2019', 'year: 2019a'));
    expect(r.problems.map((p) => p.message)).toEqual(['year "2019a" is not a whole number']);
    expect(r.entry).toBeUndefined();
  });

  it('reports every independent mistake in one pass, sorted by line', () => {
    const src = VALID.replace('category: handbook', 'category: handbok').replace('link: https://', 'link: http://');
    const r = validateSource('a.md', src);
    expect(r.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['10 category', '14 link']);
  });

  it('warnings do not block the entry', () => {
    const r = validateSource('a.md', VALID.replace('"International Organization for Migration"', '"Anne Gallagher, Marika McAdam"'));
    expect(r.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(r.entry).toBeDefined();
  });

  it('a body that made the old Markdown parser crawl (1 MB of `[a](`) is checked within the test’s time limit, not minutes', () => {
    const src = `${VALID}\n${'[a]('.repeat(240_000)}\n`;
    const r = validateSource('a.md', src);
    expect(r.problems).toEqual([]);
    expect(r.entry?.html).toContain('[a](');
  });

  it('keeps the body as THE Markdown processor rendered it for the rules, with its headings', () => {
    const r = validateSource('a.md', `${VALID}\n## Findings\n\nSee [the report](https://example.org/r).\n`);
    expect(r.entry?.html).toContain('<h2 id="findings">Findings</h2>');
    expect(r.entry?.html).toContain('<a href="https://example.org/r">the report</a>');
    expect(r.entry?.headings).toEqual([{ depth: 2, slug: 'findings', text: 'Findings' }]);
  });

  it('never throws: an internal failure becomes a problem for the file', () => {
    const evil = { length: 1, get [0]() { throw new Error('boom'); } } as unknown as Uint8Array;
    const r = validateSource('a.md', evil);
    expect(r.problems[0]!.message).toMatch(/^internal error while validating this file/);
  });
});

describe('validateSources (in-memory set)', () => {
  it('adds the set checks', () => {
    const r = validateSources([
      { fileName: 'a.md', contents: VALID },
      { fileName: 'b.md', contents: VALID },
    ]);
    expect(r.problems.map((p) => `${p.file} ${p.message}`)).toEqual([
      'a.md the same publication is also in b.md (same title and year 2019)',
      'b.md the same publication is also in a.md (same title and year 2019)',
    ]);
    expect(r.entries).toEqual([]);
    expect(r.files).toBe(2);
  });

  it('keeps the same mistake in two files: one problem for each file', () => {
    const text = '---\ntitle: A\n---\n';
    const r = validateSources([
      { fileName: 'a.md', contents: text },
      { fileName: 'b.md', contents: text.replace('A', 'B') },
    ]);
    const missing = r.problems.filter((p) => p.field === 'summary');
    expect(missing.map((p) => `${p.file}:${p.line}`)).toEqual(['a.md:3', 'b.md:3']);
  });
});
