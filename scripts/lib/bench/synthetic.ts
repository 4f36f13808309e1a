import { stringify } from 'yaml';
import { CATEGORY_KEYS, type Category } from '../../../src/lib/schema/categories';
import { COUNTRY_CODES } from '../../../src/lib/schema/countries';
import { TITLE_MAX, type EntryInput } from '../../../src/lib/schema/entry';
import { REGIONS, type Region } from '../../../src/lib/schema/regions';
import { SOURCE_KEYS, type Source } from '../../../src/lib/schema/sources';
import { slugify } from '../../../src/lib/slug';
import { normaliseTitle } from '../../../src/lib/validate/rules/duplicates';
import { FILE_LINE_REFERENCE } from '../../../src/lib/validate/rules/reader-notes';

const FILE_LINE_REFERENCES = new RegExp(FILE_LINE_REFERENCE.source, 'gi');

/**
 * Synthetic catalogues for `npm run bench`: valid entries whose lengths, facet values, authors and words follow the
 * real catalogue's profile (bench/profile.json). Pure and seeded: entry i depends only on (profile, seed, i) and the
 * slugs before it, so the 1,000-entry catalogue is a prefix of the 10,000-entry one.
 */

/** A uniform number in [0, 1). */
export type Rng = () => number;

/** A 32-bit hash of a string (cyrb53 folded), for seeding. */
function hashSeed(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** mulberry32: small, fast, good enough for test data, and identical on every platform. */
export function createRng(seed: number | string): Rng {
  let a = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** A weighted choice over a frequency table, with a cumulative table built once. */
class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(frequencies: Iterable<[T, number]>) {
    this.values = [];
    this.cumulative = [];
    let sum = 0;
    for (const [value, weight] of frequencies) {
      if (!(weight > 0)) continue;
      sum += weight;
      this.values.push(value);
      this.cumulative.push(sum);
    }
    if (this.values.length === 0) throw new Error('a weighted table needs at least one positive weight');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const target = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }

  /** `count` distinct values (fewer when the table is smaller). */
  pickDistinct(rng: Rng, count: number): T[] {
    const chosen = new Set<T>();
    const wanted = Math.min(count, this.values.length);
    for (let tries = 0; chosen.size < wanted && tries < wanted * 20; tries++) chosen.add(this.pick(rng));
    return [...chosen];
  }
}

/** Value → number of entries (or occurrences) with that value. */
export type Frequencies = Record<string, number>;

/**
 * What the generator needs to know about the real catalogue. Lengths are in characters (code points); lists of
 * lengths are the observed values (the generator resamples them with a little jitter).
 */
export interface CatalogueProfile {
  /** Where it was measured (folder and commit), for the results page. */
  source: string;
  entries: number;
  titleLengths: number[];
  summaryLengths: number[];
  /** Share of entries with a full-text body, and the lengths of those bodies. */
  bodyRate: number;
  bodyLengths: number[];
  /** Share of body characters that are `##` headings lines (roughly: one heading per this many characters). */
  charsPerHeading: number;
  categories: Frequencies;
  /** How many regions/countries/languages/authors/sources an entry has → how many entries. */
  regionCounts: Frequencies;
  regions: Frequencies;
  countryCounts: Frequencies;
  countries: Frequencies;
  languageCounts: Frequencies;
  languages: Frequencies;
  sourceCounts: Frequencies;
  sources: Frequencies;
  authorCounts: Frequencies;
  authors: Frequencies;
  /** Share of author names that recur across entries (organisations); the rest are drawn as new names. */
  authorRepeatRate: number;
  years: Frequencies;
  undatedRate: number;
  publisherRate: number;
  publishers: Frequencies;
  linkRate: number;
  linkHosts: Frequencies;
  titleSuppliedRate: number;
  titleLanguageRate: number;
  titleLanguages: Frequencies;
  notesRate: number;
  notesLengths: number[];
  added: Frequencies;
  /** The most frequent words of titles, summaries and bodies. */
  words: Frequencies;
  /** Share of words in the real text that occur once (hapaxes): drawn from an open-ended long tail instead. */
  rareWordRate: number;
}


const charLength = (s: string) => [...s].length;

function bump(freq: Frequencies, key: string | number, by = 1): void {
  const k = String(key);
  freq[k] = (freq[k] ?? 0) + by;
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null) return [];
  return [String(value)];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Summarises real entries into a profile. Unknown values are kept as they are (the generator filters them). */
export function profileFromEntries(entries: ReadonlyArray<{ data: Record<string, unknown>; body: string }>, source: string, topWords = 4000): CatalogueProfile {
  if (entries.length === 0) throw new Error('profileFromEntries needs at least one entry');
  const p: CatalogueProfile = {
    source,
    entries: entries.length,
    titleLengths: [],
    summaryLengths: [],
    bodyRate: 0,
    bodyLengths: [],
    charsPerHeading: 2000,
    categories: {},
    regionCounts: {},
    regions: {},
    countryCounts: {},
    countries: {},
    languageCounts: {},
    languages: {},
    sourceCounts: {},
    sources: {},
    authorCounts: {},
    authors: {},
    authorRepeatRate: 0,
    years: {},
    undatedRate: 0,
    publisherRate: 0,
    publishers: {},
    linkRate: 0,
    linkHosts: {},
    titleSuppliedRate: 0,
    titleLanguageRate: 0,
    titleLanguages: {},
    notesRate: 0,
    notesLengths: [],
    added: {},
    words: {},
    rareWordRate: 0,
  };
  const words: Frequencies = {};
  let bodies = 0;
  let headings = 0;
  let bodyChars = 0;
  for (const { data, body } of entries) {
    const title = String(data.title ?? '');
    const summary = String(data.summary ?? '');
    p.titleLengths.push(charLength(title.trim()));
    p.summaryLengths.push(charLength(summary.trim()));
    const trimmedBody = body.trim();
    if (trimmedBody) {
      bodies++;
      p.bodyLengths.push(charLength(trimmedBody));
      bodyChars += trimmedBody.length;
      headings += (trimmedBody.match(/^#{2,6} /gm) ?? []).length;
    }
    bump(p.categories, String(data.category ?? 'other'));
    const facet = (value: unknown, counts: Frequencies, values: Frequencies) => {
      const list = asStrings(value);
      bump(counts, list.length);
      for (const v of list) bump(values, v);
    };
    facet(data.region, p.regionCounts, p.regions);
    facet(data.country, p.countryCounts, p.countries);
    facet(data.languages, p.languageCounts, p.languages);
    facet(data.source, p.sourceCounts, p.sources);
    facet(data.authors, p.authorCounts, p.authors);
    if (typeof data.year === 'number') bump(p.years, data.year);
    else p.undatedRate++;
    if (data.publisher) {
      p.publisherRate++;
      bump(p.publishers, String(data.publisher));
    }
    if (typeof data.link === 'string') {
      p.linkRate++;
      try {
        bump(p.linkHosts, new URL(data.link).hostname);
      } catch {
        // an invalid link is the validator's business
      }
    }
    if (data.title_supplied === true) p.titleSuppliedRate++;
    if (typeof data.title_language === 'string') {
      p.titleLanguageRate++;
      bump(p.titleLanguages, data.title_language);
    }
    if (data.notes) {
      p.notesRate++;
      p.notesLengths.push(charLength(String(data.notes)));
    }
    const added = data.added instanceof Date ? data.added.toISOString().slice(0, 10) : String(data.added ?? '');
    if (added) bump(p.added, added);
    for (const text of [title, summary, trimmedBody.replace(/^#+ /gm, '')]) {
      for (const w of text.match(WORD) ?? []) bump(words, w);
    }
  }
  const n = entries.length;
  p.bodyRate = bodies / n;
  p.charsPerHeading = headings > 0 ? Math.round(bodyChars / headings) : 2000;
  p.undatedRate /= n;
  p.publisherRate /= n;
  p.linkRate /= n;
  p.titleSuppliedRate /= n;
  p.titleLanguageRate /= n;
  p.notesRate /= n;
  const authorOccurrences = Object.values(p.authors).reduce((a, b) => a + b, 0);
  const repeated = Object.values(p.authors)
    .filter((c) => c > 1)
    .reduce((a, b) => a + b, 0);
  p.authorRepeatRate = authorOccurrences ? repeated / authorOccurrences : 0;
  const sortedWords = Object.entries(words).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const totalWords = sortedWords.reduce((a, [, c]) => a + c, 0);
  const hapaxes = sortedWords.filter(([, c]) => c === 1).length;
  p.rareWordRate = totalWords ? hapaxes / totalWords : 0;
  p.words = Object.fromEntries(sortedWords.filter(([, c]) => c > 1).slice(0, topWords));
  return p;
}

export interface SyntheticEntry {
  /** File name without `.md`. */
  slug: string;
  /** Frontmatter as written (valid against entrySchema). */
  data: EntryInput;
  /** Markdown body ('' for most entries). */
  body: string;
}


const SYLLABLES = [
  'ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ba', 'de', 'fi', 'go', 'hu', 'ja', 'ke', 'la', 'mo', 'nu', 'pa',
  'ri', 'so', 'ta', 'ul', 'ven', 'wa', 'yo', 'zi', 'an', 'el', 'or', 'is', 'um', 'tra', 'ber', 'dor', 'gan', 'kal',
  'mar', 'nor', 'sel', 'tun', 'var',
];

/** The k-th word of an open-ended vocabulary of pronounceable pseudo-words (k ≥ 0), for long-tail words. */
function pseudoWord(k: number): string {
  let n = k + SYLLABLES.length; // at least two syllables
  let word = '';
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word;
}

/**
 * Draws a rank from a Pareto tail (P(rank ≥ r) ∝ r^-0.3): a few long-tail words recur, most are new. The
 * vocabulary then grows with the catalogue roughly as Heaps' law says real text does (V ∝ n^0.7–0.8), which is what
 * makes a search index grow.
 */
function longTailRank(rng: Rng): number {
  return Math.min(Math.floor(40 * (1 - rng()) ** (-1 / 0.3)) - 40, 1_000_000_000);
}

function jitter(rng: Rng, value: number, spread = 0.15): number {
  return Math.max(1, Math.round(value * (1 + (rng() * 2 - 1) * spread)));
}

function pickFrom(rng: Rng, list: readonly number[], fallback: number): number {
  return list.length ? list[Math.floor(rng() * list.length)]! : fallback;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);

/** Everything precomputed from a profile, shared by all entries of a run. */
function sampler(profile: CatalogueProfile, currentYear: number) {
  const table = <T>(freq: Frequencies, map: (k: string) => T | undefined, fallback: Array<[T, number]>) => {
    const rows: Array<[T, number]> = [];
    for (const [k, v] of Object.entries(freq)) {
      const mapped = map(k);
      if (mapped !== undefined) rows.push([mapped, v]);
    }
    return new WeightedTable(rows.length ? rows : fallback);
  };
  const count = (k: string) => (/^\d+$/.test(k) ? Number(k) : undefined);
  const regionSet = new Set<string>(REGIONS);
  const countrySet = new Set(COUNTRY_CODES);
  const categorySet = new Set<string>(CATEGORY_KEYS);
  const sourceSet = new Set<string>(SOURCE_KEYS);
  // Countries: the observed ones keep their weight, every other valid code gets a small one (a large library
  // covers more of the world than a hundred entries).
  const observed = Object.entries(profile.countries).filter(([k]) => countrySet.has(k));
  const minObserved = observed.length ? Math.min(...observed.map(([, v]) => v)) : 1;
  const seen = new Set(observed.map(([k]) => k));
  const words = table(profile.words, (k) => k, [['trafficking', 1]]);

  const s = {
    profile,
    categories: table<Category>(profile.categories, (k) => (categorySet.has(k) ? (k as Category) : undefined), [['report', 1]]),
    regionCounts: table(profile.regionCounts, count, [[1, 1]]),
    regions: table<Region>(profile.regions, (k) => (regionSet.has(k) ? (k as Region) : undefined), [['Worldwide', 1]]),
    countryCounts: table(profile.countryCounts, count, [[0, 1]]),
    countries: new WeightedTable<string>([
      ...observed,
      ...COUNTRY_CODES.filter((c) => !seen.has(c)).map((c): [string, number] => [c, minObserved * 0.25]),
    ]),
    languageCounts: table(profile.languageCounts, count, [[1, 1]]),
    languages: table(profile.languages, (k) => (/^[a-z]{2}$/.test(k) ? k : undefined), [['en', 1]]),
    sourceCounts: table(profile.sourceCounts, (k) => (count(k) ? count(k) : undefined), [[1, 1]]),
    sources: table<Source>(profile.sources, (k) => (sourceSet.has(k) ? (k as Source) : undefined), [['editor', 1]]),
    authorCounts: table(profile.authorCounts, count, [[1, 1]]),
    authors: table(
      Object.fromEntries(Object.entries(profile.authors).filter(([, c]) => c > 1)),
      (k) => k,
      Object.keys(profile.authors).length
        ? Object.keys(profile.authors).map((k): [string, number] => [k, 1])
        : [['United Nations Office on Drugs and Crime', 1]],
    ),
    years: table(
      profile.years,
      (k) => (/^\d{4}$/.test(k) && Number(k) >= 1900 && Number(k) <= currentYear ? Number(k) : undefined),
      [[currentYear, 1]],
    ),
    publishers: Object.keys(profile.publishers).length ? table(profile.publishers, (k) => k, []) : undefined,
    linkHosts: table(profile.linkHosts, (k) => k, [['www.example.org', 1]]),
    titleLanguages: Object.keys(profile.titleLanguages).length ? table(profile.titleLanguages, (k) => k, []) : undefined,
    added: table(profile.added, (k) => (/^\d{4}-\d{2}-\d{2}$/.test(k) ? k : undefined), [['2026-11-23', 1]]),

    word(rng: Rng): string {
      if (rng() < profile.rareWordRate) {
        const w = pseudoWord(longTailRank(rng));
        return rng() < 0.3 ? capitalise(w) : w;
      }
      return words.pick(rng);
    },

    /** Words until the text reaches about `length` characters. */
    words(rng: Rng, length: number, shape: 'title' | 'sentence'): string {
      const out: string[] = [];
      let size = 0;
      while (size < length) {
        let w = s.word(rng);
        if (shape === 'title') w = out.length > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : capitalise(w);
        out.push(w);
        size += charLength(w) + 1;
      }
      return out.join(' ');
    },

    /** Sentences of 8–25 words until about `length` characters. */
    prose(rng: Rng, length: number): string {
      const sentences: string[] = [];
      let size = 0;
      while (size < length) {
        const target = Math.min(length - size, randomInt(rng, 50, 170));
        const sentence = capitalise(s.words(rng, Math.max(10, target - 2), 'sentence')) + '.';
        sentences.push(sentence);
        size += charLength(sentence) + 1;
      }
      return sentences.join(' ');
    },

    body(rng: Rng, length: number): string {
      const parts: string[] = [];
      let size = 0;
      let sinceHeading = Infinity;
      while (size < length) {
        if (sinceHeading >= profile.charsPerHeading) {
          const heading = `## ${s.words(rng, randomInt(rng, 12, 45), 'title')}`;
          parts.push(heading);
          size += heading.length + 2;
          sinceHeading = 0;
        }
        const paragraph = s.prose(rng, Math.min(length - size, randomInt(rng, 300, 1200)));
        parts.push(paragraph);
        size += charLength(paragraph) + 2;
        sinceHeading += paragraph.length;
      }
      return parts.join('\n\n') + '\n';
    },

    personName(rng: Rng): string {
      return `${capitalise(pseudoWord(randomInt(rng, 0, 4000)))} ${capitalise(pseudoWord(randomInt(rng, 0, 60000)))}`;
    },
  };
  return s;
}
type Sampler = ReturnType<typeof sampler>;

/** Generates entry `index` of a catalogue (without its final slug). */
function generateOne(s: Sampler, rng: Rng, index: number): { data: EntryInput; body: string } {
  const p = s.profile;
  const titleLength = Math.min(TITLE_MAX - 10, jitter(rng, pickFrom(rng, p.titleLengths, 70)));
  let title = s.words(rng, Math.max(3, titleLength), 'title');
  const year = rng() < p.undatedRate ? undefined : s.years.pick(rng);
  if (year !== undefined && rng() < 0.15 && charLength(title) < TITLE_MAX - 6) title += ` ${year}`;
  title = [...title].slice(0, TITLE_MAX).join('').trim();

  const data: EntryInput = { title, category: s.categories.pick(rng), summary: '', source: [], added: '' };
  if (rng() < p.titleSuppliedRate) data.title_supplied = true;
  if (s.titleLanguages && rng() < p.titleLanguageRate) data.title_language = s.titleLanguages.pick(rng);

  const authorCount = s.authorCounts.pick(rng);
  if (authorCount > 0) {
    const authors = new Set<string>();
    for (let tries = 0; authors.size < authorCount && tries < authorCount * 20; tries++) {
      authors.add(rng() < p.authorRepeatRate || p.authorRepeatRate === 0 ? s.authors.pick(rng) : s.personName(rng));
    }
    data.authors = [...authors];
  }
  if (s.publishers && rng() < p.publisherRate) data.publisher = s.publishers.pick(rng);
  if (year !== undefined) data.year = year;
  data.region = s.regions.pickDistinct(rng, s.regionCounts.pick(rng));
  const countries = s.countries.pickDistinct(rng, s.countryCounts.pick(rng));
  if (countries.length) data.country = countries;
  // `category` is set above; keep the key order of real files for readability.
  const languageCount = s.languageCounts.pick(rng);
  if (languageCount > 0) data.languages = s.languages.pickDistinct(rng, languageCount);
  data.summary = s.prose(rng, jitter(rng, pickFrom(rng, p.summaryLengths, 300), 0.1));
  if (rng() < p.linkRate) data.link = `https://${s.linkHosts.pick(rng)}/publications/${index.toString(36)}`;
  data.source = s.sources.pickDistinct(rng, Math.max(1, s.sourceCounts.pick(rng)));
  // Notes never cite a source file or line (the reader-notes rule), which random prose can ("… the line 2023 …").
  if (rng() < p.notesRate) data.notes = s.prose(rng, jitter(rng, pickFrom(rng, p.notesLengths, 120))).replace(FILE_LINE_REFERENCES, 'the listing');
  data.added = s.added.pick(rng);
  const body = rng() < p.bodyRate ? s.body(rng, jitter(rng, pickFrom(rng, p.bodyLengths, 5000), 0.1)) : '';
  return { data, body };
}

function slugBaseOf(title: string): string {
  return slugify(title).slice(0, 80).replace(/-[^-]*$/, '') || 'entry';
}

/** Key order of real files (title first, added last), so generated files read like the real ones. */
const KEY_ORDER = [
  'title', 'title_supplied', 'title_language', 'authors', 'publisher', 'year', 'region', 'country', 'category',
  'languages', 'summary', 'link', 'source', 'notes', 'added',
];

/** `count` entries, the same for a given profile, seed and current year (the newest year the schema allows). */
export function generateEntries(profile: CatalogueProfile, count: number, options: { seed?: string | number; currentYear: number }): SyntheticEntry[] {
  const s = sampler(profile, options.currentYear);
  const seed = String(options.seed ?? 'catalogue-bench');
  const taken = new Set<string>();
  const titles = new Set<string>();
  const out: SyntheticEntry[] = [];
  for (let i = 0; i < count; i++) {
    const rng = createRng(`${seed}:${i}`);
    const { data, body } = generateOne(s, rng, i);
    // Two files with the same title (and year) are the same publication to the validator: keep titles distinct, as a
    // real catalogue's are, by adding a long-tail word until the title is new.
    while (titles.has(normaliseTitle(data.title)) && [...data.title].length < TITLE_MAX - 20) {
      data.title = `${data.title} ${capitalise(pseudoWord(longTailRank(rng) + 1000))}`;
    }
    titles.add(normaliseTitle(data.title));
    const slugBase = slugBaseOf(data.title);
    let slug = slugBase;
    for (let n = 2; taken.has(slug); n++) slug = `${slugBase}-${n}`;
    taken.add(slug);
    const ordered = Object.fromEntries(
      KEY_ORDER.filter((k) => (data as Record<string, unknown>)[k] !== undefined).map((k) => [
        k,
        (data as Record<string, unknown>)[k],
      ]),
    ) as EntryInput;
    out.push({ slug, data: ordered, body });
  }
  return out;
}

/** The Markdown file for an entry: YAML frontmatter and body. */
export function toMarkdown(entry: SyntheticEntry): string {
  const yaml = stringify(entry.data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n${entry.body ? `\n${entry.body}` : ''}`;
}

/** The median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The pages of entry `index`'s synthetic document (issue 21's benchmark), in the profile's words: `pages` texts of
 * about 2,000 characters, each carrying the word DOCUMENT_WORD, so a query for it can only be answered by document pages.
 */
export const DOCUMENT_WORD = 'quillmarrow';
export function documentPages(profile: CatalogueProfile, seed: string, index: number, pages: number, currentYear: number): string[] {
  const s = sampler(profile, currentYear);
  const rng = createRng(`${seed}:document:${index}`);
  return Array.from({ length: pages }, (_, p) => `${s.prose(rng, 2000)} ${DOCUMENT_WORD} ${p + 1}.`);
}
