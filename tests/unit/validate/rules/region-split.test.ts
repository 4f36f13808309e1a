import { describe, expect, it } from 'vitest';
import { regionSplit, wholeRegion } from '../../../../src/lib/validate/rules/region-split';
import { brief, file, runRule } from './helpers';

const run = (value: string) => runRule(regionSplit, file(`title: x\nregion: ${value}`));

describe('rule: region-split', () => {
  it('joins a region split at its commas and claims the pieces', () => {
    const r = run('[Central, North America, Caribbean]');
    expect(brief(r.problems)).toEqual([
      '3:10 region[0] region items "Central", "North America", "Caribbean" are one region split at its commas (replace them with the one item "Central and North America and the Caribbean")',
    ]);
    expect(r.claimed).toEqual(['region[0]', 'region[1]', 'region[2]']);
    expect(brief(run('["South-Eastern Europe", "Eastern Europe and Central Asia"]').problems)[0]).toContain(
      '"South-Eastern Europe, Eastern Europe and Central Asia"',
    );
  });

  it('finds the split inside a longer run and leaves valid or unrelated items', () => {
    const r = run('[Worldwide, Carribean, Central, North America, Caribbean]');
    expect(r.claimed).toEqual(['region[2]', 'region[3]', 'region[4]']);
    expect(run('[Worldwide, Asia and the Pacific]').problems).toEqual([]);
    expect(run('[Atlantis, Lemuria]').problems).toEqual([]);
  });

  it('wholeRegion needs every piece in ONE region', () => {
    expect(wholeRegion(['West', 'Central Africa'])).toBe('West and Central Africa');
    expect(wholeRegion(['Central'])).toBeUndefined();
    expect(wholeRegion(['Central', 'Asia'])).toBe('South-Eastern Europe, Eastern Europe and Central Asia');
    expect(wholeRegion(['East', 'Africa'])).toBeUndefined(); // two regions contain both
  });
});
