import { describe, expect, it } from 'vitest';
import {
  closest,
  fold,
  suggestCategory,
  suggestCountry,
  suggestField,
  suggestLanguage,
  suggestRegions,
  suggestSource,
} from '../../../src/lib/validate/suggest';
import { slugify } from '../../../src/lib/slug';

describe('did-you-mean', () => {
  it('edit distance counts a transposition as one edit', () => {
    expect(closest('nigerai', [{ key: 'nigeria', value: 'NG' }, { key: 'niger', value: 'NE' }])).toEqual(['NG']);
  });

  it('folds case, accents and punctuation', () => {
    expect(fold("Côte d’Ivoire")).toBe('cote divoire');
    expect(fold('St. Lucia & Co')).toBe('saint lucia and co');
  });

  it('field names', () => {
    expect(suggestField('contry')).toBe('country');
    expect(suggestField('author')).toBe('authors');
    expect(suggestField('Title')).toBe('title');
    expect(suggestField('url')).toBe('link');
    expect(suggestField('xyzzy')).toBeUndefined();
  });

  it('regions', () => {
    expect(suggestRegions('Carribean')).toEqual(['Central and North America and the Caribbean']);
    expect(suggestRegions('worldwide')).toEqual(['Worldwide']);
    expect(suggestRegions('Global')).toEqual(['Worldwide']);
    expect(suggestRegions('Horn of Africa')).toEqual(['East and Horn of Africa']);
    expect(suggestRegions('Middle East & North Africa')).toEqual(['Middle East and North Africa']);
    expect(suggestRegions('Central')).toHaveLength(3);
  });

  it('countries, by code, case, alpha-3 and NAME', () => {
    expect(suggestCountry('ng')).toEqual({ kind: 'code', codes: ['NG'] });
    expect(suggestCountry('Nigerai')).toEqual({ kind: 'code', codes: ['NG'] });
    expect(suggestCountry('Nigeria')).toEqual({ kind: 'code', codes: ['NG'] });
    expect(suggestCountry('NGA')).toEqual({ kind: 'code', codes: ['NG'] });
    expect(suggestCountry('UK')).toEqual({ kind: 'code', codes: ['GB'] });
    expect(suggestCountry('Ivory Coast')).toEqual({ kind: 'code', codes: ['CI'] });
    expect(suggestCountry('Trinidad and Tobago')).toEqual({ kind: 'code', codes: ['TT'] });
    expect(suggestCountry('DRC')).toEqual({ kind: 'code', codes: ['CD'] });
    expect(suggestCountry('Kosovo')).toEqual({ kind: 'code', codes: ['XK'] });
    expect(suggestCountry('Worldwide')).toEqual({ kind: 'region', regions: ['Worldwide'] });
    expect(suggestCountry('Caribbean')).toEqual({ kind: 'region', regions: ['Central and North America and the Caribbean'] });
    expect(suggestCountry('Qqqqqq')).toBeUndefined();
  });

  it('languages, by code, common mistakes and names', () => {
    expect(suggestLanguage('sp')).toEqual(['es']);
    expect(suggestLanguage('English')).toEqual(['en']);
    expect(suggestLanguage('english')).toEqual(['en']);
    expect(suggestLanguage('EN')).toEqual(['en']);
    expect(suggestLanguage('en-GB')).toEqual(['en']);
    expect(suggestLanguage('eng')).toEqual(['en']);
    expect(suggestLanguage('Farsi')).toEqual(['fa']);
    expect(suggestLanguage('Frnech')).toEqual(['fr']);
  });

  it('categories and sources', () => {
    expect(suggestCategory('Issue Paper')).toEqual(['issue-paper']);
    expect(suggestCategory('Reports')).toEqual(['report']);
    expect(suggestCategory('Training material')).toEqual(['training']);
    expect(suggestCategory('policy_brief')).toEqual(['policy-brief']);
    expect(suggestCategory('handbok')).toEqual(['handbook']);
    expect(suggestSource('Editor')).toEqual(['editor']);
    expect(suggestSource('seed unodc')).toEqual(['seed-unodc']);
  });

  it('slugs', () => {
    expect(slugify('Global Report (2022)')).toBe('global-report-2022');
    expect(slugify('Étude & Traite')).toBe('etude-traite');
    expect(slugify('--a__b--')).toBe('a-b');
  });
});
