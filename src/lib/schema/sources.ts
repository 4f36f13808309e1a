/**
 * Where an entry's metadata came from (provenance), shown on its page. The `seed-*` keys are the documents the
 * catalogue was started from (`shared/seeds/` in the project's steering repository); `editor` marks an entry an editor
 * catalogued from the publication itself.
 */
export const SOURCES = {
  'seed-descriptions': 'Source listing: page of short publication descriptions (UNODC, U.S. Department of State, Council on Foreign Relations, a book, …)',
  'seed-unodc': 'Source listing: UNODC human trafficking and migrant smuggling publications page (with ICAT papers)',
  'seed-listing-a': 'Source listing: trafficking publications with country, region, author and year (part A: CFR, Red Cross, OSCE, Walk Free, UNODC, …)',
  'seed-listing-b': 'Source listing: trafficking publications with country, region, author and year (part B: IOM, UNHCR, UN, …)',
  'seed-tip-2023': 'Source: 2023 Trafficking in Persons Report, introduction (U.S. Department of State)',
  editor: 'Catalogued by an editor from the publication itself',
} as const;

export type Source = keyof typeof SOURCES;
export const SOURCE_KEYS = Object.keys(SOURCES) as [Source, ...Source[]];
