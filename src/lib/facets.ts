import type { Publication } from './catalogue';
import { compareNewestFirst } from './catalogue';
import { CATEGORY_KEYS, categoryLabel, type Category } from './schema/categories';
import { countryName } from './schema/countries';
import type { EntryData } from './schema/entry';
import { languageName } from './schema/languages';
import { REGIONS } from './schema/regions';
import { PAGE_SEGMENT, pagePath, paginate, type PageOf } from './pagination';
import { uniqueSlugs } from './slug';

/**
 * The six ways to browse the catalogue. For each: which values an entry has, what they are called in words, their
 * slugs and URLs, and which publications carry each value. Pure (no Astro imports), computed once per build.
 *
 * The names are the ones readers see: browse page headings, the publication page, and Pagefind's filter values
 * (see `facetNames`), so a filter and its browse page always agree.
 */
export const FACET_KEYS = ['region', 'country', 'year', 'category', 'language', 'author'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export interface FacetDefinition {
  key: FacetKey;
  /** First URL segment: `/regions/`. */
  segment: string;
  /** "Region", for a field label. */
  singular: string;
  /** "Regions", for the index heading and navigation. */
  plural: string;
  /** One sentence for the index page: what the values are. */
  indexIntro: string;
}

export const FACETS: Record<FacetKey, FacetDefinition> = {
  region: {
    key: 'region',
    segment: 'regions',
    singular: 'Region',
    plural: 'Regions',
    indexIntro:
      'The regions publications are about: Worldwide, or one of the regional divisions of the International Organization for Migration.',
  },
  country: {
    key: 'country',
    segment: 'countries',
    singular: 'Country',
    plural: 'Countries',
    indexIntro: 'The countries and territories publications are about.',
  },
  year: {
    key: 'year',
    segment: 'years',
    singular: 'Year',
    plural: 'Years',
    indexIntro: 'Years of publication, newest first. Publications whose year is not known are listed as Undated.',
  },
  category: {
    key: 'category',
    segment: 'categories',
    singular: 'Category',
    plural: 'Categories',
    indexIntro: 'Kinds of publication: reports, toolkits, manuals, model laws and more.',
  },
  language: {
    key: 'language',
    segment: 'languages',
    singular: 'Language',
    plural: 'Languages',
    indexIntro: 'The languages publications are available in.',
  },
  author: {
    key: 'author',
    segment: 'authors',
    singular: 'Author',
    plural: 'Authors',
    indexIntro: 'People and organisations credited as authors, in alphabetical order.',
  },
};

/** The value a year page uses for entries without a year; also its slug (`/years/undated/`). */
export const UNDATED = 'Undated';
const UNDATED_KEY = 'undated';

/**
 * An entry's values for each facet as stored (region names, country and language codes, year, category key,
 * author names), each value once.
 */
export function facetKeys(entry: EntryData): Record<FacetKey, string[]> {
  return {
    region: unique(entry.region),
    country: unique(entry.country),
    year: [entry.year === undefined ? UNDATED_KEY : String(entry.year)],
    category: [entry.category],
    language: unique(entry.languages ?? []),
    author: unique(entry.authors ?? []),
  };
}

/** The human name of a stored value: "TT" → "Trinidad and Tobago", "model-law" → "Model law", "ar" → "Arabic". */
export function facetValueName(facet: FacetKey, key: string): string {
  switch (facet) {
    case 'country':
      return countryName(key);
    case 'language':
      return languageName(key);
    case 'category':
      return categoryLabel(key as Category);
    case 'year':
      return key === UNDATED_KEY ? UNDATED : key;
    default:
      return key;
  }
}

/**
 * An entry's values for each facet in words, as browse pages name them: for Pagefind filters and anything else
 * that must match the browse pages. Year is "2019" or "Undated".
 */
export function facetNames(entry: EntryData): Record<FacetKey, string[]> {
  const keys = facetKeys(entry);
  const names = {} as Record<FacetKey, string[]>;
  for (const facet of FACET_KEYS) names[facet] = keys[facet].map((key) => facetValueName(facet, key));
  return names;
}

export interface FacetValue<T extends Publication = Publication> {
  facet: FacetKey;
  /** The value as stored in entries ("TT", "model-law", "2019", "undated", a region or author name). */
  key: string;
  /** The value in words, as its page's heading shows it. */
  name: string;
  slug: string;
  /** `/countries/tt/` */
  path: string;
  /** Newest first, undated last, then by title. */
  publications: T[];
}

export interface Facets<T extends Publication = Publication> {
  /** Each facet's values in the order its index page lists them. Only values some entry has. */
  values: Record<FacetKey, Array<FacetValue<T>>>;
  /** Look-up by stored value. */
  byKey: Record<FacetKey, Map<string, FacetValue<T>>>;
}

/**
 * Every facet value that occurs, with its publications, in one pass over the catalogue: O(entries × values per
 * entry) after one sort, so 100,000 entries cost about as much as sorting them.
 */
export function buildFacets<T extends Publication>(publications: readonly T[]): Facets<T> {
  const sorted = [...publications].sort(compareNewestFirst);
  const lists = Object.fromEntries(FACET_KEYS.map((facet) => [facet, new Map<string, T[]>()])) as Record<
    FacetKey,
    Map<string, T[]>
  >;
  for (const publication of sorted) {
    const keys = facetKeys(publication.data);
    for (const facet of FACET_KEYS) {
      for (const key of keys[facet]) {
        const list = lists[facet].get(key);
        if (list) list.push(publication);
        else lists[facet].set(key, [publication]);
      }
    }
  }

  const slugs: Record<FacetKey, (key: string) => string> = {
    // Over the whole vocabulary, so a region's slug never depends on which regions entries happen to use (and
    // matches its feed's, src/lib/feeds/paths.ts).
    region: slugger(uniqueSlugs([...REGIONS, ...lists.region.keys()])),
    country: (code) => code.toLowerCase(),
    year: (key) => key,
    category: (key) => key,
    language: (code) => code,
    author: slugger(uniqueSlugs(lists.author.keys(), [PAGE_SEGMENT])),
  };

  const values = {} as Facets<T>['values'];
  const byKey = {} as Facets<T>['byKey'];
  for (const facet of FACET_KEYS) {
    const facetValues = [...lists[facet]].map(([key, list]): FacetValue<T> => {
      const slug = slugs[facet](key);
      return {
        facet,
        key,
        name: facetValueName(facet, key),
        slug,
        path: `/${FACETS[facet].segment}/${slug}/`,
        publications: list,
      };
    });
    facetValues.sort(INDEX_ORDER[facet]);
    values[facet] = facetValues;
    byKey[facet] = new Map(facetValues.map((value) => [value.key, value]));
  }
  return { values, byKey };
}

function slugger(slugs: Map<string, string>): (key: string) => string {
  return (key) => {
    const slug = slugs.get(key);
    if (slug === undefined) throw new Error(`No slug for ${JSON.stringify(key)}`);
    return slug;
  };
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byName = (a: FacetValue, b: FacetValue) =>
  nameCollator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const byVocabulary =
  (order: readonly string[]) =>
  (a: FacetValue, b: FacetValue): number =>
    order.indexOf(a.key) - order.indexOf(b.key);

/** Regions and categories in their vocabulary's order (Worldwide first, Other last); years newest first. */
const INDEX_ORDER: Record<FacetKey, (a: FacetValue, b: FacetValue) => number> = {
  region: byVocabulary(REGIONS),
  country: byName,
  year: (a, b) => yearRank(b.key) - yearRank(a.key),
  category: byVocabulary(CATEGORY_KEYS),
  language: byName,
  author: byName,
};

function yearRank(key: string): number {
  return key === UNDATED_KEY ? -Infinity : Number(key);
}

/** The path of the value page for a stored value, or undefined when no entry has it. */
export function facetPath(facets: Facets, facet: FacetKey, key: string): string | undefined {
  return facets.byKey[facet].get(key)?.path;
}

/** "1 publication", "5,000 publications". */
export function countPublications(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'publication' : 'publications'}`;
}

/** A sentence with an optional name in the middle, which pages isolate in <bdi> (names may be right to left). */
export interface SentenceAroundName {
  before: string;
  /** Whether the value's name goes between `before` and `after`. */
  name: boolean;
  after: string;
}

/** The sentence under a value page's heading: "3 publications about " + name + "." */
export function describeFacetValue(value: Pick<FacetValue, 'facet' | 'key'>, count: number): SentenceAroundName {
  const publications = countPublications(count);
  const around = (before: string): SentenceAroundName => ({ before: `${publications} ${before}`, name: true, after: '.' });
  switch (value.facet) {
    case 'region':
      return around('about the region ');
    case 'country':
      return around('about ');
    case 'year':
      return value.key === UNDATED_KEY
        ? { before: `${publications} whose year of publication is not known.`, name: false, after: '' }
        : around('published in ');
    case 'category':
      return around('in the category ');
    case 'language':
      return around('available in ');
    case 'author':
      return around('by ');
  }
}

/** The sentence as plain text (for meta descriptions). */
export function sentenceText(sentence: SentenceAroundName, name: string): string {
  return `${sentence.before}${sentence.name ? name : ''}${sentence.after}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Values per page on a facet's index (only authors ever need more than one page: there are ~250 countries). */
export const INDEX_PAGE_SIZE = 300;

/** Facets whose index is alphabetical: long ones are grouped under initial letters. */
export const ALPHABETICAL_FACETS: ReadonlySet<FacetKey> = new Set(['country', 'language', 'author']);

/** Below this many values, letter headings would only add noise: a short list is read at a glance. */
export const GROUP_BY_INITIAL_FROM = 40;

/** Whether a facet's index groups its values under initials (A, B, …, Other). */
export function groupsByInitial(facet: FacetKey, valueCount: number): boolean {
  return ALPHABETICAL_FACETS.has(facet) && valueCount >= GROUP_BY_INITIAL_FROM;
}

/** The group a name is listed under on an alphabetical index: "A"–"Z", "0–9", or "Other" (other scripts). */
export function initialOf(name: string): string {
  const first = name.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').charAt(0).toUpperCase();
  if (/[A-Z]/.test(first)) return first;
  if (/[0-9]/.test(first)) return '0–9';
  return 'Other';
}

export interface InitialGroup<T> {
  initial: string;
  /** For the jump links: "initial-a", "initial-0-9", "initial-other". */
  id: string;
  values: T[];
}

/** Values grouped by initial, groups in the order of their first value, values in their given order. */
export function groupByInitial<T extends { name: string }>(values: readonly T[]): Array<InitialGroup<T>> {
  const groups = new Map<string, InitialGroup<T>>();
  for (const value of values) {
    const initial = initialOf(value.name);
    let group = groups.get(initial);
    if (!group) {
      group = { initial, id: `initial-${initial.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, values: [] };
      groups.set(initial, group);
    }
    group.values.push(value);
  }
  return [...groups.values()];
}

export interface IndexJump {
  initial: string;
  /** The index page where the initial starts, with the anchor of its heading. */
  href: string;
}

export interface FacetIndexPage<T extends { name: string }> {
  page: PageOf<T>;
  /** The page's values under their initials; empty when the index is not grouped. */
  groups: Array<InitialGroup<T>>;
  /** Links to where each initial starts, across pages; empty when the index is not grouped. */
  jumps: IndexJump[];
  /** The page starts in the middle of an initial's group (its first heading says "continued"). */
  continued: boolean;
  /** How many values the whole index has. */
  total: number;
}

/**
 * A facet's index split into pages of INDEX_PAGE_SIZE: long alphabetical indexes grouped by initial (the values
 * reordered so each initial's values are together), with jump links to the page each initial starts on.
 */
export function facetIndexPages<T extends { name: string }>(
  facet: FacetKey,
  values: readonly T[],
  pageSize = INDEX_PAGE_SIZE,
): Array<FacetIndexPage<T>> {
  const basePath = `/${FACETS[facet].segment}/`;
  const grouped = groupsByInitial(facet, values.length);
  const allGroups = grouped ? groupByInitial(values) : [];
  const ordered = grouped ? allGroups.flatMap((group) => group.values) : [...values];
  const jumps: IndexJump[] = [];
  let index = 0;
  for (const group of allGroups) {
    jumps.push({ initial: group.initial, href: `${pagePath(basePath, Math.floor(index / pageSize) + 1)}#${group.id}` });
    index += group.values.length;
  }
  return paginate(ordered, basePath, pageSize).map((page) => ({
    page,
    groups: grouped ? groupByInitial(page.items) : [],
    jumps,
    continued:
      grouped && page.start > 0 && initialOf(ordered[page.start - 1]!.name) === initialOf(ordered[page.start]!.name),
    total: ordered.length,
  }));
}
