/** The parts of `npm run new`: reading answers, completion, slugs and writing YAML that reads back as typed. */
import { describe, expect, it } from 'vitest';
import { checkField, complete, isNonLatinTitle, question, splitCodes } from '../../src/lib/new-entry/fields';
import { entrySlug, MAX_SLUG_LENGTH } from '../../src/lib/new-entry/slug';
import { entryToMarkdown } from '../../src/lib/new-entry/write';
import { SLUG_PATTERN, type EntryInput } from '../../src/lib/schema/entry';
import { validateSource } from '../../src/lib/validate/index';

describe('reading answers', () => {
  it('accepts codes in any case, separated by commas or spaces, and names that are exact', () => {
    expect(checkField('country', 'ng gh, xk', 'f')).toEqual({ ok: true, value: ['NG', 'GH', 'XK'] });
    expect(checkField('country', 'Nigeria, trinidad and tobago', 'f')).toEqual({ ok: true, value: ['NG', 'TT'] });
    // Not the display name ("Vietnam"): the validator's did-you-mean offers the code instead.
    const vietNam = checkField('country', 'Viet Nam', 'f');
    expect(vietNam.ok === false && vietNam.corrected).toEqual(['VN']);
    expect(checkField('languages', 'EN; French', 'f')).toEqual({ ok: true, value: ['en', 'fr'] });
    expect(splitCodes('Viet Nam, NG GH')).toEqual(['Viet Nam', 'NG', 'GH']);
  });

  it('takes menu numbers for regions and categories', () => {
    expect(checkField('region', ['1', '10'], 'f')).toEqual({ ok: true, value: ['Worldwide', 'West and Central Africa'] });
    expect(checkField('category', '7', 'f')).toEqual({ ok: true, value: 'issue-paper' });
    expect(checkField('category', 'Issue paper', 'f')).toEqual({ ok: true, value: 'issue-paper' });
  });

  it('explains a wrong value with the validator words and offers its best guess as the corrected answer', () => {
    const result = checkField('country', 'NG, Kosova', 'new.md');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        file: 'new.md',
        field: 'country[1]',
        severity: 'error',
        message: '"Kosova" is not a country code',
        suggestion: 'did you mean XK (Kosovo)?',
      },
    ]);
    expect(result.corrected).toEqual(['NG', 'XK']);
    const category = checkField('category', 'toolkits', 'f');
    expect(category.ok === false && category.corrected).toEqual(['toolkit']);
  });

  it('checks years, links and text with the entry schema', () => {
    expect(checkField('year', '2019', 'f')).toEqual({ ok: true, value: 2019 });
    expect(checkField('year', '', 'f')).toEqual({ ok: true, value: undefined });
    const circa = checkField('year', 'circa 2019', 'f');
    expect(circa.ok === false && circa.problems[0]!.suggestion).toContain('year: 2019');
    expect(checkField('link', 'http://example.org', 'f').ok).toBe(false);
    expect(checkField('title', '  Spaced   out  ', 'f')).toEqual({ ok: true, value: 'Spaced   out' });
    expect(checkField('summary', '', 'f').ok).toBe(false);
    expect(checkField('title_supplied', 'Y', 'f')).toEqual({ ok: true, value: true });
    expect(checkField('title_supplied', '', 'f')).toEqual({ ok: true, value: undefined });
  });

  it('asks for the title language only for a title mostly outside the Latin alphabet', () => {
    const ask = question('title_language').when!;
    expect(ask({ title: 'دليل الصحفيين حول الاتجار بالبشر' })).toBe(true);
    expect(ask({ title: 'Доклад о торговле людьми 2020' })).toBe(true);
    expect(ask({ title: 'Global Report 2020 (UNODC) — résumé' })).toBe(false);
    expect(isNonLatinTitle('2020')).toBe(false);
    expect(checkField('title_language', 'Arabic', 'f')).toEqual({ ok: true, value: 'ar' });
  });

  it('defaults the source to editor', () => {
    expect(checkField('source', '', 'f')).toEqual({ ok: true, value: ['editor'] });
    expect(checkField('source', 'seed-unodc, editor', 'f')).toEqual({ ok: true, value: ['seed-unodc', 'editor'] });
  });
});

describe('Tab completion', () => {
  it('completes regions from their start, and lists the ones that match in another case', () => {
    expect(complete(question('region'), 'South')).toEqual([
      ['South America', 'South-Eastern Europe, Eastern Europe and Central Asia', 'Southern Africa'],
      'South',
    ]);
    expect(complete(question('region'), 'west')).toEqual([['West and Central Africa'], 'west']);
  });

  it('completes the last code of a list', () => {
    expect(complete(question('country'), 'NG, G')[1]).toBe('G');
    expect(complete(question('country'), 'NG, G')[0]).toContain('GH');
    expect(complete(question('category'), 'model')).toEqual([['model-law'], 'model']);
    expect(complete(question('title'), 'Anything')).toEqual([[], 'Anything']);
  });
});

describe('file slugs', () => {
  const none = () => false;
  it('follow the shared slug rule, at most 60 characters, cut at a hyphen', () => {
    expect(entrySlug('Global Report on Trafficking in Persons 2020', 2021, none)).toBe('global-report-on-trafficking-in-persons-2020');
    const long = entrySlug('Handbook on Criminal Justice Responses to Trafficking in Persons in South-Eastern Europe', 2020, none);
    // Cut at a hyphen, and not on a small word ("…-trafficking-in").
    expect(long).toBe('handbook-on-criminal-justice-responses-to-trafficking');
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it('add the year, then a number, when the slug is taken', () => {
    const taken = new Set(['annual-report', 'annual-report-2020']);
    expect(entrySlug('Annual Report', 2021, (s) => taken.has(s))).toBe('annual-report-2021');
    expect(entrySlug('Annual Report', 2020, (s) => taken.has(s))).toBe('annual-report-2020-2');
    expect(entrySlug('Annual Report', undefined, (s) => taken.has(s))).toBe('annual-report-2');
    expect(entrySlug('Annual Report 2020', 2020, (s) => s === 'annual-report-2020')).toBe('annual-report-2020-2');
  });

  it('are valid for titles without Latin letters', () => {
    const slug = entrySlug('دليل الصحفيين حول الاتجار بالبشر', 2019, none);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('writing the file', () => {
  const tricky: EntryInput = {
    title: 'NO: "yes" & [brackets] # not a comment',
    title_supplied: true,
    authors: ['null', 'on', '- dash', "O'Brien, J."],
    year: 2020,
    region: ['South-Eastern Europe, Eastern Europe and Central Asia'],
    country: ['NO', 'XK'],
    category: 'report',
    languages: ['no', 'en'],
    summary: 'A summary: with a colon. And 2 sentences, a % sign and {braces}.',
    link: 'https://example.org/report?id=1&lang=en#page=2',
    source: ['editor'],
    added: '2026-11-23',
  };

  it('quotes whatever YAML would read as something else, so the file reads back exactly as typed', () => {
    const text = entryToMarkdown(tricky);
    const result = validateSource('tricky.md', text);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.entry!.data).toEqual(tricky);
    expect(text).toContain('country: ["NO", XK]');
    expect(text).toContain('added: "2026-11-23"');
  });

  it('puts the fields in the schema order and leaves out empty ones', () => {
    const text = entryToMarkdown({ title: 'T', category: 'other', summary: 'S. T.', source: ['editor'], added: '2026-11-23', region: [], authors: [] });
    expect(text).toBe('---\ntitle: T\ncategory: other\nsummary: S. T.\nsource: [editor]\nadded: "2026-11-23"\n---\n');
  });
});
