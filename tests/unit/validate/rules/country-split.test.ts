import { describe, expect, it } from 'vitest';
import { countrySplit, joinedCountry } from '../../../../src/lib/validate/rules/country-split';
import { brief, file, runRule } from './helpers';

const run = (value: string) => runRule(countrySplit, file(`title: x\ncountry: ${value}`));

describe('rule: country-split', () => {
  it('joins a country split at "and" and claims both items', () => {
    const r = run('[NG, Trinidad, Tobago]');
    expect(brief(r.problems)).toEqual([
      '3:15 country[1] country items "Trinidad" and "Tobago" are one country split at "and" (replace them with TT (Trinidad and Tobago))',
    ]);
    expect(r.claimed).toEqual(['country[1]', 'country[2]']);
  });

  it('knows the other "and" countries', () => {
    expect(joinedCountry('Bosnia', 'Herzegovina')).toBe('BA');
    expect(joinedCountry('Antigua', 'Barbuda')).toBe('AG');
    expect(joinedCountry('Saint Kitts', 'Nevis')).toBe('KN');
    expect(joinedCountry('Sao Tome', 'Principe')).toBe('ST');
    expect(joinedCountry('Nigeria', 'Ghana')).toBeUndefined();
  });

  it('leaves codes and unrelated names to the schema', () => {
    expect(run('[NG, GH]').problems).toEqual([]);
    expect(run('[Nigeria, Ghana]').problems).toEqual([]);
  });
});
