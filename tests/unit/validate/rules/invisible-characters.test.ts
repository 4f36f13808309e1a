import { describe, expect, it } from 'vitest';
import { findInvisible, invisibleCharacters } from '../../../../src/lib/validate/rules/invisible-characters';
import { brief, file, runRule } from './helpers';

const check = (fm: string, body?: string) => brief(runRule(invisibleCharacters, file(fm, body)).problems);

describe('rule: invisible-characters', () => {
  it('reports zero-width and bidirectional controls in any string, with line and column', () => {
    expect(check('title: "Anti\u200BTrafficking"')).toEqual([
      '2:13 title value contains the invisible character U+200B ZERO WIDTH SPACE (delete it: it is invisible but changes search, sorting or display)',
    ]);
    expect(check('title: x\nauthors:\n  - "A \u202EB"')[0]).toMatch(/^4:8 authors\[0\] .*U\+202E RIGHT-TO-LEFT OVERRIDE/);
    for (const cp of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069]) {
      expect(findInvisible(`a${String.fromCodePoint(cp)}b`), cp.toString(16)).toHaveLength(1);
    }
  });

  it('points at the value when the character is written as an escape', () => {
    expect(check('title: "a\\u200Bb"')[0]).toMatch(/^2:8 title /);
  });

  it('counts repeats, checks keys and the body (line in the file)', () => {
    expect(check('title: "a\u200Bb\u200Bc"')[0]).toContain('(2 in all)');
    expect(check('ti\u200Btle: x')[0]).toMatch(/^2:3 ti.tle key contains/);
    expect(check('title: x', 'line one\nline \u2066two\n')).toEqual([
      '5:6 - body contains the invisible character U+2066 LEFT-TO-RIGHT ISOLATE (delete it; it is invisible but changes search or display)',
    ]);
  });

  it('allows ZWNJ/ZWJ inside Persian, Arabic or Indic words, tabs and newlines', () => {
    expect(check('title: "گزارش\u200Cهای"')).toEqual([]);
    expect(check('title: "क्\u200Dष"')).toEqual([]);
    expect(check('summary: |\n  a\tb\n  c')).toEqual([]);
    expect(check('title: "Latin\u200Cword"')).toHaveLength(1);
  });
});
