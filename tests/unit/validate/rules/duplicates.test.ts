import { describe, expect, it } from 'vitest';
import { duplicates, normaliseTitle } from '../../../../src/lib/validate/rules/duplicates';
import type { SetItem } from '../../../../src/lib/validate/rules/types';

const item = (file: string, title: string, year?: number): SetItem => ({
  file,
  fileName: file,
  data: { title, ...(year !== undefined ? { year } : {}) },
  locate: (field) => (field === 'title' ? { line: 2, col: 8 } : undefined),
});

describe('rule: duplicates (set)', () => {
  it('normalises NFKC, case, whitespace, dashes and quotes', () => {
    expect(normaliseTitle('  Anti–Trafficking\u00A0 HANDBOOK ')).toBe(normaliseTitle('anti-trafficking handbook'));
    expect(normaliseTitle('ﬁeld “guide”')).toBe(normaliseTitle('field "guide"'));
    expect(normaliseTitle('Straße')).toBe(normaliseTitle('STRASSE'));
    expect(normaliseTitle('Anti - Trafficking')).toBe(normaliseTitle('Anti-Trafficking'));
  });

  it('same title and same year: an error in BOTH files, naming the other', () => {
    const problems = duplicates.check([item('a.md', 'Handbook', 2019), item('b.md', 'HANDBOOK', 2019), item('c.md', 'Other', 2019)]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.message}`)).toEqual([
      'a.md:2 error the same publication is also in b.md (same title and year 2019)',
      'b.md:2 error the same publication is also in a.md (same title and year 2019)',
    ]);
  });

  it('both without a year are duplicates; different years are editions; one missing year is a warning', () => {
    expect(duplicates.check([item('a.md', 'X'), item('b.md', 'X')])).toHaveLength(2);
    expect(duplicates.check([item('a.md', 'X', 2019), item('b.md', 'X', 2020)])).toEqual([]);
    const maybe = duplicates.check([item('a.md', 'X', 2019), item('b.md', 'X')]);
    expect(maybe.map((p) => p.severity)).toEqual(['warning', 'warning']);
  });
});
