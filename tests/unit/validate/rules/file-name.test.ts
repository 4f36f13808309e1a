import { describe, expect, it } from 'vitest';
import { fileName } from '../../../../src/lib/validate/rules/file-name';
import { brief, file, runRule } from './helpers';

const check = (name: string) => brief(runRule(fileName, file('title: x'), name).problems);

describe('rule: file-name', () => {
  it('accepts kebab-case slugs ending in .md', () => {
    expect(check('global-report-2022.md')).toEqual([]);
    expect(check('content/publications/a.md')).toEqual([]);
  });

  it('refuses other names and suggests the slug', () => {
    expect(check('Foo-Bar.md')).toEqual([
      '-:- - file name "Foo-Bar.md" is not a valid slug (lower-case letters, digits and single hyphens) (rename it to foo-bar.md)',
    ]);
    expect(check('Global Report (2022).md')[0]).toContain('rename it to global-report-2022.md');
    expect(check('a--b.md')[0]).toContain('rename it to a-b.md');
    expect(check('Étude_traite.md')[0]).toContain('rename it to etude-traite.md');
    expect(check('report.markdown')).toEqual(['-:- - file name "report.markdown" must end in .md (rename it to report.md)']);
    expect(check('report.MD')[0]).toContain('must end in .md');
  });
});
