import { describe, expect, it } from 'vitest';
import { year } from '../../../../src/lib/validate/rules/year';
import { brief, file, runRule } from './helpers';

const run = (value: string) => runRule(year, file(`title: x\nyear: ${value}`));

describe('rule: year', () => {
  it('accepts a plain whole number and leaves range checks to the schema', () => {
    expect(run('2019').problems).toEqual([]);
    expect(run('1850').problems).toEqual([]);
  });

  it('says how a year is not a whole number, and claims the field', () => {
    expect(brief(run('2019a').problems)).toEqual([
      '3:7 year year "2019a" is not a whole number (write year: 2019; put anything else, such as a letter, "circa" or a range, in notes)',
    ]);
    expect(run('2019a').claimed).toEqual(['year']);
    expect(brief(run('2019-05-01').problems)[0]).toContain('year is a full date (2019-05-01); it must be the year alone');
    expect(brief(run('2019.5').problems)[0]).toContain('year 2019.5 is not a whole number');
    expect(brief(run('2019.0').problems)[0]).toContain('year is written as 2019.0; write a plain whole number (write year: 2019)');
    expect(brief(run('0x7E3').problems)[0]).toContain('year is written as 0x7E3');
    expect(brief(run('"2019"').problems)[0]).toContain('year is quoted text "2019"; it must be a number (remove the quotes: year: 2019)');
    expect(brief(run('2019-2020').problems)[0]).toContain('write year: 2019');
    expect(brief(run('circa').problems)[0]).toContain('write year: 2019');
  });
});
