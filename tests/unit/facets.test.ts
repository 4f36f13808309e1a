import { describe, expect, it } from 'vitest';
import type { Publication } from '../../src/lib/catalogue';
import {
  buildFacets,
  countPublications,
  describeFacetValue,
  facetKeys,
  facetNames,
  facetIndexPages,
  facetPath,
  FACET_KEYS,
  FACETS,
  groupByInitial,
  groupsByInitial,
  initialOf,
  sentenceText,
} from '../../src/lib/facets';
import type { EntryInput } from '../../src/lib/schema/entry';
import { parseEntry } from '../support/fixture-publications';
import { shortHash } from '../../src/lib/slug';

/** A valid entry, parsed by THE schema (so defaults apply exactly as in a build). */
function publication(slug: string, fields: Partial<EntryInput> = {}): Publication {
  const data = parseEntry({
    title: `Title of ${slug}`,
    category: 'report',
    summary: 'A summary.',
    source: ['editor'],
    added: '2026-11-23',
    ...fields,
  });
  return { slug, data };
}

const catalogue = [
  publication('tt-paper', {
    title: 'Survivors "first" & partners',
    authors: ['Walk Free Foundation', 'José Pérez'],
    year: 2018,
    region: ['Central and North America and the Caribbean'],
    country: ['TT'],
    category: 'model-law',
    languages: ['en', 'ar'],
  }),
  publication('undated', {
    title: 'Referral guidance',
    region: ['South-Eastern Europe, Eastern Europe and Central Asia'],
    country: ['XK', 'MK'],
    category: 'guidance',
  }),
  publication('old', { title: 'Older', authors: ['Jose Perez'], year: 2001, region: ['Worldwide'], languages: ['en'] }),
  publication('new', { title: 'Newer', authors: ['Walk Free Foundation'], year: 2023, region: ['Worldwide'] }),
  publication('same-year-b', { title: 'Beta', year: 2023 }),
  publication('same-year-a', { title: 'alpha', year: 2023 }),
  publication('arabic-author', { authors: ['وزارة العدل'], year: 2019, country: ['TT', 'TT'] }),
  publication('undated-report', { title: 'Aardvark' }),
];

describe('facetNames (the values browse pages and Pagefind filters share)', () => {
  it('names every value in words', () => {
    expect(facetNames(catalogue[0]!.data)).toEqual({
      region: ['Central and North America and the Caribbean'],
      country: ['Trinidad and Tobago'],
      year: ['2018'],
      category: ['Model law'],
      language: ['English', 'Arabic'],
      author: ['Walk Free Foundation', 'José Pérez'],
    });
  });

  it('calls a missing year Undated and leaves missing authors, languages and places empty', () => {
    expect(facetNames(publication('bare').data)).toEqual({
      region: [],
      country: [],
      year: ['Undated'],
      category: ['Report'],
      language: [],
      author: [],
    });
  });

  it('keeps a region with commas whole and lists a repeated value once', () => {
    expect(facetNames(catalogue[1]!.data).region).toEqual(['South-Eastern Europe, Eastern Europe and Central Asia']);
    expect(facetKeys(catalogue[6]!.data).country).toEqual(['TT']);
  });
});

describe('buildFacets', () => {
  const facets = buildFacets(catalogue);
  const paths = (facet: (typeof FACET_KEYS)[number]) => facets.values[facet].map((v) => v.path);

  it('has exactly one page per value that occurs, and none for others', () => {
    expect(paths('region')).toEqual([
      '/regions/worldwide/',
      '/regions/central-and-north-america-and-the-caribbean/',
      '/regions/south-eastern-europe-eastern-europe-and-central-asia/',
    ]);
    expect(paths('country').sort()).toEqual(['/countries/mk/', '/countries/tt/', '/countries/xk/']);
    expect(paths('year')).toEqual(['/years/2023/', '/years/2019/', '/years/2018/', '/years/2001/', '/years/undated/']);
    expect(paths('category')).toEqual(['/categories/report/', '/categories/guidance/', '/categories/model-law/']);
    expect(paths('language')).toEqual(['/languages/ar/', '/languages/en/']);
    const allPaths = FACET_KEYS.flatMap(paths);
    expect(new Set(allPaths).size).toBe(allPaths.length);
    expect(allPaths.join(' ')).not.toMatch(/undefined|null|NaN|\/central\/|\/regions\/[^/]*,/);
  });

  it("names each value as its page's heading shows it", () => {
    expect(facets.byKey.country.get('TT')!.name).toBe('Trinidad and Tobago');
    expect(facets.byKey.country.get('XK')!.name).toBe('Kosovo');
    expect(facets.byKey.language.get('ar')!.name).toBe('Arabic');
    expect(facets.byKey.category.get('model-law')!.name).toBe('Model law');
    expect(facets.byKey.year.get('undated')!.name).toBe('Undated');
  });

  it('lists each value’s publications newest first, undated last, then by title', () => {
    const report = facets.byKey.category.get('report')!.publications.map((p) => p.slug);
    expect(report).toEqual(['same-year-a', 'same-year-b', 'new', 'arabic-author', 'old', 'undated-report']);
    expect(facets.byKey.year.get('undated')!.publications.map((p) => p.slug)).toEqual(['undated-report', 'undated']);
  });

  it('puts an entry without a year on no year page but on all its other pages', () => {
    const undated = catalogue[1]!;
    expect(facets.values.year.flatMap((value) => value.publications).filter((p) => p === undated)).toHaveLength(1);
    for (const value of facets.values.year) {
      expect(value.publications.includes(undated)).toBe(value.key === 'undated');
    }
    expect(facets.byKey.country.get('XK')!.publications).toContain(undated);
    expect(facets.byKey.category.get('guidance')!.publications).toContain(undated);
  });

  it('gives colliding and non-Latin author names distinct, stable slugs', () => {
    const authors = facets.values.author;
    expect(new Set(authors.map((a) => a.slug)).size).toBe(authors.length);
    expect(facets.byKey.author.get('Jose Perez')!.slug).toBe('jose-perez');
    expect(facets.byKey.author.get('José Pérez')!.slug).toBe(`jose-perez-${shortHash('José Pérez')}`);
    expect(facets.byKey.author.get('وزارة العدل')!.slug).toMatch(/^n-[0-9a-f]{8}$/);
  });

  it('orders indexes: regions and categories as in their vocabularies, names alphabetically, years newest first', () => {
    expect(facets.values.author.map((a) => a.name)).toEqual([
      'Jose Perez',
      'José Pérez',
      'Walk Free Foundation',
      'وزارة العدل',
    ]);
    expect(facets.values.country.map((c) => c.name)).toEqual(['Kosovo', 'North Macedonia', 'Trinidad and Tobago']);
  });

  it('counts every publication once per value', () => {
    expect(facets.byKey.country.get('TT')!.publications.map((p) => p.slug)).toEqual(['arabic-author', 'tt-paper']);
    expect(facets.byKey.author.get('Walk Free Foundation')!.publications).toHaveLength(2);
  });

  it('finds the path for a stored value, or none when no entry has it', () => {
    expect(facetPath(facets, 'country', 'TT')).toBe('/countries/tt/');
    expect(facetPath(facets, 'country', 'FR')).toBeUndefined();
  });

  it('builds 10,000 entries’ facets (the speed is the benchmark’s to measure)', () => {
    const big = Array.from({ length: 10_000 }, (_, i) =>
      publication(`p${i}`, {
        authors: [`Author ${i % 700}`],
        year: 1990 + (i % 30),
        country: ['TT', 'NG'],
        region: ['Worldwide'],
      }),
    );
    const built = buildFacets(big);
    expect(built.values.author).toHaveLength(700);
    expect(built.byKey.country.get('NG')!.publications).toHaveLength(10_000);
  });
});

describe('facet definitions', () => {
  it('has a URL segment and labels for every facet', () => {
    expect(FACET_KEYS.map((f) => FACETS[f].segment)).toEqual([
      'regions',
      'countries',
      'years',
      'categories',
      'languages',
      'authors',
    ]);
  });
});

describe('sentences', () => {
  it('counts publications in words', () => {
    expect(countPublications(1)).toBe('1 publication');
    expect(countPublications(5000)).toBe('5,000 publications');
  });

  it('describes a value page', () => {
    expect(sentenceText(describeFacetValue({ facet: 'country', key: 'TT' }, 3), 'Trinidad and Tobago')).toBe(
      '3 publications about Trinidad and Tobago.',
    );
    expect(sentenceText(describeFacetValue({ facet: 'author', key: 'x' }, 1), 'UNODC')).toBe('1 publication by UNODC.');
    expect(sentenceText(describeFacetValue({ facet: 'year', key: 'undated' }, 2), 'Undated')).toBe(
      '2 publications whose year of publication is not known.',
    );
  });
});

describe('initials', () => {
  it('groups names under A–Z, 0–9 and Other', () => {
    expect(initialOf('Émile')).toBe('E');
    expect(initialOf('"Quoted" name')).toBe('Q');
    expect(initialOf('3P Network')).toBe('0–9');
    expect(initialOf('وزارة العدل')).toBe('Other');
    const groups = groupByInitial([{ name: 'Alpha' }, { name: 'Beta' }, { name: 'ärger' }, { name: 'وزارة' }]);
    expect(groups.map((g) => [g.initial, g.id, g.values.length])).toEqual([
      ['A', 'initial-a', 2],
      ['B', 'initial-b', 1],
      ['Other', 'initial-other', 1],
    ]);
  });

  it('groups only long alphabetical indexes', () => {
    expect(groupsByInitial('author', 500)).toBe(true);
    expect(groupsByInitial('author', 5)).toBe(false);
    expect(groupsByInitial('year', 500)).toBe(false);
  });
});

describe('facetIndexPages', () => {
  const names = (list: string[]) => list.map((name) => ({ name }));

  it('keeps a short index on one page, ungrouped, in its given order', () => {
    const [only, ...rest] = facetIndexPages('region', names(['Worldwide', 'South America']));
    expect(rest).toEqual([]);
    expect(only!.page.items.map((v) => v.name)).toEqual(['Worldwide', 'South America']);
    expect(only!.groups).toEqual([]);
    expect(only!.jumps).toEqual([]);
    expect(only!.page.path).toBe('/regions/');
  });

  it('splits a long author index into pages, grouped by initial, with jumps to the page each initial starts on', () => {
    const authors = names([
      ...Array.from({ length: 30 }, (_, i) => `Adams ${String(i).padStart(2, '0')}`),
      ...Array.from({ length: 30 }, (_, i) => `Brown ${String(i).padStart(2, '0')}`),
      'وزارة العدل',
    ]);
    const pages = facetIndexPages('author', authors, 25);
    expect(pages.map((p) => p.page.path)).toEqual(['/authors/', '/authors/page/2/', '/authors/page/3/']);
    expect(pages[0]!.jumps).toEqual([
      { initial: 'A', href: '/authors/#initial-a' },
      { initial: 'B', href: '/authors/page/2/#initial-b' },
      { initial: 'Other', href: '/authors/page/3/#initial-other' },
    ]);
    // Page 2 starts with the last five As: its first group continues page 1's.
    expect(pages[1]!.continued).toBe(true);
    expect(pages[1]!.groups.map((g) => [g.initial, g.values.length])).toEqual([
      ['A', 5],
      ['B', 20],
    ]);
    expect(pages[0]!.continued).toBe(false);
    expect(pages[2]!.continued).toBe(true);
    expect(pages.every((p) => p.total === 61)).toBe(true);
    expect(pages.flatMap((p) => p.page.items)).toHaveLength(61);
  });

  it('does not say "continued" when a page starts with a new initial', () => {
    const authors = names([...Array.from({ length: 25 }, (_, i) => `A${i}`), ...Array.from({ length: 25 }, (_, i) => `B${i}`)]);
    expect(facetIndexPages('author', authors, 25)[1]!.continued).toBe(false);
  });
});
