/**
 * The catalogue's health, for editors (`npm run report`) and for readers (`/about/data/`): how many publications
 * carry each facet value, which entries lack a year, authors, languages or a link, which titles were supplied by
 * the catalogue, and which entries may describe the same publication twice.
 *
 * Pure: give it the publications, it gives back data. The CLI and the page only format it.
 */
import { distance } from 'fastest-levenshtein';
import { displayTitle, type Publication } from './catalogue';
import { buildFacets, FACET_KEYS, FACETS, type FacetKey, type Facets } from './facets';
import { documentAccess, GENERAL_SEARCHES } from './find-a-copy';
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

/** How readers can get the documents: a link, or only the "Find a copy" searches (see src/lib/find-a-copy.ts). */
export interface AccessCounts {
  /** Records whose document the catalogue publishes itself (src/lib/documents/). */
  withCopy: number;
  /** Records with a link to the publication (and no copy of the catalogue's own). */
  withLink: number;
  /** Records without one, which offer searches instead (every one of them does). */
  withSearches: number;
  /** Of those, the records whose publisher's own site search is among them. */
  withPublisherSearch: number;
}

export interface CatalogueReport {
  total: number;
  access: AccessCounts;
  /** Records with neither an author nor a publisher. */
  noAuthorOrPublisher: ReportEntry[];
  /** Records whose publisher the catalogue supplied from the listing (shown in [brackets]). */
  suppliedPublishers: ReportEntry[];
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
  /** `facets`: the site's, when already built for these publications (the page has them; saves building twice). */
  options: { similarity?: number; facets?: Facets } = {},
): CatalogueReport {
  const similarity = options.similarity ?? NEAR_DUPLICATE_SIMILARITY;
  const sorted = [...publications].sort((a, b) => compareText(a.slug, b.slug));
  const facetValues = (options.facets ?? buildFacets(sorted)).values;
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
  const noAuthorOrPublisher: ReportEntry[] = [];
  const suppliedPublishers: ReportEntry[] = [];
  const access: AccessCounts = { withCopy: 0, withLink: 0, withSearches: 0, withPublisherSearch: 0 };
  for (const publication of sorted) {
    const { data } = publication;
    const way = documentAccess(publication);
    if (way.kind === 'copy') access.withCopy++;
    else if (way.kind === 'link') access.withLink++;
    else {
      access.withSearches++;
      if (way.searches.length > GENERAL_SEARCHES.length) access.withPublisherSearch++;
    }
    if (!data.authors?.length && !data.publisher) noAuthorOrPublisher.push(ref(publication));
    if (data.publisher_supplied) suppliedPublishers.push(ref(publication));
    if (data.year === undefined) missing.year.push(ref(publication));
    if (!data.authors?.length) missing.authors.push(ref(publication));
    if (!data.languages?.length) missing.languages.push(ref(publication));
    if (!data.link) missing.link.push(ref(publication));
    if (data.title_supplied) suppliedTitles.push(ref(publication));
  }

  return {
    total: publications.length,
    access,
    noAuthorOrPublisher,
    suppliedPublishers,
    facets,
    missing,
    suppliedTitles,
    ...findSimilarTitles(sorted, similarity),
    similarity,
  };
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
 * Comparing every pair is quadratic: 100,000 entries make 5 billion pairs. So each title is filed under its
 * RARE_WORDS least common words (counted over the whole catalogue), and only titles filed under the same word are
 * compared. Two titles that differ by at most RARE_WORDS − 1 words (changed, added or removed) are always compared:
 * the least common of the words they share is among the least common of each. Titles that differ more are rarely
 * 90% alike.
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

/** How many of a title's least common words it is looked up by (see findSimilarTitles). */
export const RARE_WORDS = 3;

/** Index pairs [i, j] (i < j) of strings whose titleSimilarity is at least `threshold`. */
export function similarPairs(strings: readonly string[], threshold: number): Array<[number, number]> {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`similarity threshold must be in (0, 1], not ${threshold}`);
  const words = strings.map((s) => [...new Set(s.split(/[^\p{L}\p{N}]+/u).filter(Boolean))]);
  const frequency = new Map<string, number>();
  for (const list of words) for (const word of list) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  // Each title is filed under its least common words (ties in a fixed order, the same for every title).
  const filed = new Map<string, number[]>();
  const chosen = words.map((list, i) => {
    const least = [...list]
      .sort((x, y) => frequency.get(x)! - frequency.get(y)! || compareText(x, y))
      .slice(0, RARE_WORDS);
    for (const word of least) {
      const titles = filed.get(word);
      if (titles) titles.push(i);
      else filed.set(word, [i]);
    }
    return least;
  });
  // Lists in order of length, so a title's possible partners (no longer than length / threshold) follow it
  // directly and the scan stops at the first one too long. Each title remembers its place in each list.
  const byLength = (a: number, b: number) => strings[a]!.length - strings[b]!.length || a - b;
  const place = new Map<string, Map<number, number>>();
  for (const [word, titles] of filed) {
    titles.sort(byLength);
    place.set(word, new Map(titles.map((title, at) => [title, at])));
  }

  // Cheap lower bound on the edit distance before it is computed: half the difference in how often each character
  // occurs (one edit changes at most two counts).
  const histograms = strings.map(characterHistogram);
  const pairs: Array<[number, number]> = [];
  const lastSeen = new Int32Array(strings.length).fill(-1);
  for (let a = 0; a < strings.length; a++) {
    const x = strings[a]!;
    const longest = x.length / threshold + 1e-9;
    for (const word of chosen[a]!) {
      const titles = filed.get(word)!;
      for (let k = place.get(word)!.get(a)! + 1; k < titles.length; k++) {
        const b = titles[k]!;
        const y = strings[b]!;
        if (y.length > longest) break;
        if (lastSeen[b] === a) continue;
        lastSeen[b] = a;
        const allowed = (1 - threshold) * y.length + 1e-9;
        if (histogramDistance(histograms[a]!, histograms[b]!, 2 * allowed) / 2 > allowed) continue;
        if (titleSimilarity(x, y) >= threshold - 1e-12) pairs.push(a < b ? [a, b] : [b, a]);
      }
    }
  }
  // Titles without a single letter or digit have no words to be found by: compare them with each other.
  const wordless = words.flatMap((list, i) => (list.length === 0 ? [i] : []));
  for (let i = 0; i < wordless.length; i++) {
    for (let j = i + 1; j < wordless.length; j++) {
      const [a, b] = [wordless[i]!, wordless[j]!];
      if (titleSimilarity(strings[a]!, strings[b]!) >= threshold - 1e-12) pairs.push([a, b]);
    }
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

const BUCKETS = 64;

/** How often each character occurs, folded into 64 buckets (sharing a bucket only makes the bound weaker). */
function characterHistogram(s: string): Uint16Array {
  const counts = new Uint16Array(BUCKETS);
  for (let i = 0; i < s.length; i++) counts[s.charCodeAt(i) % BUCKETS]!++;
  return counts;
}

/** The L1 distance of two histograms, or any value above `stop` once it is known to exceed it. */
function histogramDistance(x: Uint16Array, y: Uint16Array, stop: number): number {
  let sum = 0;
  for (let i = 0; i < BUCKETS && sum <= stop; i++) sum += Math.abs(x[i]! - y[i]!);
  return sum;
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

  lines.push('', 'Getting the publication');
  lines.push(`  with the catalogue's own copy of the document: ${share(report.access.withCopy, report.total)}`);
  lines.push(`  with a link: ${share(report.access.withLink, report.total)}`);
  lines.push(`  without a link, "Find a copy" searches instead: ${share(report.access.withSearches, report.total)}`);
  lines.push(`    of which with a search of the publisher's own site: ${share(report.access.withPublisherSearch, report.total)}`);

  lines.push('', 'Missing fields');
  for (const field of REPORTED_MISSING) {
    const list = report.missing[field];
    lines.push(`  no ${field}: ${share(list.length, report.total)}`);
    for (const e of list) lines.push(entryLine(e));
  }

  lines.push(`  no author and no publisher: ${share(report.noAuthorOrPublisher.length, report.total)}`);
  for (const e of report.noAuthorOrPublisher) lines.push(entryLine(e));

  lines.push('', `Supplied titles (shown in [brackets]): ${report.suppliedTitles.length}`);
  for (const e of report.suppliedTitles) lines.push(entryLine(e));

  lines.push('', `Supplied publishers (shown in [brackets]): ${report.suppliedPublishers.length}`);
  for (const e of report.suppliedPublishers) lines.push(entryLine(e));

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
