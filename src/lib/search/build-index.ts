import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import * as pagefind from 'pagefind';
import { publicationPath } from '../catalogue';
import { loadDocuments, type IndexedDocument } from '../documents/load';
import { DOCUMENTS_INDEX_DIR } from '../documents/records';
import { readCatalogueExport } from '../export/read';
import { MAX_SHARD_PAGES, planShards, SHARD_MANIFEST_FILE, shardDir, type ShardManifest } from './shards';
import { VOCABULARY_FILE, VocabularyBuilder } from './vocabulary';
import { RESULT_SLUGS_FILE } from './export-results';
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
 * the words Pagefind indexed, read back from what it wrote; the publications' documents get an index too.
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
    const missing = built.find(({ slug }) => !existsSync(pagePath(siteDir, slug)));
    if (missing) throw new Error(`${missing.slug} has no page (${pagePath(siteDir, missing.slug)}): run astro build first`);
    // The step owns pagefind/: a shard folder left by an earlier, larger build must not stay behind.
    await rm(join(siteDir, 'pagefind'), { recursive: true, force: true });
    const plan = planShards(built.map(({ slug, data }) => ({ key: slug, year: data.year })), maxShardPages);
    const vocabulary = new VocabularyBuilder();
    let expanded = 0;
    const manifest: ShardManifest = { shards: [] };
    const ids: Record<string, string> = {};
    for (const [i, shard] of plan.entries()) {
      const outputPath = join(siteDir, shardDir(i));
      const slugs = shard.pages.map((page) => page.key);
      await indexShard(siteDir, slugs, outputPath);
      // What Pagefind indexed, read back from its fragments: each result's slug, and the words it can match.
      const indexed = new Set<string>();
      for (const { id, url, content, meta } of await readFragments(outputPath)) {
        const slug = /^\/publications\/([^/]+)\/$/.exec(url)?.[1];
        if (slug) {
          ids[id] = slug;
          indexed.add(slug);
        }
        vocabulary.addPage(content, ...Object.entries(meta).flatMap(([key, value]) => (NOT_WORDS.has(key) ? [] : [value])));
        if (meta[EXPANSION_META]) expanded += 1;
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
    const documents = await loadDocuments(built, contentDir, cacheDir);
    const documentPages = await indexDocuments(documents, join(siteDir, DOCUMENTS_INDEX_DIR));
    await mkdir(dirname(join(siteDir, VOCABULARY_FILE)), { recursive: true });
    await mkdir(dirname(join(siteDir, RESULT_SLUGS_FILE)), { recursive: true });
    await writeFile(join(siteDir, SHARD_MANIFEST_FILE), JSON.stringify(manifest));
    await writeFile(join(siteDir, RESULT_SLUGS_FILE), JSON.stringify(ids));
    await writeFile(join(siteDir, VOCABULARY_FILE), JSON.stringify(vocabulary.toFile()));
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
 * that the next shard does not add to its memory. The pages are hard-linked into a folder of their own and handed to
 * Pagefind's `addDirectory`, which parses them on every core (`addHTMLFile` parses one page at a time: more than twice
 * as slow, bench/analysis.md). It numbers pages in the folder's order on disk, which differs from machine to machine,
 * so the order of results must not depend on it: the sort key ends with the slug (state.ts `sortValues`).
 */
async function indexShard(siteDir: string, slugs: readonly string[], outputPath: string) {
  const stage = join(siteDir, STAGE_DIR);
  rmSync(stage, { recursive: true, force: true });
  try {
    // Synchronous calls: awaiting 20,000 small calls one after another took twice as long (bench/analysis.md).
    mkdirSync(join(stage, publicationPath('')), { recursive: true });
    for (const slug of slugs) {
      mkdirSync(join(stage, publicationPath(slug)));
      linkSync(pagePath(siteDir, slug), join(stage, publicationPath(slug), 'index.html'));
    }
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(errors.join('; ') || 'createIndex returned no index');
    const added = await index.addDirectory({ path: stage, glob: 'publications/*/index.html' });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    await index.deleteIndex();
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Where a shard's pages are linked for Pagefind: in the site (a hard link needs the same disk) and in the folder the
 * step owns (removed at its start), so a folder left by a failed run goes on the next. */
const STAGE_DIR = 'pagefind/pages-to-index';

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

interface Fragment {
  /** Pagefind's result id: the fragment file's name. */
  id: string;
  url: string;
  /** The page's body text as Pagefind indexed it, and its metadata (also searched). */
  content: string;
  meta: Record<string, string>;
}

const isStringRecord = (o: unknown): o is Record<string, string> =>
  typeof o === 'object' && o !== null && Object.values(o).every((v) => typeof v === 'string');

/**
 * The pages of an index as Pagefind wrote them: each fragment is gzipped "pagefind_dcd" + JSON, checked before use.
 * The search page's export of a result set reads the slugs written from them (export-results.ts) instead of loading
 * every result's fragment to learn its URL.
 */
async function readFragments(indexDir: string): Promise<Fragment[]> {
  const dir = join(indexDir, 'fragment');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pf_fragment'));
  // All read first, then unzipped in turn: faster than unzipping each as it arrives (1.2 against 1.9 s at 10,000).
  const files = await Promise.all(names.map((name) => readFile(join(dir, name))));
  return names.map((name, i) => {
    const { url, content, meta } = JSON.parse(gunzipSync(files[i]!).toString('utf8').replace(/^pagefind_dcd/, '')) as Partial<Fragment>;
    if (typeof url !== 'string' || typeof content !== 'string' || !isStringRecord(meta)) {
      throw new Error(`${join(dir, name)} is not a Pagefind fragment as expected (a url, content and metadata)`);
    }
    return { id: name.replace(/\.pf_fragment$/, ''), url, content, meta };
  });
}

/**
 * The pages of the publications' documents, in an index of their own (`pagefind/documents/`), so the catalogue's
 * search, its counts and its filters stay about publications; the search page asks this index for the pages a
 * query is on (src/scripts/search/documents.ts). None when no publication has a document.
 */
async function indexDocuments(documents: readonly IndexedDocument[], outputPath: string): Promise<number> {
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
