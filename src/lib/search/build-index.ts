import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { loadDocuments, type IndexedDocument } from '../documents/load';
import { DOCUMENTS_INDEX_DIR } from '../documents/records';
import { SOURCES } from '../schema/sources';
import { catalogueAcronyms } from './acronyms';
import { compileSynonyms, searchExpansion, type CompiledSynonyms } from './expand';
import { SYNONYMS } from './synonyms';
import { indexedDocument, indexedText, withExpansion, withoutFieldList, withoutTexts } from './page-text';
import { MAX_SHARD_PAGES, planShards, SHARD_MANIFEST_FILE, shardDir, type ShardManifest } from './shards';
import { SORT_KEYS, UNDATED_NEWEST_FIRST } from './state';
import { VOCABULARY_FILE, VocabularyBuilder } from './vocabulary';
import { RESULT_SLUGS_FILE } from './export-results';

/**
 * Builds the Pagefind search index over a finished site through Pagefind's Node API (no third-party integration):
 * one index, or above MAX_SHARD_PAGES publications several shards cut by year, built one after another and listed in
 * `pagefind/shards.json` (see shards.ts).
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
  /** Pagefind indexes written (shards.ts): 1 up to MAX_SHARD_PAGES publications. */
  shards: number;
  /** Of those, pages indexed with synonyms or spelling variants added. */
  expanded: number;
  /** Words written for spelling suggestions. */
  words: number;
  /** Pages of publications' documents indexed, each its own result (src/lib/documents/). */
  documentPages: number;
  seconds: number;
}

/** The one line the build prints; the benchmark reads the page count and seconds back from it. */
export function describeIndex({ pages, shards, expanded, words, documentPages, seconds }: SearchIndexStats): string {
  return (
    `Pagefind indexed ${pages} pages (${expanded} with synonyms or spelling variants added) in ` +
    `${shards === 1 ? 'one index' : `${shards} shards`} and wrote ` +
    `${words} words for spelling suggestions in ${seconds.toFixed(1)} s` +
    (documentPages ? `; ${documentPages} pages of documents in an index of their own` : '')
  );
}

export interface BuildSearchIndexOptions {
  /** Publications per shard at most (shards.ts); the CLI takes it from SHARD_PAGES_ENV. */
  maxShardPages?: number;
  /** The entries' folder, whose sibling documents/ holds their documents (none indexed without it; the CLI passes the build's). */
  contentDir?: string;
  /** Where extracted document pages are kept between builds (default: Astro's cache folder). */
  cacheDir?: string;
}

/**
 * Indexes the publication pages of the site in `siteDir` into `<siteDir>/pagefind/` (and its shard folders) and
 * writes the spelling vocabulary. Throws an Error that says what failed (its `cause` holds Pagefind's or the file
 * system's error).
 */
export async function buildSearchIndex(
  siteDir: string,
  {
    maxShardPages = MAX_SHARD_PAGES,
    contentDir,
    cacheDir = process.env.CATALOGUE_CACHE_DIR ?? 'node_modules/.astro',
  }: BuildSearchIndexOptions = {},
): Promise<SearchIndexStats> {
  const started = performance.now();
  try {
    const files = await publicationPages(siteDir);
    const documents = contentDir === undefined ? [] : await loadDocuments(contentDir, cacheDir);
    // The step owns pagefind/: a shard folder left by an earlier, larger build must not stay behind.
    await rm(join(siteDir, 'pagefind'), { recursive: true, force: true });
    // Years are only needed to cut shards: a catalogue that fits in one is not read twice.
    const plan = planShards(
      files.length <= maxShardPages ? files.map((key) => ({ key, year: undefined })) : await withYears(files),
      maxShardPages,
    );
    const vocabulary = new VocabularyBuilder();
    const manifest: ShardManifest = { shards: [] };
    const ids: Record<string, string> = {};
    const synonyms = compileSynonyms([...SYNONYMS, ...(await acronymsOf(siteDir))]);
    let pages = 0;
    let expanded = 0;
    for (const [i, shard] of plan.entries()) {
      const added = await indexShard(
        shard.pages.map((page) => page.key),
        siteDir,
        join(siteDir, shardDir(i)),
        vocabulary,
        synonyms,
      );
      pages += added.pages;
      expanded += added.expanded;
      Object.assign(ids, await resultSlugs(join(siteDir, shardDir(i))));
      manifest.shards.push({ dir: shardDir(i), dated: shard.dated, pages: added.pages });
    }
    await writeFile(join(siteDir, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
    const documentPages = await indexDocuments(documents, join(siteDir, DOCUMENTS_INDEX_DIR));
    const vocabularyPath = join(siteDir, VOCABULARY_FILE);
    await mkdir(dirname(vocabularyPath), { recursive: true });
    await mkdir(dirname(join(siteDir, RESULT_SLUGS_FILE)), { recursive: true });
    await writeFile(join(siteDir, RESULT_SLUGS_FILE), JSON.stringify(ids));
    await writeFile(vocabularyPath, JSON.stringify(vocabulary.toFile()));
    return {
      pages,
      shards: plan.length,
      expanded,
      words: vocabulary.size,
      documentPages,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (cause) {
    throw new Error(`Building the Pagefind search index of ${siteDir} failed`, { cause });
  } finally {
    await pagefind.close();
  }
}

/**
 * One Pagefind index over `files`, written to `outputPath` and then dropped from Pagefind's process, so that the
 * next shard does not add to its memory.
 */
async function indexShard(
  files: readonly string[],
  siteDir: string,
  outputPath: string,
  vocabulary: VocabularyBuilder,
  synonyms: CompiledSynonyms,
) {
  const { index, errors: createErrors } = await pagefind.createIndex({
    forceLanguage: 'en',
    excludeSelectors: EXCLUDED_FROM_BODY,
  });
  if (!index) throw new Error(createErrors.join('; ') || 'createIndex returned no index');
  let pages = 0;
  let expanded = 0;
  await inLanes(files, async (file) => {
    const page = await readFile(file, 'utf8');
    // Reduced once to the part Pagefind reads; everything after works on that small document.
    const reduced = indexedDocument(page);
    if (reduced === undefined) return; // not a page Pagefind indexes (no data-pagefind-body)
    const html = withoutTexts(reduced, PROVENANCE_LABELS);
    const text = indexedText(html)!;
    const expansion = searchExpansion(text, synonyms);
    vocabulary.addPage(text, expansion.join(' '));
    const content = withExpansion(withoutFieldList(html), expansion);
    const added = await index.addHTMLFile({ url: pageUrl(siteDir, file), content });
    if (added.errors.length) throw new Error(`${file}: ${added.errors.join('; ')}`);
    pages += 1;
    if (expansion.length) expanded += 1;
  });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  return { pages, expanded };
}

/**
 * The acronyms the catalogue spells out in its titles, authors and publishers (acronyms.ts), read from the open
 * dataset the build has just written (/data/catalogue.json); none when it is missing.
 */
async function acronymsOf(siteDir: string) {
  let entries: Array<{ title?: string; authors?: string[]; publisher?: string }>;
  try {
    entries = (JSON.parse(await readFile(join(siteDir, 'data', 'catalogue.json'), 'utf8')) as { entries?: typeof entries }).entries ?? [];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const texts = entries.flatMap((e) => [e.title ?? '', ...(e.authors ?? []), e.publisher ?? '']);
  return catalogueAcronyms(texts, SYNONYMS);
}

/**
 * Each result's publication slug, by Pagefind's result id (its fragment's name): the search page's export of a
 * result set (src/scripts/search/export.ts) reads it, instead of loading every result's fragment to learn its URL.
 */
async function resultSlugs(indexDir: string): Promise<Record<string, string>> {
  const dir = join(indexDir, 'fragment');
  const out: Record<string, string> = {};
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
  await inLanes(names, async (name) => {
    // A fragment is gzipped "pagefind_dcd" + JSON with the page's url.
    const text = gunzipSync(await readFile(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '');
    const url = (JSON.parse(text) as { url?: string }).url ?? '';
    const slug = /^\/publications\/([^/]+)\/$/.exec(url)?.[1];
    if (slug) out[name.replace(/\.pf_fragment$/, '')] = slug;
  });
  return out;
}

/**
 * The pages of the publications' documents, in an index of their own (`pagefind/documents/`), so the catalogue's
 * search, its counts and its filters stay about publications; the search page asks this index for the pages a
 * query is on (src/scripts/search/documents.ts). None when no publication has a document.
 */
export async function indexDocuments(documents: readonly IndexedDocument[], outputPath: string): Promise<number> {
  const records = documents.flatMap((document) => document.records);
  if (records.length === 0) return 0;
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; ') || 'createIndex returned no index');
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length) throw new Error(`${record.meta.record}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  return records.length;
}

/**
 * Runs `work` over `items` with sixteen in flight, each replaced as soon as it is done: Pagefind parses pages in
 * its own process, so reading and expanding the next pages here overlaps with Pagefind parsing the previous ones
 * on the other core (rather than waiting for whole batches, which leaves each side idle while the other finishes).
 */
async function inLanes<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: 16 }, lane));
}

/** The year each page sorts by (its `data-pagefind-sort` newest-first key; undefined when undated or absent). */
async function withYears(files: readonly string[]): Promise<Array<{ key: string; year: number | undefined }>> {
  const out: Array<{ key: string; year: number | undefined }> = [];
  await inLanes(files, async (file) => {
    out.push({ key: file, year: sortYear(await readFile(file, 'utf8')) });
  });
  return out;
}

const SORT_YEAR = new RegExp(`data-pagefind-sort="${SORT_KEYS.newest}"[^>]*>\\s*(\\d+)\\s*<`);

/** The year a publication page sorts by, read from its own sort key (SearchData.astro), so shards and sort agree. */
export function sortYear(page: string): number | undefined {
  const value = SORT_YEAR.exec(page)?.[1];
  return value === undefined || value === UNDATED_NEWEST_FIRST ? undefined : Number(value);
}

/**
 * The publication pages ("<root>/publications/<slug>/index.html"): the only pages with `data-pagefind-body`.
 * Browse lists, data and help pages are not search results, and reading them all cost time at 10,000 entries.
 */
async function publicationPages(root: string): Promise<string[]> {
  const folders = await readdir(join(root, 'publications'), { withFileTypes: true });
  const pages = folders
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'publications', entry.name, 'index.html'));
  // A publication is a folder with a page of its own. The folder of the list's later pages (publications/page/2/)
  // has none, unless a publication is named "page"; counted, it made exactly MAX_SHARD_PAGES publications two shards.
  const hasPage = await Promise.all(pages.map((page) => access(page).then(() => true, ifMissing(false))));
  return pages.filter((_, i) => hasPage[i]).sort();
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
