import { describe, expect, it } from 'vitest';
import { authors, citationSign, looksLikeSeveralPeople } from '../../../../src/lib/validate/rules/authors';
import { brief, file, runRule } from './helpers';

const run = (value: string) => runRule(authors, file(`title: x\nauthors: ${value}`));

describe('rule: authors', () => {
  it('a string instead of a list is an error, never split automatically', () => {
    const r = run('"Anne Gallagher, Marika McAdam"');
    expect(brief(r.problems)).toEqual([
      '3:10 authors authors must be a list, not the text "Anne Gallagher, Marika McAdam" (write authors: ["Anne Gallagher, Marika McAdam"] if it is one name; if it is several people, give one per item (not split automatically: organisation names contain commas))',
    ]);
    expect(brief(run('"UNODC"').problems)[0]).toContain('(write authors: ["UNODC"])');
  });

  it('an item that looks like several people is a WARNING with a suggested split', () => {
    const r = run('["Anne Gallagher, Marika McAdam", "UNODC"]');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.severity).toBe('warning');
    expect(brief(r.problems)[0]).toContain('"Anne Gallagher", "Marika McAdam"');
    expect(r.claimed).toEqual([]);
  });

  it('organisations and surname-first names are not several people', () => {
    for (const one of [
      'United Nations, Department of Economic and Social Affairs',
      'Office to Monitor and Combat Trafficking in Persons',
      'Gallagher, Anne',
      'Smith, J. K.',
      'Save the Children, Sweden',
      'Anne Gallagher',
    ]) {
      expect(looksLikeSeveralPeople(one), one).toBe(false);
    }
    for (const several of ['Anne Gallagher, Marika McAdam', 'Anne Gallagher and Marika McAdam', 'Smith, J., Doe, K.']) {
      expect(looksLikeSeveralPeople(several), several).toBe(true);
    }
  });

  it('a citation cut at its commas is an ERROR: keep the author, put the citation in notes', () => {
    const r = run('["McAuliffe, M.", "(2017)", "‘Migration and Trafficking’", "In McAuliffe", "Geneva: IOM"]');
    expect(brief(r.problems)).toEqual([
      '3:28 authors[1] authors looks like a citation cut at its commas: item 2 "(2017)" has a year in parentheses (keep authors: ["McAuliffe, M."] and put the full citation in notes)',
    ]);
    expect(r.claimed).toEqual(['authors']);
    expect(citationSign('“Human trafficking”', 2)).toBe('a quoted title');
    expect(citationSign('In McAuliffe', 2)).toBe('"In …" (the book it appeared in)');
    expect(citationSign('Geneva: IOM', 2)).toBe('"Place: Publisher"');
    expect(citationSign('pp. 12-34', 2)).toContain('page');
    expect(citationSign('International Labour Organization', 1)).toBeUndefined();
    expect(citationSign("O'Brien", 2)).toBeUndefined();
  });
});
