import { describe, expect, it } from 'vitest';
import { entrySchema } from '../../../src/lib/schema/entry';
import { zodIssuesToProblems } from '../../../src/lib/validate/error-map';
import { formatText } from '../../../src/lib/validate/format';

const BASE = { title: 'T', category: 'report', summary: 'S.', source: ['editor'], added: '2024-05-01' };

/** Validates an in-memory object (no YAML, so no lines) and prints the problems as text. */
function problems(data: Record<string, unknown>): string[] {
  const result = entrySchema.safeParse(data);
  if (result.success) return [];
  return zodIssuesToProblems(result.error.issues, { file: 'new-entry', data, missingLine: 9, now: new Date('2026-06-01') }).map(formatText);
}

describe('error map: Zod issues → friendly problems', () => {
  it('pins the wording of the common mistakes', () => {
    expect(problems({ ...BASE, region: ['Carribean'], country: ['Nigerai'], languages: ['sp'], category: 'Issue Paper' })).toMatchInlineSnapshot(`
      [
        "new-entry  error  region[0]  "Carribean" is not a region  (did you mean "Central and North America and the Caribbean"?)",
        "new-entry  error  country[0]  "Nigerai" is not a country code  (did you mean NG (Nigeria)?)",
        "new-entry  error  category  "Issue Paper" is not a category  (did you mean "issue-paper"?)",
        "new-entry  error  languages[0]  "sp" is not a language code  (did you mean es (Spanish)?)",
      ]
    `);
    expect(problems({ ...BASE, contry: ['NG'] })).toMatchInlineSnapshot(`
      [
        "new-entry  error  contry  unknown field "contry"  (did you mean "country"?)",
      ]
    `);
    const { title: _t, ...noTitle } = BASE;
    expect(problems(noTitle)).toMatchInlineSnapshot(`
      [
        "new-entry:9  error  title  missing required field "title"  (add \`title: "…"\` with the title as printed on the publication)",
      ]
    `);
    const { category: _c, ...noCategory } = BASE;
    expect(problems(noCategory)[0]).toContain('missing required field "category"  (add `category: report`');
    expect(problems({ ...BASE, title: 'x'.repeat(301) })).toMatchInlineSnapshot(`
      [
        "new-entry  error  title  title is 301 characters; the limit is 300  (keep the title as printed and move any subtitle, series or description to notes or summary)",
      ]
    `);
  });

  it('counts title length in code points', () => {
    expect(problems({ ...BASE, title: '𝄞'.repeat(300) })).toEqual([]);
    expect(problems({ ...BASE, title: '𝄞'.repeat(301) })[0]).toContain('title is 301 characters');
  });

  it('explains empty, wrong-type and out-of-range values', () => {
    expect(problems({ ...BASE, title: '   ' })[0]).toContain('title is only whitespace');
    expect(problems({ ...BASE, authors: null })[0]).toContain('authors is empty  (give it a value, or delete the `authors` line if it is optional)');
    expect(problems({ ...BASE, year: 1850 })[0]).toContain('year 1850 is before 1900');
    expect(problems({ ...BASE, year: 3000 })[0]).toContain('year 3000 is in the future');
    expect(problems({ ...BASE, year: 2019.5 })[0]).toContain('year 2019.5 is not a whole number');
    expect(problems({ ...BASE, country: 'Nigeria' })[0]).toContain('country must be a list, not text  (write it as a list: country: [NG])');
    expect(problems({ ...BASE, region: 'Worldwide' })[0]).toContain('region: [Worldwide]');
    expect(problems({ ...BASE, region: 'Central, North America, Caribbean' })[0]).toContain(
      'region: [Central and North America and the Caribbean]',
    );
    expect(problems({ ...BASE, country: ['Worldwide'] })[0]).toContain('remove it from country and use region: [Worldwide]');
    expect(problems({ ...BASE, title_supplied: 'yes' })[0]).toContain('title_supplied must be true or false');
    expect(problems({ ...BASE, source: [] })[0]).toContain('source is an empty list');
    expect(problems({ ...BASE, added: '1/5/2024' })[0]).toContain('"1/5/2024" is not a date written YYYY-MM-DD');
    expect(problems({ ...BASE, link: 'https://' })[0]).toContain('is not a valid https:// URL');
    expect(problems({ ...BASE, summary: 42 })[0]).toContain('summary must be text, not a number  (put it in quotes: summary: "42")');
  });

  it('uses locations when it has them, and works from a ZodError', () => {
    const data = { ...BASE, category: 'raport' };
    const result = entrySchema.safeParse(data);
    if (result.success) throw new Error('expected an error');
    const [p] = zodIssuesToProblems(result.error.issues, { file: 'a.md', data, locate: () => ({ line: 5, col: 11 }) });
    expect(p).toEqual({
      file: 'a.md',
      line: 5,
      col: 11,
      field: 'category',
      severity: 'error',
      message: '"raport" is not a category',
      suggestion: 'did you mean "report"?',
    });
  });
});
