import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import * as pagefind from 'pagefind';
import { buildSearchIndex, describeIndex } from '../../src/lib/search/build-index';
import { SHARD_MANIFEST_FILE } from '../../src/lib/search/shards';
import { VOCABULARY_FILE } from '../../src/lib/search/vocabulary';
import { RESULT_SLUGS_FILE } from '../../src/lib/search/export-results';
import { EXPANSION_META } from '../../src/lib/search/ranking';
import { SORT_KEY, sortValues } from '../../src/lib/search/state';
import { catalogueDataPath } from '../../src/lib/export/formats';
import { toDatasetJson } from '../../src/lib/export/json';
import { validatePaths } from '../../src/lib/validate';

/**
 * The search-index step that runs after `astro build` (npm run build): what it writes, how it fails, and its CLI.
 * The browser tests search the index it builds for whole fixture sites.
 */

const work = mkdtempSync(join(tmpdir(), 'search-index-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Publication {
  title: string;
  body: string;
  year?: number;
  /** The hidden expansion a publication page carries (SearchData.astro). */
  aka?: string;
}

/**
 * A catalogue (its entries in `<dir>/content/`) and its built site (`<dir>/site/`), with one page per entry and the
 * whole-catalogue export `astro build` writes from the entries as validated.
 */
async function site(
  name: string,
  publications: Record<string, Publication>,
  page: (publication: Publication, slug: string) => string = pageOf,
): Promise<{ dir: string; content: string }> {
  const dir = join(work, name, 'site');
  const content = join(work, name, 'content');
  mkdirSync(content, { recursive: true });
  for (const [slug, publication] of Object.entries(publications)) {
    const year = publication.year === undefined ? '' : `year: ${publication.year}\n`;
    writeFileSync(
      join(content, `${slug}.md`),
      `---\ntitle: ${publication.title}\n${year}category: report\nsummary: ${publication.body}\nsource: [editor]\nadded: 2026-01-02\n---\n`,
    );
    mkdirSync(join(dir, 'publications', slug), { recursive: true });
    writeFileSync(join(dir, 'publications', slug, 'index.html'), page(publication, slug));
  }
  const { entries } = await validatePaths([content]);
  const exported = entries.map(({ slug, data }) => ({ slug, data: { ...data, added: data.added ?? '2026-01-02' } }));
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, catalogueDataPath('json')), toDatasetJson(exported, { title: 'the whole catalogue', path: catalogueDataPath('json') }));
  return { dir, content };
}

/** A publication page as SearchData.astro marks it up: the title and the expansion are metadata, not body text. */
function pageOf({ title, body, year, aka }: Publication, slug = 'list'): string {
  return (
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Browse Search About</nav>` +
    `<main><article data-pagefind-body><h1 data-pagefind-meta="title" data-pagefind-ignore>${title}</h1><p>${body}</p>` +
    `<div hidden data-pagefind-ignore><span data-pagefind-sort="${SORT_KEY}">${sortValues(year, slug)[SORT_KEY]}</span>` +
    `<span data-pagefind-meta="title_lang">fr</span>` +
    (aka ? `<span data-pagefind-meta="${EXPANSION_META}">${aka}</span>` : '') +
    `</div></article></main></body></html>`
  );
}

describe('buildSearchIndex', () => {
  it('indexes every publication page and writes the spelling vocabulary', async () => {
    const { dir, content } = await site('good', {
      'forced-labour': { title: 'Forced labour in fishing', body: 'Crew members recruited through debt bondage.', aka: 'labor' },
      'ilo-report': { title: 'A report', body: 'Published with the ILO on recruitment fees.' },
    });
    // A list page beside the publications' pages is not indexed: the entries say which pages are publications.
    mkdirSync(join(dir, 'publications', 'page', '2'), { recursive: true });
    writeFileSync(join(dir, 'publications', 'page', '2', 'index.html'), pageOf({ title: 'Publications, page 2', body: 'A list.' }));
    // Nor is a page left from an earlier build whose entry has gone.
    mkdirSync(join(dir, 'publications', 'withdrawn'), { recursive: true });
    writeFileSync(join(dir, 'publications', 'withdrawn', 'index.html'), pageOf({ title: 'Withdrawn', body: 'Gone.' }));
    const stats = await buildSearchIndex(dir, content, { maxShardPages: 2 });
    expect(stats.pages).toBe(2);
    expect(stats.expanded).toBe(1); // pages with an expansion ("labour" ↔ "labor")
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(2);
    expect(existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    const vocabulary = JSON.parse(readFileSync(join(dir, VOCABULARY_FILE), 'utf8')) as { words: string[] };
    // The words Pagefind indexed: body text and metadata (the title, the expansion); not the page's navigation,
    // nor the codes kept as metadata for showing the title.
    expect(vocabulary.words).toEqual(expect.arrayContaining(['bondage', 'recruitment', 'fishing', 'labor']));
    expect(vocabulary.words).not.toContain('browse');
    expect(vocabulary.words).not.toContain('fr');
    expect(stats.shards).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, SHARD_MANIFEST_FILE), 'utf8'))).toEqual({
      shards: [{ dir: 'pagefind/', dated: true, pages: 2 }],
    });
    expect(describeIndex(stats)).toMatch(
      /^Pagefind indexed 2 pages \(\d+ with synonyms or spelling variants added\) in one index and wrote \d+ words .* in \d+\.\d s$/,
    );
    // Each result id (its fragment's name) → its publication's slug, for exporting a result set.
    const ids = readdirSync(join(dir, 'pagefind', 'fragment')).map((f) => f.replace(/\.pf_fragment$/, ''));
    const slugs = JSON.parse(readFileSync(join(dir, RESULT_SLUGS_FILE), 'utf8')) as Record<string, string>;
    expect(Object.keys(slugs).sort()).toEqual(ids.sort());
    expect(Object.values(slugs).sort()).toEqual(['forced-labour', 'ilo-report']);
    // The markup says what is body text: the title is metadata only, so excerpts come from the text.
    const fragments = ids.map((id) => gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', `${id}.pf_fragment`))).toString());
    const fishing = fragments.find((f) => f.includes('/publications/forced-labour/'))!;
    expect(fishing).toContain('"title":"Forced labour in fishing"');
    expect(fishing).toContain('"content":"Crew members recruited through debt bondage."');
  });

  it("minifies Pagefind's web worker, which the search page loads before its first results", async () => {
    const { dir, content } = await site('worker', { one: { title: 'One', body: 'Debt bondage.' } });
    await buildSearchIndex(dir, content);
    // What Pagefind itself writes, for comparison.
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await index!.addCustomRecord({ url: '/one/', content: 'Debt bondage.', language: 'en' });
    await index!.writeFiles({ outputPath: join(work, 'worker', 'stock') });
    await pagefind.close();
    const stock = readFileSync(join(work, 'worker', 'stock', 'pagefind-worker.js'), 'utf8');
    const ours = readFileSync(join(dir, 'pagefind', 'pagefind-worker.js'), 'utf8');
    expect(ours.length).toBeLessThan(stock.length * 0.8);
    expect(ours).toContain(`pagefind_version="${stock.match(/pagefind_version="([^"]+)"/)![1]}"`);
  });

  it('cuts a catalogue larger than a shard into shards by year, each a whole Pagefind index', async () => {
    const { dir, content } = await site('sharded', {
      a: { title: 'Oldest', body: 'Text.', year: 2001 },
      b: { title: 'Newest', body: 'Text.', year: 2024 },
      c: { title: 'Middle', body: 'Text.', year: 2015 },
      d: { title: 'Undated', body: 'Text.' },
      e: { title: 'Also undated', body: 'Text.' },
    });
    const stats = await buildSearchIndex(dir, content, { maxShardPages: 2 });
    expect(stats).toMatchObject({ pages: 5, shards: 3 });
    expect(JSON.parse(readFileSync(join(dir, SHARD_MANIFEST_FILE), 'utf8'))).toEqual({
      shards: [
        { dir: 'pagefind/', dated: true, pages: 2 },
        { dir: 'pagefind/shard-1/', dated: true, pages: 1 },
        { dir: 'pagefind/shard-2/', dated: false, pages: 2 },
      ],
    });
    // Each shard is a whole index: its own entry file and one fragment per page it holds.
    const fragments = (folder: string) => readdirSync(join(dir, folder, 'fragment')).length;
    expect([fragments('pagefind'), fragments('pagefind/shard-1'), fragments('pagefind/shard-2')]).toEqual([2, 1, 2]);
    expect(existsSync(join(dir, 'pagefind/shard-2/pagefind-entry.json'))).toBe(true);
    // The newest two in the first shard.
    const firstShard = readdirSync(join(dir, 'pagefind', 'fragment')).map((f) =>
      gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', f))).toString('utf8'),
    );
    expect(firstShard.map((f) => /"title":"(\w+)"/.exec(f)?.[1]).sort()).toEqual(['Middle', 'Newest']);
    expect(describeIndex(stats)).toContain('in 3 shards');
    // Built again as one index: the shard folders of the earlier build are gone.
    expect((await buildSearchIndex(dir, content)).shards).toBe(1);
    expect(existsSync(join(dir, 'pagefind/shard-1'))).toBe(false);
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(5);
  });

  it('orders publications of the same year by slug, whatever order Pagefind read their pages in', async () => {
    const slugs = Array.from({ length: 40 }, (_, i) => `p${String((i * 7) % 40).padStart(2, '0')}`);
    const { dir, content } = await site('order', Object.fromEntries(slugs.map((slug) => [slug, { title: slug, body: 'Text.', year: 2020 }])));
    await buildSearchIndex(dir, content);
    // Pagefind numbers the pages in the folder's order on disk, not the slugs' (on most disks): its metadata lists
    // the pages' fragments (result ids) by number, then each sort's page numbers (pagefind_web/src/metadata.rs).
    const metaFile = readdirSync(join(dir, 'pagefind')).find((f) => f.endsWith('.pf_meta'))!;
    const meta = decode(gunzipSync(readFileSync(join(dir, 'pagefind', metaFile))).subarray('pagefind_dcd'.length)) as [
      string,
      Array<[string]>,
      unknown,
      unknown,
      Array<[string, number[]]>,
    ];
    const slugOf = JSON.parse(readFileSync(join(dir, RESULT_SLUGS_FILE), 'utf8')) as Record<string, string>;
    const pages = meta[1].map(([id]) => slugOf[id]!);
    expect([...pages].sort()).toEqual([...slugs].sort());
    // The order by year is the same whatever that numbering: ties by slug.
    const numbers = meta[4].find(([key]) => key === SORT_KEY)![1];
    expect(numbers.map((n) => pages[n])).toEqual([...slugs].sort());
  });

  it('writes only the index files that changed, and removes those no longer part of the index', async () => {
    const { dir, content } = await site('again', {
      a: { title: 'Debt bondage', body: 'Recruitment fees.', year: 2020 },
      b: { title: 'Forced labour', body: 'Fishing crews.', year: 2021 },
    });
    await buildSearchIndex(dir, content);
    // The files named by a hash of their content: the fragments, index chunks, filters and metadata.
    const hashed = () =>
      readdirSync(join(dir, 'pagefind'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /^en_|\.pf_meta$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name));
    const before = new Map(hashed().map((file) => [file, statSync(file).mtimeMs]));
    expect(before.size).toBeGreaterThanOrEqual(4); // two fragments, an index chunk, the metadata
    writeFileSync(join(dir, 'pagefind', 'fragment', 'en_1eft0ver.pf_fragment'), 'from an earlier build');
    await buildSearchIndex(dir, content);
    expect(new Map(hashed().map((file) => [file, statSync(file).mtimeMs]))).toEqual(before);
    // One page changed: its fragment is new, the other's is kept as it was, the old one goes.
    writeFileSync(join(dir, 'publications', 'a', 'index.html'), pageOf({ title: 'Debt bondage', body: 'Recruitment fees, again.', year: 2020 }, 'a'));
    await buildSearchIndex(dir, content);
    const fragments = (list: Iterable<string>) => [...list].filter((file) => file.includes('/fragment/'));
    const after = fragments(hashed());
    expect(after).toHaveLength(2);
    expect(after.filter((file) => before.get(file) === statSync(file).mtimeMs)).toHaveLength(1);
    expect(fragments(before.keys()).filter((file) => !after.includes(file))).toHaveLength(1);
    expect(readdirSync(join(dir, 'pagefind')).filter((name) => name.endsWith('.pf_meta'))).toHaveLength(1);
  });

  it("keeps each page's words in the cache folder, and reads only the pages that changed", async () => {
    const { dir, content } = await site('words', {
      a: { title: 'Debt bondage', body: 'Recruitment fees.', year: 2020 },
      b: { title: 'Forced labour', body: 'Fishing crews.', year: 2021 },
    });
    const cacheDir = join(work, 'words', 'cache');
    const vocabulary = () => (JSON.parse(readFileSync(join(dir, VOCABULARY_FILE), 'utf8')) as { words: string[] }).words;
    const cached = () => JSON.parse(readFileSync(join(cacheDir, 'search-index-words.json'), 'utf8')) as { pages: Record<string, { url: string }> };
    await buildSearchIndex(dir, content, { cacheDir });
    const first = vocabulary();
    expect(Object.values(cached().pages).map(({ url }) => url).sort()).toEqual(['/publications/a/', '/publications/b/']);
    // A changed page is a new fragment: its words are read from it, and the old page's go.
    writeFileSync(join(dir, 'publications', 'a', 'index.html'), pageOf({ title: 'Debt bondage', body: 'Zanzibar ports.', year: 2020 }, 'a'));
    await buildSearchIndex(dir, content, { cacheDir });
    expect(vocabulary()).toContain('zanzibar');
    expect(vocabulary()).not.toContain('recruitment');
    const ids = readdirSync(join(dir, 'pagefind', 'fragment')).map((f) => `pagefind/${f.replace('.pf_fragment', '')}`);
    expect(Object.keys(cached().pages).sort()).toEqual(ids.sort());
    // Fragment names are short hashes, so a name can come back for another page: its size tells them apart.
    const swapped = cached();
    const [a, b] = Object.keys(swapped.pages);
    [swapped.pages[a!], swapped.pages[b!]] = [swapped.pages[b!]!, swapped.pages[a!]!];
    writeFileSync(join(cacheDir, 'search-index-words.json'), JSON.stringify(swapped));
    await buildSearchIndex(dir, content, { cacheDir });
    const slugOf = JSON.parse(readFileSync(join(dir, RESULT_SLUGS_FILE), 'utf8')) as Record<string, string>;
    for (const file of readdirSync(join(dir, 'pagefind', 'fragment'))) {
      const fragment = gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', file))).toString('utf8');
      expect(fragment).toContain(`"url":"/publications/${slugOf[file.replace('.pf_fragment', '')]}/"`);
    }
    // A cache that is not as written is left aside, not trusted.
    const [id] = Object.keys(cached().pages);
    writeFileSync(join(cacheDir, 'search-index-words.json'), JSON.stringify({ version: 2, pages: { [id!]: { url: 1 } } }));
    const rebuilt = await buildSearchIndex(dir, content, { cacheDir });
    expect(rebuilt.pages).toBe(2);
    expect(vocabulary()).toEqual(expect.arrayContaining(['zanzibar', 'fishing']));
    expect(first).toContain('recruitment');
  });

  it("links a shard's pages into a folder of their own while Pagefind reads them, and removes it", async () => {
    const { dir, content } = await site('links', {
      a: { title: 'Debt bondage', body: 'Recruitment fees.', year: 2020 },
      b: { title: 'Forced labour', body: 'Fishing crews.', year: 2021 },
    });
    // What a step killed while Pagefind read its links leaves behind.
    const leftover = join(dir, 'pagefind', '.shard-pages', 'publications', 'gone');
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'index.html'), pageOf({ title: 'Gone', body: 'Gone.' }, 'gone'));
    expect((await buildSearchIndex(dir, content, { maxShardPages: 1 })).shards).toBe(2);
    expect(readdirSync(join(dir, 'pagefind'))).not.toContain('.shard-pages');
    const indexed = JSON.parse(readFileSync(join(dir, RESULT_SLUGS_FILE), 'utf8')) as Record<string, string>;
    expect(Object.values(indexed).sort()).toEqual(['a', 'b']);
    // The pages themselves are where they were, unchanged.
    expect(readFileSync(join(dir, 'publications', 'a', 'index.html'), 'utf8')).toContain('Recruitment fees.');
  });

  it('names the pages Pagefind left out', async () => {
    const { dir, content } = await site('left-out', {
      kept: { title: 'Kept', body: 'Text.' },
      bare: { title: 'Bare', body: 'Text.' },
    });
    // Pagefind indexes only pages with an <html> element.
    writeFileSync(join(dir, 'publications', 'bare', 'index.html'), '<p>Text.</p>');
    const error = await buildSearchIndex(dir, content).then(() => undefined, (e: Error) => e);
    expect(String((error?.cause as Error).message)).toBe(
      `Pagefind left out 1 of 2 pages, among them ${join(dir, 'publications', 'bare', 'index.html')}: has it an <html> element and text?`,
    );
  });

  it('names the site and the problem when a page is missing', async () => {
    const { dir, content } = await site('no-page', { x: { title: 'Text', body: 'Text.' }, z: { title: 'Other', body: 'Text.' } });
    rmSync(join(dir, 'publications', 'x'), { recursive: true });
    const error = await buildSearchIndex(dir, content).then(() => undefined, (e: Error) => e);
    expect(error?.message).toBe(`Building the Pagefind search index of ${dir} failed`);
    expect(String((error?.cause as Error).message)).toMatch(/^x has no page \(.*index\.html\): run astro build first$/);
  });
});

describe('scripts/build-search-index.ts', () => {
  const cli = (...args: string[]) => cliWith({}, ...args);
  const cliWith = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-search-index.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
  /** The site's folder, with CATALOGUE_CONTENT_DIR naming its entries (as scripts/lib/build-site.ts does). */
  const built = async (name: string, publications: Record<string, Publication>) => {
    const { dir, content } = await site(name, publications);
    return { dir, env: { CATALOGUE_CONTENT_DIR: content } };
  };

  it('prints what it indexed and exits 0', async () => {
    const { dir, env } = await built('cli', { a: { title: 'Victim identification', body: 'Indicators for front-line staff.' } });
    const run = cliWith(env, dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Pagefind indexed 1 pages/);
    expect(run.status).toBe(0);
  });

  it('takes the publications per shard from SEARCH_SHARD_PAGES, and refuses a value that is not a number', async () => {
    const { dir, env } = await built('cli-shards', {
      a: { title: 'Victim identification', body: 'Indicators.' },
      b: { title: 'Referral', body: 'Mechanisms.' },
    });
    const run = cliWith({ ...env, SEARCH_SHARD_PAGES: '1' }, dir);
    expect(run.stdout).toMatch(/^Pagefind indexed 2 pages .* in 2 shards /);
    const bad = cliWith({ ...env, SEARCH_SHARD_PAGES: 'ten' }, dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('SEARCH_SHARD_PAGES must be a whole number of publications (≥ 1), not "ten".\n');
  });

  it('exits 2 with advice when the folder is not a built site, and 1 when indexing fails', async () => {
    const missing = cli(join(work, 'no-such-site'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('has no publications/ folder: run `astro build` first');
    const usage = cli('--fast');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^usage: /);
    const { dir, env } = await built('cli-bad', { x: { title: 'Text', body: 'Text.' } });
    rmSync(join(dir, 'publications', 'x', 'index.html'));
    const broken = cliWith(env, dir);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/failed: x has no page/);
  });
});
