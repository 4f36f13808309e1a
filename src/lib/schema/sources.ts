/**
 * Where an entry's metadata came from (provenance), shown on its page. The `seed-*` keys are the documents the
 * catalogue was started from (`shared/seeds/` in the project's steering repository); `editor` marks an entry an editor
 * catalogued from the publication itself.
 */
export const SOURCES = {
  'seed-descriptions': 'Source listing: page of publication descriptions (CFR, Walk Free, OSCE, U.S. Government, …)',
  'seed-unodc': 'Source listing: UNODC human trafficking publications page',
  'seed-listing-a': 'Source listing: trafficking publications listing with country, region, author and year (part A)',
  'seed-listing-b': 'Source listing: trafficking publications listing with country, region, author and year (part B)',
  'seed-tip-2023': 'Source: 2023 Trafficking in Persons Report, introduction (U.S. Department of State)',
  editor: 'Catalogued by an editor from the publication itself',
} as const;

export type Source = keyof typeof SOURCES;
export const SOURCE_KEYS = Object.keys(SOURCES) as [Source, ...Source[]];
