/**
 * The catalogue's health, for editors (`npm run report`) and for readers (`/about/data/`): how many publications
 * carry each facet value, which entries lack a year, authors, languages or a link, which titles were supplied by
 * the catalogue, and which entries may describe the same publication twice.
 *
 * Pure: give it the publications, it gives back data. The CLI and the page only format it.
 */
import { distance } from 'fastest-levenshtein';
import { displayTitle, type Publication } from './catalogue';
import { buildFacets, FACET_KEYS, FACETS, type FacetKey } from './facets';
import { normaliseTitle } from './validate/rules/duplicates';

/**
 * Two titles are near-duplicates when their normalised edit-distance similarity is at least this:
 * `1 − levenshtein(a, b) / max(length a, length b)`, on titles normalised the way the validator's duplicate
 * rule compares them (case, Unicode forms, dashes, quotes and spacing ignored).
 *
 * 0.9 means at most one character in ten differs: it catches a typo, a dropped word or a changed article in a
 * title of 40 characters or more, and leaves alone titles that only share a common phrase ("… trafficking in
 * persons …"). Pairs about different countries (both list countries, none in common: "… in Niger" and
 * "… in Nigeria") are not reported, and same-title editions of different years are listed as editions instead.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.9;

/** The fields whose absence the report counts. */
export const REPORTED_MISSING = ['year', 'authors', 'languages', 'link'] as const;
export type MissingField = (typeof REPORTED_MISSING)[number];

export interface ReportEntry {
  slug: string;
  /** As readers see it: supplied titles in [brackets]. */
  title: string;
  year?: number;
}

export interface FacetCount {
  /** As stored: "NG", "model-law", "2019", "undated". */
  key: string;
  /** In words: "Nigeria", "Model law". */
  name: string;
  /** The browse page that lists them. */
  path: string;
  count: number;
}

export interface NearDuplicate {
  a: ReportEntry;
  b: ReportEntry;
  /** 0–1, see NEAR_DUPLICATE_SIMILARITY. */
  similarity: number;
}

export interface Editions {
  /** The title of the newest edition. */
  title: string;
  /** Oldest first. */
  entries: ReportEntry[];
}

export interface CatalogueReport {
  total: number;
  /** Every value of every facet with its count, in the browse pages' order. */
  facets: Record<FacetKey, FacetCount[]>;
  missing: Record<MissingField, ReportEntry[]>;
  suppliedTitles: ReportEntry[];
  nearDuplicates: NearDuplicate[];
  editions: Editions[];
  /** The threshold the near-duplicates were found with. */
  similarity: number;
}

export function buildReport(
  publications: readonly Publication[],
  options: { similarity?: number } = {},
): CatalogueReport {
  const similarity = options.similarity ?? NEAR_DUPLICATE_SIMILARITY;
  const sorted = [...publications].sort((a, b) => compareText(a.slug, b.slug));
  const facetValues = buildFacets(sorted).values;
  const facets = Object.fromEntries(
    FACET_KEYS.map((facet) => [
      facet,
      facetValues[facet].map((v) => ({ key: v.key, name: v.name, path: v.path, count: v.publications.length })),
    ]),
  ) as Record<FacetKey, FacetCount[]>;

  const missing = Object.fromEntries(REPORTED_MISSING.map((field) => [field, [] as ReportEntry[]])) as Record<
    MissingField,
    ReportEntry[]
  >;
  const suppliedTitles: ReportEntry[] = [];
  for (const publication of sorted) {
    const { data } = publication;
    if (data.year === undefined) missing.year.push(ref(publication));
    if (!data.authors?.length) missing.authors.push(ref(publication));
    if (!data.languages?.length) missing.languages.push(ref(publication));
    if (!data.link) missing.link.push(ref(publication));
    if (data.title_supplied) suppliedTitles.push(ref(publication));
  }

  return { total: publications.length, facets, missing, suppliedTitles, ...findSimilarTitles(sorted, similarity), similarity };
}

function ref({ slug, data }: Publication): ReportEntry {
  return { slug, title: displayTitle(data), ...(data.year !== undefined ? { year: data.year } : {}) };
}

/** `1 − levenshtein / longer length`: 1 for equal strings, 0 for nothing in common. */
export function titleSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/** The normalised title without years ("Trafficking in Persons Report 2023" → "trafficking in persons report"). */
export function editionKey(normalisedTitle: string): string {
  return normalisedTitle
    .replace(/(?<![\p{L}\p{N}])(?:1[89]|20)\d\d(?![\p{L}\p{N}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Editions: entries whose titles are the same apart from years, with different known years (the 2022 and 2023
 * Trafficking in Persons Reports). Near-duplicates: every other pair at least `threshold` similar.
 *
 * Comparing every pair is quadratic; with 10,000 entries that is 50 million edit distances. Instead, each title's
 * character trigrams are ranked rarest first, and a pair is only compared when the first few trigrams of one
 * ("prefix") share one with the other's. This misses no pair: an edit changes at most 3 trigrams, so two titles
 * within k edits share all but 3k of their trigrams, and then their prefixes of 3k + 1 rarest trigrams must meet.
 * A count of shared trigrams rules out most remaining candidates before the edit distance is computed.
 */
export function findSimilarTitles(
  publications: readonly Publication[],
  threshold = NEAR_DUPLICATE_SIMILARITY,
): { nearDuplicates: NearDuplicate[]; editions: Editions[] } {
  const items = publications.map((publication) => {
    const title = normaliseTitle(publication.data.title);
    return { publication, title, edition: editionKey(title) };
  });

  const editions = findEditions(items);
  const editionPairs = new Set<string>();
  for (const group of editions) {
    for (const a of group.entries) {
      for (const b of group.entries) if (a.year !== b.year) editionPairs.add(`${a.slug}\n${b.slug}`);
    }
  }

  const nearDuplicates: NearDuplicate[] = [];
  for (const [i, j] of similarPairs(
    items.map((item) => item.title),
    threshold,
  )) {
    const a = items[i]!;
    const b = items[j]!;
    if (editionPairs.has(`${a.publication.slug}\n${b.publication.slug}`)) continue;
    if (aboutDifferentCountries(a.publication, b.publication)) continue;
    const [first, second] = compareText(a.publication.slug, b.publication.slug) <= 0 ? [a, b] : [b, a];
    nearDuplicates.push({
      a: ref(first.publication),
      b: ref(second.publication),
      similarity: titleSimilarity(a.title, b.title),
    });
  }
  nearDuplicates.sort((x, y) => y.similarity - x.similarity || compareText(x.a.slug, y.a.slug) || compareText(x.b.slug, y.b.slug));
  return { nearDuplicates, editions };
}

function findEditions(items: ReadonlyArray<{ publication: Publication; edition: string }>): Editions[] {
  const groups = new Map<string, Publication[]>();
  for (const { publication, edition } of items) {
    if (publication.data.year === undefined || edition === '') continue;
    const group = groups.get(edition);
    if (group) group.push(publication);
    else groups.set(edition, [publication]);
  }
  const editions: Editions[] = [];
  for (const group of groups.values()) {
    if (new Set(group.map((p) => p.data.year)).size < 2) continue;
    group.sort((a, b) => a.data.year! - b.data.year! || compareText(a.slug, b.slug));
    editions.push({ title: displayTitle(group.at(-1)!.data), entries: group.map(ref) });
  }
  return editions.sort((a, b) => compareText(a.title.toLowerCase(), b.title.toLowerCase()));
}

/** Both name countries and share none: a title pattern repeated per country, not one publication twice. */
function aboutDifferentCountries(a: Publication, b: Publication): boolean {
  if (!a.data.country.length || !b.data.country.length) return false;
  return !a.data.country.some((code) => b.data.country.includes(code));
}

const GRAM = 3;

/** Index pairs [i, j] (i < j) of strings whose titleSimilarity is at least `threshold`. */
export function similarPairs(strings: readonly string[], threshold: number): Array<[number, number]> {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`similarity threshold must be in (0, 1], not ${threshold}`);
  const lengths = strings.map((s) => s.length);
  // Largest edit distance to a partner that could still be similar enough. A partner is at most length/threshold
  // long (longer ones differ in length by more than they may differ at all).
  const maxEdits = (length: number) => Math.floor(((1 - threshold) * length) / threshold + 1e-9);

  // Trigrams as numbers ranked rarest first; a repeated trigram is counted as a second, distinct one.
  const gramStrings = strings.map((s) => {
    const seen = new Map<string, number>();
    const grams: string[] = [];
    for (let i = 0; i + GRAM <= s.length; i++) {
      const g = s.slice(i, i + GRAM);
      const n = (seen.get(g) ?? 0) + 1;
      seen.set(g, n);
      grams.push(n === 1 ? g : `${g}\u0000${n}`);
    }
    return grams;
  });
  const frequency = new Map<string, number>();
  for (const grams of gramStrings) for (const g of grams) frequency.set(g, (frequency.get(g) ?? 0) + 1);
  const rank = new Map<string, number>();
  [...frequency.keys()]
    .sort((x, y) => frequency.get(x)! - frequency.get(y)! || compareText(x, y))
    .forEach((g, i) => rank.set(g, i));
  const grams = gramStrings.map((list) => Int32Array.from(list, (g) => rank.get(g)!).sort());

  // Shortest first, so every earlier string is a possible shorter partner and index lists are in length order.
  const order = strings.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const index: number[][] = Array.from({ length: rank.size }, () => []);
  const start = new Int32Array(rank.size);
  const lastSeen = new Int32Array(strings.length).fill(-1);
  const pairs: Array<[number, number]> = [];
  // Strings too short for the trigram filter to prove anything are compared with every possible partner.
  const unfiltered: number[] = [];

  for (const a of order) {
    const length = lengths[a]!;
    const own = grams[a]!;
    const prefix = Math.min(own.length, GRAM * maxEdits(length) + 1);
    const minPartnerLength = threshold * length - 1e-9;
    const check = (b: number) => {
      if (lastSeen[b] === a) return;
      lastSeen[b] = a;
      if (lengths[b]! < minPartnerLength) return;
      // Shared trigrams needed: all but 3 per allowed edit (this string is the longer one).
      const allowed = Math.floor((1 - threshold) * length + 1e-9);
      if (own.length - GRAM * allowed > 0 && sharedCount(own, grams[b]!) < own.length - GRAM * allowed) return;
      if (titleSimilarity(strings[a]!, strings[b]!) >= threshold - 1e-12) pairs.push(a < b ? [a, b] : [b, a]);
    };
    for (const b of unfiltered) check(b);
    for (let p = 0; p < prefix; p++) {
      const g = own[p]!;
      const list = index[g]!;
      let s = start[g]!;
      while (s < list.length && lengths[list[s]!]! < minPartnerLength) s++;
      start[g] = s;
      for (let k = s; k < list.length; k++) check(list[k]!);
    }
    if (own.length - GRAM * maxEdits(length) <= 0) {
      // Too short to need any shared trigram: every later (longer or equal) string must compare with it.
      unfiltered.push(a);
    } else {
      for (let p = 0; p < prefix; p++) index[own[p]!]!.push(a);
    }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** Number of values two sorted arrays share. */
function sharedCount(x: Int32Array, y: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      n++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return n;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The facet's heading, for formatters. */
export function facetHeading(facet: FacetKey): string {
  return FACETS[facet].plural;
}

/** "3 of 103 (3%)" */
export function share(count: number, total: number): string {
  const percent = total === 0 ? 0 : Math.round((count / total) * 100);
  return `${count.toLocaleString('en')} of ${total.toLocaleString('en')} (${percent}%)`;
}

/** The plain-text report `npm run report` prints. Facets show their `top` most frequent values unless `all`. */
export function formatReport(report: CatalogueReport, options: { all?: boolean; top?: number; source?: string } = {}): string {
  const top = options.all ? Infinity : (options.top ?? 15);
  const lines: string[] = [];
  const entryLine = (e: ReportEntry) => `    ${e.slug}  ${e.title}${e.year !== undefined ? ` (${e.year})` : ''}`;
  lines.push(`Catalogue health: ${report.total.toLocaleString('en')} publications${options.source ? ` in ${options.source}` : ''}`);

  lines.push('', 'Publications per value');
  for (const facet of FACET_KEYS) {
    const values = report.facets[facet];
    const shown = facet === 'region' || facet === 'category' || facet === 'year' || options.all
      ? values
      : [...values].sort((a, b) => b.count - a.count || compareText(a.name, b.name)).slice(0, top);
    const rest = values.length - shown.length;
    lines.push(`  ${facetHeading(facet)} (${values.length} ${values.length === 1 ? 'value' : 'values'})`);
    for (const v of shown) lines.push(`    ${String(v.count).padStart(5)}  ${v.name}${v.name !== v.key && facet !== 'category' ? ` [${v.key}]` : ''}`);
    if (rest > 0) lines.push(`    … and ${rest} more (npm run report -- --all lists every value)`);
  }

  lines.push('', 'Missing fields');
  for (const field of REPORTED_MISSING) {
    const list = report.missing[field];
    lines.push(`  no ${field}: ${share(list.length, report.total)}`);
    for (const e of list) lines.push(entryLine(e));
  }

  lines.push('', `Supplied titles (shown in [brackets]): ${report.suppliedTitles.length}`);
  for (const e of report.suppliedTitles) lines.push(entryLine(e));

  lines.push(
    '',
    `Possible duplicates (titles at least ${Math.round(report.similarity * 100)}% similar): ${report.nearDuplicates.length} pairs`,
  );
  for (const d of report.nearDuplicates) {
    lines.push(`  ${Math.floor(d.similarity * 100)}% similar:`, entryLine(d.a), entryLine(d.b));
  }

  lines.push('', `Editions (the same title in different years): ${report.editions.length}`);
  for (const group of report.editions) {
    lines.push(`  ${group.title}`);
    for (const e of group.entries) lines.push(`    ${e.year}  ${e.slug}`);
  }
  return lines.join('\n') + '\n';
}
