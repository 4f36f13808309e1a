import { describe, expect, it } from 'vitest';
import { titleScript } from '../../../../src/lib/validate/rules/title-script';
import { brief, file, runRule } from './helpers';

const check = (fm: string) => brief(runRule(titleScript, file(fm)).problems);

describe('rule: title-script', () => {
  it('warns when a right-to-left title has no right-to-left title_language', () => {
    expect(check('title: "دليل مكافحة الاتجار بالبشر"')).toEqual([
      'warning 2:8 title title is in Arabic script but title_language is not set (add title_language: ar (or the right code for its language, e.g. fa, ur) so it displays right to left)',
    ]);
    expect(check('title: "מדריך"\ntitle_language: en')[0]).toContain('Hebrew script but title_language is "en"');
  });

  it('is quiet when title_language is right-to-left or the title is mostly Latin', () => {
    expect(check('title: "دليل"\ntitle_language: ar')).toEqual([]);
    expect(check('title: "گزارش"\ntitle_language: fa')).toEqual([]);
    expect(check('title: "Handbook (دليل)"')).toEqual([]);
  });
});
