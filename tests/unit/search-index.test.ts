import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { buildSearchIndex, describeIndex, sortYear } from '../../src/lib/search/build-index';
import { SHARD_MANIFEST_FILE } from '../../src/lib/search/shards';
import { VOCABULARY_FILE } from '../../src/lib/search/vocabulary';
import { RESULT_SLUGS_FILE } from '../../src/lib/search/export-results';

/**
 * The search-index step that runs after `astro build` (npm run build): what it writes, how it fails, and its CLI.
 * The browser tests search the index it builds for whole fixture sites.
 */

const work = mkdtempSync(join(tmpdir(), 'search-index-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, pages: Record<string, string>): string {
  const dir = join(work, name);
  for (const [slug, html] of Object.entries(pages)) {
    mkdirSync(join(dir, 'publications', slug), { recursive: true });
    writeFileSync(join(dir, 'publications', slug, 'index.html'), html);
  }
  return dir;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Browse Search About</nav>` +
  `<main><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${body}</p></article></main></body></html>`;

describe('buildSearchIndex', () => {
  it('indexes every publication page and writes the spelling vocabulary', async () => {
    const dir = site('good', {
      'forced-labour': page('Forced labour in fishing', 'Crew members recruited through debt bondage.'),
      'ilo-report': page('A report', 'Published with the ILO on recruitment fees.'),
    });
    // A folder of list pages without index.html, as /publications/page/ is: not a publication, so two publications
    // fit in shards of two (a publication named "page" is counted: see the next test).
    mkdirSync(join(dir, 'publications', 'page', '2'), { recursive: true });
    writeFileSync(join(dir, 'publications', 'page', '2', 'index.html'), page('Publications, page 2', 'A list.'));
    const stats = await buildSearchIndex(dir, { maxShardPages: 2 });
    expect(stats.pages).toBe(2);
    expect(stats.expanded).toBeGreaterThanOrEqual(1); // "labour" ↔ "labor", "ILO" → its full name
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(2);
    expect(existsSync(join(dir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    const vocabulary = JSON.parse(readFileSync(join(dir, VOCABULARY_FILE), 'utf8')) as { words: string[] };
    expect(vocabulary.words).toEqual(expect.arrayContaining(['bondage', 'recruitment', 'fishing']));
    expect(vocabulary.words).not.toContain('browse'); // only the article is indexed, not the page's navigation
    expect(stats.shards).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, SHARD_MANIFEST_FILE), 'utf8'))).toEqual({
      shards: [{ dir: 'pagefind/', dated: true, pages: 2 }],
    });
    expect(describeIndex(stats)).toMatch(
      /^Pagefind indexed 2 pages \(\d+ with synonyms or spelling variants added\) in one index and wrote \d+ words .* in \d+\.\d s$/,
    );
  });

  it('indexes a publication named "page", whose folder also holds the list\'s later pages', async () => {
    const dir = site('named-page', {
      page: page('Page', 'A report whose file is page.md.'),
      other: page('Other', 'Another report.'),
    });
    mkdirSync(join(dir, 'publications', 'page', '2'), { recursive: true });
    writeFileSync(join(dir, 'publications', 'page', '2', 'index.html'), page('Publications, page 2', 'A list.'));
    const stats = await buildSearchIndex(dir, { maxShardPages: 2 });
    expect(stats).toMatchObject({ pages: 2, shards: 1 });
    const fragments = readdirSync(join(dir, 'pagefind', 'fragment')).map((f) =>
      gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', f))).toString(),
    );
    expect(fragments.map((f) => /"url":"([^"]+)"/.exec(f)?.[1]).sort()).toEqual(['/publications/other/', '/publications/page/']);
    // Each result id (its fragment's name) → its publication's slug, for exporting a result set.
    const ids = readdirSync(join(dir, 'pagefind', 'fragment')).map((f) => f.replace(/\.pf_fragment$/, ''));
    const slugs = JSON.parse(readFileSync(join(dir, RESULT_SLUGS_FILE), 'utf8')) as Record<string, string>;
    expect(Object.keys(slugs).sort()).toEqual(ids.sort());
    expect(Object.values(slugs).sort()).toEqual(['other', 'page']);
  });

  it('cuts a catalogue larger than a shard into shards by year, each a whole Pagefind index', async () => {
    const dated = (title: string, year: string) =>
      page(title, 'Text.').replace('</article>', `<span data-pagefind-sort="year">${year}</span></article>`);
    const dir = site('sharded', {
      a: dated('Oldest', '2001'),
      b: dated('Newest', '2024'),
      c: dated('Middle', '2015'),
      d: dated('Undated', '0'),
      e: page('No sort key', 'Text.'),
    });
    const stats = await buildSearchIndex(dir, { maxShardPages: 2 });
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
    expect((await buildSearchIndex(dir)).shards).toBe(1);
    expect(existsSync(join(dir, 'pagefind/shard-1'))).toBe(false);
    expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toHaveLength(5);
  });

  it('reads the year a page sorts by from its own sort key', () => {
    expect(sortYear('<span data-pagefind-sort="year">2019</span>')).toBe(2019);
    expect(sortYear('<span data-pagefind-sort="year">0</span>')).toBeUndefined(); // undated
    expect(sortYear('<span data-pagefind-sort="year_oldest">2019</span>')).toBeUndefined();
    expect(sortYear('<p>No key</p>')).toBeUndefined();
  });

  it('names the site and the problem when a page puts search data outside its article', async () => {
    const dir = site('bad', {
      x: '<html><body data-pagefind-filter="region:Africa"><article data-pagefind-body><p>Text</p></article></body></html>',
    });
    const failure = await buildSearchIndex(dir).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure?.message).toBe(`Building the Pagefind search index of ${dir} failed`);
    expect(String((failure?.cause as Error).message)).toMatch(/"data-pagefind-filter" is outside the page's <article data-pagefind-body>/);
  });
});

describe('scripts/build-search-index.ts', () => {
  const cli = (...args: string[]) => cliWith({}, ...args);
  const cliWith = (env: Record<string, string>, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-search-index.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });

  it('prints what it indexed and exits 0', () => {
    const dir = site('cli', { a: page('Victim identification', 'Indicators for front-line staff.') });
    const run = cli(dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Pagefind indexed 1 pages/);
    expect(run.status).toBe(0);
  });

  it('takes the publications per shard from SEARCH_SHARD_PAGES, and refuses a value that is not a number', () => {
    const dir = site('cli-shards', {
      a: page('Victim identification', 'Indicators.'),
      b: page('Referral', 'Mechanisms.'),
    });
    const run = cliWith({ SEARCH_SHARD_PAGES: '1' }, dir);
    expect(run.stdout).toMatch(/^Pagefind indexed 2 pages .* in 2 shards /);
    const bad = cliWith({ SEARCH_SHARD_PAGES: 'ten' }, dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('SEARCH_SHARD_PAGES must be a whole number of publications (≥ 1), not "ten".\n');
  });

  it('exits 2 with advice when the folder is not a built site, and 1 when indexing fails', () => {
    const missing = cli(join(work, 'no-such-site'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('has no publications/ folder: run `astro build` first');
    const usage = cli('--fast');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^usage: /);
    const broken = cli(site('cli-bad', { x: '<html><body><div data-pagefind-meta="x"></div><article data-pagefind-body>t</article></body></html>' }));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/failed: "data-pagefind-meta" is outside/);
  });
});
