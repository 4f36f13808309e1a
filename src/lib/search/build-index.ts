import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { SOURCES } from '../schema/sources';
import { searchExpansion } from './expand';
import { indexedDocument, indexedText, withExpansion, withoutFieldList, withoutTexts } from './page-text';
import { VOCABULARY_FILE, VocabularyBuilder } from './vocabulary';

/**
 * Builds the Pagefind search index over a finished site through Pagefind's Node API (no third-party integration).
 * It runs as its own step after `astro build` has exited (scripts/build-search-index.ts, the last part of `npm run build`),
 * not inside the build: at 100,000 entries Astro's process holds 3–4 GB until it exits and Pagefind's grows to 4 GB,
 * so indexing inside `astro:build:done` made the peak their sum (bench/analysis.md).
 *
 * Besides what Pagefind does by itself, for every indexed page (one with `data-pagefind-body`):
 * - the page is indexed with a hidden expansion (expand.ts: other names of the organisations, places and terms it
 *   names, other spellings of its words), so "ILO" finds "International Labour Organization" and "labour" finds
 *   "labor". Only the copy handed to Pagefind gets it; the served HTML is unchanged;
 * - its words go into the spelling vocabulary, written to `search/vocabulary.json` for did-you-mean;
 * - the provenance labels (where the record came from: "Source listing: … (part B: IOM, UNHCR, UN, …)") are left
 *   out of the index: they are about the record, not the publication, and would make every entry from one
 *   listing match "UNHCR".
 */
const PROVENANCE_LABELS = [...Object.values(SOURCES), "Where this record's details come from:"];

/**
 * Parts of a publication page kept out of the indexed body text, so that excerpts come from the summary and the
 * full text instead of repeating the title and the record's field labels ("Year Undated. Category Report …"). What
 * they hold stays searchable as metadata: the title (`data-pagefind-meta="title"`, counted five times) and the
 * record's values (SearchData.astro: authors, publisher, places, languages, year, category).
 */
const EXCLUDED_FROM_BODY = [
  'article[data-pagefind-body] > h1',
  'dl.fields',
  'article[data-pagefind-body] > p.muted',
  // "Summary", "Provenance": the same words on every page.
  'article[data-pagefind-body] > h2',
];

export interface SearchIndexStats {
  /** Pages in the index. */
  pages: number;
  /** Of those, pages indexed with synonyms or spelling variants added. */
  expanded: number;
  /** Words written for spelling suggestions. */
  words: number;
  seconds: number;
}

/** The one line the build prints; the benchmark reads the page count and seconds back from it. */
export function describeIndex({ pages, expanded, words, seconds }: SearchIndexStats): string {
  return (
    `Pagefind indexed ${pages} pages (${expanded} with synonyms or spelling variants added) and wrote ` +
    `${words} words for spelling suggestions in ${seconds.toFixed(1)} s`
  );
}

/**
 * Indexes the publication pages of the site in `siteDir` into `<siteDir>/pagefind/` and writes the spelling
 * vocabulary. Throws an Error that says what failed (its `cause` holds Pagefind's or the file system's error).
 */
export async function buildSearchIndex(siteDir: string): Promise<SearchIndexStats> {
  const started = performance.now();
  try {
    const files = await publicationPages(siteDir);
    const { index, errors: createErrors } = await pagefind.createIndex({
      forceLanguage: 'en',
      excludeSelectors: EXCLUDED_FROM_BODY,
    });
    if (!index) throw new Error(createErrors.join('; ') || 'createIndex returned no index');
    const vocabulary = new VocabularyBuilder();
    let pages = 0;
    let expanded = 0;
    // Pagefind parses pages in its own process. Sixteen pages in flight, each replaced as soon as it is done, so
    // reading and expanding the next pages here overlaps with Pagefind parsing the previous ones on the other core
    // (rather than waiting for whole batches, which leaves each side idle while the other finishes a batch).
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const file = files[next++]!;
        const page = await readFile(file, 'utf8').catch(ifMissing(undefined));
        if (page === undefined) continue; // a folder of list pages ("publications/page/"), not a publication
        // Reduced once to the part Pagefind reads; everything after works on that small document.
        const reduced = indexedDocument(page);
        if (reduced === undefined) continue; // not a page Pagefind indexes (no data-pagefind-body)
        const html = withoutTexts(reduced, PROVENANCE_LABELS);
        const text = indexedText(html)!;
        const expansion = searchExpansion(text);
        vocabulary.addPage(text, expansion.join(' '));
        const content = withExpansion(withoutFieldList(html), expansion);
        const added = await index.addHTMLFile({ url: pageUrl(siteDir, file), content });
        if (added.errors.length) throw new Error(`${file}: ${added.errors.join('; ')}`);
        pages += 1;
        if (expansion.length) expanded += 1;
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    const vocabularyPath = join(siteDir, VOCABULARY_FILE);
    await mkdir(dirname(vocabularyPath), { recursive: true });
    await writeFile(vocabularyPath, JSON.stringify(vocabulary.toFile()));
    return { pages, expanded, words: vocabulary.size, seconds: (performance.now() - started) / 1000 };
  } catch (cause) {
    throw new Error(`Building the Pagefind search index of ${siteDir} failed`, { cause });
  } finally {
    await pagefind.close();
  }
}

/**
 * The publication pages ("<root>/publications/<slug>/index.html"): the only pages with `data-pagefind-body`.
 * Browse lists, data and help pages are not search results, and reading them all cost time at 10,000 entries.
 */
async function publicationPages(root: string): Promise<string[]> {
  const folders = await readdir(join(root, 'publications'), { withFileTypes: true });
  return folders
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'publications', entry.name, 'index.html'))
    .sort();
}

/** For `.catch()`: the fallback when the file does not exist; any other error is rethrown. */
function ifMissing<T>(fallback: T): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}

/** "/abs/dist/publications/x/index.html" → "/publications/x/" (the site is built with directory URLs). */
function pageUrl(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}
