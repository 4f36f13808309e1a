/**
 * The catalogue's ONE list of regions. Entries use these names exactly; browse pages slug them.
 *
 * Why this list: besides `Worldwide`, these are the regional divisions of the International Organization for
 * Migration (IOM), whose regional offices publish much of the field's literature and whose names the source
 * listings already use. A name may contain a comma ("South-Eastern Europe, Eastern Europe and Central Asia"): it is
 * one name, never split.
 */
export const REGIONS = [
  'Worldwide',
  'Asia and the Pacific',
  'Central and North America and the Caribbean',
  'East and Horn of Africa',
  'European Economic Area',
  'Middle East and North Africa',
  'South America',
  'South-Eastern Europe, Eastern Europe and Central Asia',
  'Southern Africa',
  'West and Central Africa',
] as const;

export type Region = (typeof REGIONS)[number];

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}
