import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { publicationPath, publicationSlug } from '../catalogue';
import { loadDocuments, type IndexedDocument } from '../documents/load';
import { DOCUMENTS_INDEX_DIR } from '../documents/records';
import { readCatalogueExport } from '../export/read';
import { MAX_SHARD_PAGES, planShards, SHARD_MANIFEST_FILE, shardDir, type ShardManifest } from './shards';
import { pageWords, VOCABULARY_FILE, VocabularyBuilder } from './vocabulary';
import { RESULT_SLUGS_FILE, type ResultSlugs } from './export-results';
import { EXPANSION_META } from './ranking';

/**
 * Builds the Pagefind search index of a finished site through Pagefind's Node API: one index, or above
 * MAX_SHARD_PAGES publications several shards cut by year, built one after another and listed in
 * `pagefind/shards.json` (see shards.ts).
 * It runs as its own step after `astro build` has exited (scripts/build-search-index.ts, the last part of `npm run build`),
 * not inside the build: at 100,000 entries Astro's process holds 3–4 GB until it exits and Pagefind's grows to 4 GB,
 * so indexing inside `astro:build:done` made the peak their sum (bench/analysis.md).
 *
 * The publications are the built site's (its /data/catalogue.json), each page handed to Pagefind as built: its markup
 * says what Pagefind reads (SearchData.astro). The spelling vocabulary (`search/vocabulary.json`, for did-you-mean) is
 * the words Pagefind indexed, read from the index's fragments; the publications' documents get an index too. The
 * index folders are kept from build to build: Pagefind adds the files that changed, and the step removes the rest.
 */

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
  /** Where extracted document pages are kept between builds (default: Astro's cache folder). */
  cacheDir?: string;
}

/**
 * Indexes the publications of the site in `siteDir`, built from the entries in `contentDir` (whose sibling documents/
 * holds their documents), into `<siteDir>/pagefind/` (and its shard folders), and writes the spelling vocabulary.
 * Throws an Error that says what failed (its `cause` says why: Pagefind, the file system, a site not built).
 */
export async function buildSearchIndex(
  siteDir: string,
  contentDir: string,
  { maxShardPages = MAX_SHARD_PAGES, cacheDir = process.env.CATALOGUE_CACHE_DIR ?? 'node_modules/.astro' }: BuildSearchIndexOptions = {},
): Promise<SearchIndexStats> {
  const started = performance.now();
  try {
    // Which pages to index, and in which shard, is the built catalogue's (its export, checked against the schema).
    const built = await readCatalogueExport(siteDir);
    const folder = join(siteDir, 'publications');
    const pageFolders = new Set(readdirSync(folder).filter((name) => existsSync(join(folder, name, 'index.html'))));
    const missing = built.find(({ slug }) => !pageFolders.has(slug));
    if (missing) throw new Error(`${missing.slug} has no page (${pagePath(siteDir, missing.slug)}): run astro build first`);
    const plan = planShards(built.map(({ slug, data }) => ({ key: slug, year: data.year })), maxShardPages);
    // Pagefind reads the site's own folder when the catalogue is one index and the folder holds no other page (a page
    // left from an earlier build, say; not the list's page/ folder): every catalogue page exists, so counts tell.
    const whole = plan.length === 1 && pageFolders.size === built.length;
    const vocabulary = new VocabularyBuilder();
    const cacheFile = join(cacheDir, WORDS_CACHE_FILE);
    const cached = readWordsCache(cacheFile);
    const pages: Record<string, IndexedPage> = {};
    let expanded = 0;
    const manifest: ShardManifest = { shards: [] };
    const ids: ResultSlugs = {};
    for (const [i, shard] of plan.entries()) {
      const slugs = shard.pages.map((page) => page.key);
      const outputPath = join(siteDir, shardDir(i));
      const fragmentIds = await indexShard(siteDir, slugs, whole, outputPath);
      // What Pagefind indexed, read from its fragments: each result's slug, and the words it can match.
      const indexed = new Set<string>();
      for (const id of fragmentIds) {
        // Fragment names are short hashes: the same name can be another shard's page, or another build's.
        const [key, file] = [shardDir(i) + id, join(outputPath, 'fragment', `${id}.pf_fragment`)];
        const page = (pages[key] = cached[key]?.bytes === statSync(file).size ? cached[key] : readPage(file));
        const slug = publicationSlug(page.url);
        if (slug) {
          ids[id] = id in ids ? null : slug;
          indexed.add(slug);
        }
        vocabulary.addPage(page.words);
        if (page.expanded) expanded += 1;
      }
      const left = slugs.filter((slug) => !indexed.has(slug));
      if (left.length) {
        throw new Error(
          `Pagefind left out ${left.length} of ${slugs.length} pages, among them ${pagePath(siteDir, left[0]!)}: has it an <html> element and text?`,
        );
      }
      manifest.shards.push({ dir: shardDir(i), dated: shard.dated, pages: shard.pages.length });
    }
    await minifyWorker(join(siteDir, shardDir(0)));
    // The step owns pagefind/: a shard folder left by an earlier, larger build must not stay behind.
    const shardDirs = new Set(manifest.shards.map(({ dir }) => dir));
    for (const name of readdirSync(join(siteDir, 'pagefind'))) {
      if (/^shard-\d+$/.test(name) && !shardDirs.has(`pagefind/${name}/`)) rmSync(join(siteDir, 'pagefind', name), { recursive: true });
    }
    const documents = await loadDocuments(built, contentDir, cacheDir);
    const documentPages = await indexDocuments(documents, join(siteDir, DOCUMENTS_INDEX_DIR));
    await writeFile(join(siteDir, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
    await mkdir(dirname(join(siteDir, VOCABULARY_FILE)), { recursive: true });
    await mkdir(dirname(join(siteDir, RESULT_SLUGS_FILE)), { recursive: true });
    await writeFile(join(siteDir, RESULT_SLUGS_FILE), JSON.stringify(ids));
    await writeFile(join(siteDir, VOCABULARY_FILE), JSON.stringify(vocabulary.toFile()));
    await mkdir(cacheDir, { recursive: true });
    await writeFile(cacheFile, JSON.stringify({ version: WORDS_VERSION, pages }));
    return {
      pages: built.length,
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
 * One Pagefind index over the entries' pages, written to `outputPath` and then dropped from Pagefind's process, so
 * that the next shard does not add to its memory. The pages go to Pagefind's `addDirectory`, which parses them on
 * every core (`addHTMLFile` parses one page at a time: twice as slow, bench/analysis.md). It numbers pages in the
 * folder's order on disk, which differs from machine to machine, so the order of results must not depend on it: the
 * sort key ends with the slug (state.ts `sortValues`).
 */
async function indexShard(siteDir: string, slugs: readonly string[], whole: boolean, outputPath: string): Promise<string[]> {
  const index = await newIndex();
  // `whole`: the site's folder holds these pages and no other. Else they are hard-linked into a folder of their own:
  // a glob that names them walks every page of the site once per glob, which grows with the square of the catalogue
  // (bench/analysis.md, session 13).
  const root = whole ? siteDir : join(siteDir, PAGES_FOLDER);
  rmSync(join(siteDir, PAGES_FOLDER), { recursive: true, force: true }); // left by a step that was killed
  try {
    if (!whole) for (const slug of slugs) linkPage(siteDir, root, slug);
    const added = await index.addDirectory({ path: root, glob: PAGES_GLOB });
    if (added.errors.length) throw new Error(added.errors.join('; '));
  } finally {
    if (!whole) rmSync(root, { recursive: true, force: true });
  }
  return writeIndex(index, outputPath);
}

/** Every publication's page, and nothing else: the list's later pages are publications/page/2/index.html and on. */
const PAGES_GLOB = 'publications/*/index.html';

/** Where a shard's pages are linked while Pagefind reads them: inside the site, so that a hard link always works. */
const PAGES_FOLDER = 'pagefind/.shard-pages';

function linkPage(siteDir: string, root: string, slug: string): void {
  mkdirSync(join(root, publicationPath(slug)), { recursive: true });
  linkSync(pagePath(siteDir, slug), pagePath(root, slug));
}

/** A new index in Pagefind's process, every page in English (the catalogue's language). */
async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; ') || 'createIndex returned no index');
  return index;
}

/**
 * Writes an index into `outputPath`, drops it from Pagefind's process, removes what earlier builds left there
 * (`pruneIndex`) and returns its pages' fragment ids. The folder is kept from build to build: Pagefind writes a file
 * whose name is a hash of its content only when no file has that name, so a rebuild writes what changed (compressing
 * and writing 10,000 fragments again took longer than indexing them, bench/analysis.md).
 */
async function writeIndex(index: PagefindIndex, outputPath: string): Promise<string[]> {
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  return pruneIndex(outputPath);
}

/**
 * Pagefind's metadata (pagefind_web/src/metadata.rs): its version, then rows for the pages (fragment id first), the
 * index chunks (first word, last word, id) and the filters (name, id), then what the search page alone reads.
 */
type PagefindMeta = [string, Array<[string, ...unknown[]]>, Array<[string, string, string, ...unknown[]]>, Array<[string, string, ...unknown[]]>];

const isRows = (rows: unknown, idAt: number): boolean =>
  Array.isArray(rows) && rows.every((row) => Array.isArray(row) && typeof row[idAt] === 'string');
const isPagefindMeta = (m: unknown): m is PagefindMeta => Array.isArray(m) && isRows(m[1], 0) && isRows(m[2], 2) && isRows(m[3], 1);

/**
 * Removes the hashed files in `dir` that the index's metadata (pagefind-entry.json names the .pf_meta) does not
 * name, left by earlier builds; returns the ids of its pages' fragments.
 */
function pruneIndex(dir: string): string[] {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: string }> };
  const named = new Set<string>();
  const fragments: string[] = [];
  for (const { hash } of Object.values(entry.languages ?? {})) {
    const metaFile = `pagefind.${hash}.pf_meta`;
    const meta: unknown = decode(unzip(readFileSync(join(dir, metaFile))));
    if (!isPagefindMeta(meta)) throw new Error(`${join(dir, metaFile)} is not Pagefind's metadata as expected`);
    named.add(metaFile);
    for (const [id] of meta[1]) {
      fragments.push(id);
      named.add(`fragment/${id}.pf_fragment`);
    }
    for (const [, , id] of meta[2]) named.add(`index/${id}.pf_index`);
    for (const [, id] of meta[3]) named.add(`filter/${id}.pf_filter`);
  }
  for (const folder of ['fragment', 'index', 'filter']) {
    if (!existsSync(join(dir, folder))) continue;
    for (const name of readdirSync(join(dir, folder))) if (!named.has(`${folder}/${name}`)) rmSync(join(dir, folder, name));
  }
  for (const name of readdirSync(dir)) if (name.endsWith('.pf_meta') && !named.has(name)) rmSync(join(dir, name));
  return fragments;
}

/** A file Pagefind compressed, unzipped and without the marker every such file starts with. */
function unzip(file: Uint8Array): Buffer {
  return gunzipSync(file).subarray('pagefind_dcd'.length);
}

/**
 * Pagefind writes its web worker unminified (1.6.0: 42.9 KB, 29.1 KB minified), and the search page loads it before
 * its first results (src/scripts/search/load.ts): minified with esbuild, as Vite minifies the site's own scripts.
 */
async function minifyWorker(indexDir: string): Promise<void> {
  const file = join(indexDir, 'pagefind-worker.js');
  const { code } = await transform(await readFile(file, 'utf8'), { minify: true });
  await writeFile(file, code);
}

function pagePath(siteDir: string, slug: string): string {
  return join(siteDir, publicationPath(slug), 'index.html');
}

/** Metadata that holds codes, not words (the title's language and direction, for showing it). */
const NOT_WORDS = new Set(['title_lang', 'title_dir']);

/** What the step takes from a page Pagefind indexed: its URL, whether it has an expansion, its spellable words. */
type IndexedPage = { url: string; expanded: boolean; words: string[]; bytes: number };

/**
 * Bump when the words taken from a page change (text.ts, vocabulary.ts `pageWords`). A fragment's name is a short hash
 * of its content, so its words are kept in the cache folder from build to build (by shard and name, its size checked),
 * and a rebuild reads only the fragments that changed: 0.1 s against 1.5 s at 10,000 pages (bench/analysis.md).
 */
const WORDS_VERSION = 2;
const WORDS_CACHE_FILE = 'search-index-words.json';

const isPage = (p: Partial<IndexedPage> | null): p is IndexedPage =>
  typeof p?.url === 'string' && typeof p.expanded === 'boolean' && typeof p.bytes === 'number' && Array.isArray(p.words) && p.words.every((w) => typeof w === 'string');

/** The pages of the last build, by shard and fragment; none when the cache is missing, of another version or not as written. */
function readWordsCache(file: string): Record<string, IndexedPage> {
  try {
    const { version, pages } = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; pages?: Record<string, Partial<IndexedPage> | null> };
    return version === WORDS_VERSION && pages && Object.values(pages).every(isPage) ? (pages as Record<string, IndexedPage>) : {};
  } catch {
    return {};
  }
}

/**
 * A page as Pagefind wrote it: its fragment is gzipped "pagefind_dcd" + JSON (the URL, the body text as indexed and
 * the metadata, also searched), checked before use. The fragments are read one after another: four times faster
 * than all at once (bench/analysis.md, session 13), and 20,000 at once ran out of file handles.
 */
function readPage(path: string): IndexedPage {
  const file = readFileSync(path);
  const { url, content, meta } = JSON.parse(unzip(file).toString('utf8')) as { url?: unknown; content?: unknown; meta?: unknown };
  const values = typeof meta === 'object' && meta !== null ? Object.entries(meta) : [];
  if (typeof url !== 'string' || typeof content !== 'string' || !values.every(([, value]) => typeof value === 'string')) {
    throw new Error(`${path} is not a Pagefind fragment as expected (a url, content and metadata)`);
  }
  const texts = values.flatMap(([key, value]) => (NOT_WORDS.has(key) ? [] : [value as string]));
  return { url, expanded: values.some(([key, value]) => key === EXPANSION_META && value !== ''), words: pageWords(content, ...texts), bytes: file.length };
}

/**
 * The pages of the publications' documents, in an index of their own (`pagefind/documents/`), so the catalogue's
 * search, its counts and its filters stay about publications; the search page asks this index for the pages a
 * query is on (src/scripts/search/documents.ts). None when no publication has a document.
 */
async function indexDocuments(documents: readonly IndexedDocument[], outputPath: string): Promise<number> {
  const records = documents.flatMap((document) => document.records);
  if (records.length === 0) {
    rmSync(outputPath, { recursive: true, force: true });
    return 0;
  }
  const index = await newIndex();
  for (const record of records) {
    const added = await index.addCustomRecord(record);
    if (added.errors.length) throw new Error(`${record.meta.record}: ${added.errors.join('; ')}`);
  }
  await writeIndex(index, outputPath);
  return records.length;
}
