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
