import { describe, expect, it } from 'vitest';
import { categoryLabel, CATEGORY_KEYS } from '../../src/lib/schema/categories';
import { countryName, isCountryCode } from '../../src/lib/schema/countries';
import { entrySchema, TITLE_MAX } from '../../src/lib/schema/entry';
import { isLanguageCode, isRightToLeft, languageCodeForName, languageName } from '../../src/lib/schema/languages';
import { REGIONS } from '../../src/lib/schema/regions';

const valid = {
  title: 'Global Report on Trafficking in Persons 2022',
  category: 'report',
  summary: 'A summary in our own words.',
  source: ['seed-unodc'],
  added: '2026-11-23',
};

function issues(input: Record<string, unknown>) {
  const result = entrySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('entry schema', () => {
  it('accepts a minimal entry and fills list defaults', () => {
    const parsed = entrySchema.parse(valid);
    expect(parsed.region).toEqual([]);
    expect(parsed.country).toEqual([]);
    expect(parsed.year).toBeUndefined();
  });

  it('trims titles and normalises them to NFC', () => {
    const decomposed = 'Cafe\u0301 workers';
    const parsed = entrySchema.parse({ ...valid, title: `  ${decomposed}  ` });
    expect(parsed.title).toBe('Café workers');
    expect(parsed.title.length).toBe(12);
  });

  it('counts title length in characters, not UTF-16 units or bytes', () => {
    const emoji = '😀'.repeat(TITLE_MAX); // 300 characters, 600 UTF-16 units
    expect(issues({ ...valid, title: emoji })).toEqual([]);
    expect(issues({ ...valid, title: emoji + 'x' })).toEqual(['title: must be at most 300 characters']);
  });

  it('refuses empty and whitespace-only titles', () => {
    expect(issues({ ...valid, title: '   ' })).toEqual(['title: must not be empty']);
  });

  it('refuses unknown keys', () => {
    expect(issues({ ...valid, contry: ['NG'] })[0]).toMatch(/contry/);
  });

  it('checks years: whole numbers from 1900 to this year', () => {
    expect(issues({ ...valid, year: 2019.5 })).toEqual(['year: must be a whole number']);
    expect(issues({ ...valid, year: 1899 })).toEqual(['year: must be 1900 or later']);
    expect(issues({ ...valid, year: new Date().getFullYear() + 1 })).toEqual(['year: must not be in the future']);
    expect(issues({ ...valid, year: '2019' })).toHaveLength(1);
  });

  it('only accepts https links', () => {
    expect(issues({ ...valid, link: 'https://www.unodc.org/report.pdf' })).toEqual([]);
    for (const link of ['http://www.unodc.org/', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(issues({ ...valid, link })).toEqual(['link: must be an https:// URL']);
    }
  });

  it('checks every vocabulary', () => {
    expect(issues({ ...valid, region: ['Central'] })[0]).toMatch(/^region\.0/);
    expect(issues({ ...valid, country: ['ng'] })[0]).toMatch(/^country\.0/);
    expect(issues({ ...valid, languages: ['English'] })[0]).toMatch(/^languages\.0/);
    expect(issues({ ...valid, category: 'Issue Paper' })[0]).toMatch(/^category/);
    expect(issues({ ...valid, source: [] })).toEqual(['source: must name at least one source']);
  });

  it('accepts a date-typed `added` as YAML readers may produce it', () => {
    expect(entrySchema.parse({ ...valid, added: new Date('2026-11-23T00:00:00Z') }).added).toBe('2026-11-23');
    expect(issues({ ...valid, added: '23/11/2026' })).toEqual(['added: must be a date written YYYY-MM-DD']);
  });
});

describe('vocabularies', () => {
  it('keeps comma-containing region names whole', () => {
    for (const name of [
      'Worldwide',
      'Central and North America and the Caribbean',
      'West and Central Africa',
      'South-Eastern Europe, Eastern Europe and Central Asia',
    ]) {
      expect(REGIONS).toContain(name);
    }
    expect(REGIONS).not.toContain('Central');
  });

  it('names countries as a library catalogue does, including historical codes', () => {
    expect(countryName('TT')).toBe('Trinidad and Tobago');
    expect(countryName('LC')).toBe('Saint Lucia');
    expect(countryName('AN')).toBe('Netherlands Antilles');
    expect(countryName('XK')).toBe('Kosovo');
    expect(countryName('MK')).toBe('North Macedonia');
    expect(isCountryCode('AN') && isCountryCode('XK') && isCountryCode('NG')).toBe(true);
    expect(isCountryCode('ng') || isCountryCode('ZZ') || isCountryCode('Worldwide')).toBe(false);
  });

  it('names languages and knows right-to-left scripts', () => {
    expect(languageName('ar')).toBe('Arabic');
    expect(languageCodeForName('English')).toBe('en');
    expect(isLanguageCode('sp')).toBe(false);
    expect(isRightToLeft('ar') && !isRightToLeft('en')).toBe(true);
  });

  it('labels every category', () => {
    expect(CATEGORY_KEYS).toHaveLength(16);
    expect(categoryLabel('model-law')).toBe('Model law');
    expect(categoryLabel('issue-paper')).toBe('Issue paper');
  });
});
