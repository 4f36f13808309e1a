import { describe, expect, it } from 'vitest';
import { link } from '../../../../src/lib/validate/rules/link';
import { brief, file, runRule } from './helpers';

const run = (value: string) => runRule(link, file(`title: x\nlink: ${value}`));

describe('rule: link', () => {
  it('accepts https://', () => {
    expect(run('https://www.unodc.org/report.pdf').problems).toEqual([]);
  });

  it('gives the https form for http://', () => {
    const r = run('http://www.unodc.org/report.pdf');
    expect(brief(r.problems)).toEqual([
      '3:7 link link uses http://; only https:// links are allowed (use link: https://www.unodc.org/report.pdf and check that it opens)',
    ]);
    expect(r.claimed).toEqual(['link']);
  });

  it('refuses javascript:, data: and other schemes, even disguised', () => {
    expect(brief(run('"javascript:alert(1)"').problems)[0]).toContain('link uses the javascript: scheme');
    expect(brief(run('"JaVaScRiPt:alert(1)"').problems)[0]).toContain('javascript: scheme');
    expect(brief(run('"java\\tscript:alert(1)"').problems)[0]).toContain('javascript: scheme');
    expect(brief(run('"data:text/html;base64,PHNjcmlwdD4="').problems)[0]).toContain('data: scheme');
    expect(brief(run('"ftp://x.example/a.pdf"').problems)[0]).toContain('ftp: scheme');
  });

  it('adds https:// to a bare address', () => {
    expect(brief(run('www.unodc.org/report.pdf').problems)[0]).toContain('use link: https://www.unodc.org/report.pdf');
  });
});

describe('rule: link is well formed (no spaces, <, >, quotes)', () => {
  it('refuses markup in a link and gives the percent-encoded form', () => {
    const r = run('"https://example.org/?q=<b>x</b>"');
    expect(brief(r.problems)).toEqual([
      `3:7 link link is not a well-formed URL: it contains "<", ">" (copy the address from the browser's address bar, or write it percent-encoded: link: https://example.org/?q=%3Cb%3Ex%3C/b%3E)`,
    ]);
    expect(r.claimed).toEqual(['link']);
  });

  it('refuses spaces, quotes and a closing tag that would break the page or the index step', () => {
    expect(brief(run('"https://example.org/a report.pdf"').problems)[0]).toContain('it contains a space');
    expect(brief(run('"https://example.org/a report.pdf"').problems)[0]).toContain('link: https://example.org/a%20report.pdf');
    expect(brief(run(`'https://example.org/"x"'`).problems)[0]).toContain('well-formed');
    expect(brief(run('"https://example.org/</article>"').problems)[0]).toContain('well-formed');
  });

  it('accepts percent-encoded and ordinary query strings', () => {
    expect(run('https://example.org/a%20b?x=1&y=(2)#top').problems).toEqual([]);
  });
});

describe('schema: link', () => {
  it('refuses what the rule refuses, so a build never sees a malformed link', async () => {
    const { entrySchema } = await import('../../../../src/lib/schema/entry');
    const base = { title: 'x', category: 'report', summary: 's', source: ['editor'], added: '2026-11-23' };
    for (const link of ['https://example.org/?q=<b>x</b>', 'https://example.org/</article>', 'https://e.org/a b', 'https://e.org/"x"']) {
      expect(entrySchema.safeParse({ ...base, link }).success, link).toBe(false);
    }
    expect(entrySchema.safeParse({ ...base, link: 'https://example.org/a%20b?q=1' }).success).toBe(true);
  });
});
