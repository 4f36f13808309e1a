import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Publication } from '../../src/lib/catalogue';
import {
  CITATION_CACHE_FILE,
  citationCachePath,
  citationKey,
  readCitationCache,
  writeCitationCache,
} from '../../src/lib/cite/cache';
import { plugins } from '@citation-js/core';
import { CITEPROC_LOCALE, citeprocHtml, citeprocHtmls, singleItemStyle } from '../../src/lib/cite/citeproc-worker.mjs';
import { toCsl } from '../../src/lib/cite/csl';
import {
  CITATION_STYLES,
  citationsFor,
  formatCitations,
  precomputeCitations,
  resetCitations,
  startCitations,
  type CitationOptions,
} from '../../src/lib/cite/format';
import { availableCitationWorkers, citationWorkersFromEnv, CiteprocPool, MAX_CITATION_WORKERS } from '../../src/lib/cite/pool';
import type { EntryInput } from '../../src/lib/schema/entry';
import { parseEntry, readFixturePublications } from '../support/fixture-publications';

/**
 * The build's citation path (precomputation, worker pool, on-disk cache) gives exactly what `formatCitations` gives,
 * and a cache file can only save work, never break or change a build. Correctness only: no timings here (those are
 * in docs/PERFORMANCE-citations.md).
 */

const FIXTURES = 'tests/fixtures/site/publications';
const fixtures: Publication[] = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => {
    const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(FIXTURES, name), 'utf8'))![1]!;
    return { slug: name.replace(/\.md$/, ''), data: parseEntry(parseYaml(frontmatter)) };
  });

const make = (slug: string, data: Partial<EntryInput>): Publication => ({
  slug,
  data: parseEntry({ title: 'A title', category: 'report', summary: 'S.', source: ['editor'], added: '2026-01-01', ...data }),
});

/** Fixtures plus entries that exercise markup protection, right-to-left titles and shared author-years. */
const publications: Publication[] = [
  ...fixtures,
  make('angle-brackets', { title: 'On <b>not bold</b> & <i>not italic</i>', authors: ['Jamille Bigio'], year: 2020 }),
  make('same-author-year', { title: 'Another report', authors: ['Jamille Bigio'], year: 2020 }),
  make('arabic', { title: 'الاتجار بالبشر', title_language: 'ar', languages: ['ar'], authors: ['منظمة العمل الدولية'], year: 2019 }),
  make('organisation', { title: 'Global Report', authors: ['United Nations Office on Drugs and Crime (UNODC)'], publisher: 'UNODC', year: 2024, link: 'https://example.org/r.pdf' }),
];

const expected = new Map(publications.map((p) => [p.slug, formatCitations(p)]));

const work = mkdtempSync(join(tmpdir(), 'cite-perf-test-'));
let dirCount = 0;
const freshDir = () => join(work, `cache-${++dirCount}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => resetCitations());

const quiet: CitationOptions = { log: null };
/** Starting worker threads (each loads citeproc and builds its engines) is slow on a loaded machine. */
const WORKER_TIMEOUT = 90_000;

async function allFor(list: readonly Publication[], options: CitationOptions) {
  const done = precomputeCitations(list, options);
  const results = await Promise.all(list.map((p) => citationsFor(p)));
  return { stats: await done, results };
}

describe('citation cache file', () => {
  const key = (n: number) => citationKey('test', String(n));

  it('is <cacheDir>/catalogue/citations.tsv, for a path or the file: URL Astro gives', () => {
    expect(CITATION_CACHE_FILE).toBe(join('catalogue', 'citations.tsv'));
    expect(citationCachePath('/x/.astro')).toBe('/x/.astro/catalogue/citations.tsv');
    expect(citationCachePath(new URL('file:///x/.astro/'))).toBe('/x/.astro/catalogue/citations.tsv');
  });

  it('keys are SHA-256 of the parts, which cannot run into each other', () => {
    expect(key(1)).toMatch(/^[0-9a-f]{64}$/);
    expect(citationKey('ab', 'c')).not.toBe(citationKey('a', 'bc'));
    expect(citationKey('a', 'b')).toBe(citationKey('a', 'b'));
  });

  it('reads back what it wrote, line ends, quotes and any script included; leaves no temporary file', () => {
    const file = join(freshDir(), 'catalogue', 'citations.tsv');
    const entries: Array<[string, string]> = [
      [key(1), '<div class="csl-entry">A\n"quoted"\ttab</div>'],
      [key(2), 'الاتجار بالبشر — Торговля людьми \u2028'],
    ];
    writeCitationCache(file, entries);
    expect(readCitationCache(file)).toEqual({ entries: new Map(entries), status: 'ok' });
    expect(readdirSync(join(file, '..'))).toEqual(['citations.tsv']);
  });

  it('reports a missing file as missing', () => {
    expect(readCitationCache(join(freshDir(), 'nope.tsv'))).toEqual({ entries: new Map(), status: 'missing' });
  });

  it('ignores a corrupt file as a whole: truncated, a byte changed, another format, empty, binary', () => {
    const file = join(freshDir(), 'citations.tsv');
    writeCitationCache(file, [[key(1), 'one'], [key(2), 'two']]);
    const good = readFileSync(file);
    const variants: Array<[string, Buffer]> = [
      ['truncated', good.subarray(0, good.length - 20)],
      ['no end line', good.subarray(0, good.indexOf('end '))],
      ['byte changed', Buffer.from(good.toString('utf8').replace('one', 'onE'))],
      ['line dropped', Buffer.from(good.toString('utf8').replace(/^[0-9a-f]{64}\t"two"\n/m, ''))],
      ['empty', Buffer.alloc(0)],
      ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x0a])],
      ['JSON', Buffer.from('{"a":1}\n')],
    ];
    for (const [label, bytes] of variants) {
      writeFileSync(file, bytes);
      const read = readCitationCache(file);
      expect(read.status, label).toBe('corrupt');
      expect(read.entries.size, label).toBe(0);
    }
  });

  it('refuses a bad key and keeps the old file when a write fails', () => {
    const file = join(freshDir(), 'citations.tsv');
    writeCitationCache(file, [[key(1), 'one']]);
    expect(() => writeCitationCache(file, [[key(2), 'two'], ['not-a-key', 'x']])).toThrow(/key/);
    expect(readCitationCache(file).entries).toEqual(new Map([[key(1), 'one']]));
    expect(readdirSync(join(file, '..'))).toEqual(['citations.tsv']);
  });
});

describe('precomputed citations', () => {
  it.each([0, 1, 2])('equal formatCitations for every entry, with %i worker threads', async (workers) => {
    const { stats, results } = await allFor(publications, { ...quiet, workers });
    expect(stats.workers).toBe(workers);
    expect(stats.formatted).toBe(publications.length * CITATION_STYLES.length);
    results.forEach((citations, i) => expect(citations, publications[i]!.slug).toEqual(expected.get(publications[i]!.slug)));
  }, WORKER_TIMEOUT);

  it('formats a cold run, reuses every citation warm, and formats only what changed', async () => {
    const cacheDir = freshDir();
    const styles = CITATION_STYLES.length;
    const cold = await allFor(publications, { ...quiet, cacheDir, workers: 1 });
    expect(cold.stats).toMatchObject({ cacheStatus: 'missing', fromCache: 0, formatted: publications.length * styles, cacheWritten: true });
    const file = citationCachePath(cacheDir);
    expect(readCitationCache(file).entries.size).toBe(publications.length * styles);

    resetCitations();
    const warm = await allFor(publications, { ...quiet, cacheDir });
    expect(warm.stats).toMatchObject({ cacheStatus: 'ok', fromCache: publications.length * styles, formatted: 0, workers: 0, cacheWritten: false });
    warm.results.forEach((citations, i) => expect(citations).toEqual(expected.get(publications[i]!.slug)));

    // One entry edited, one added, one removed: three citations formatted per changed entry, the removed one pruned.
    const edited = make('organisation', { title: 'Global Report 2026', authors: ['UNODC'], year: 2026 });
    const added = make('added-entry', { title: 'Added', authors: ['Rachel B. Vogelstein'], year: 2025 });
    const next = [...publications.slice(1).filter((p) => p.slug !== 'organisation'), edited, added];
    resetCitations();
    const third = await allFor(next, { ...quiet, cacheDir });
    expect(third.stats).toMatchObject({ cacheStatus: 'ok', formatted: 2 * styles, fromCache: (next.length - 2) * styles, cacheWritten: true });
    third.results.forEach((citations, i) => expect(citations).toEqual(formatCitations(next[i]!)));
    expect(readCitationCache(file).entries.size).toBe(next.length * styles);
  }, WORKER_TIMEOUT);

  it('ignores a corrupt cache file, formats everything and writes a good one', async () => {
    const cacheDir = freshDir();
    await allFor(fixtures, { ...quiet, cacheDir });
    const file = citationCachePath(cacheDir);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/csl-entry/, 'csl-entrx'));
    resetCitations();
    const lines: string[] = [];
    const { stats, results } = await allFor(fixtures, { cacheDir, log: (line) => lines.push(line) });
    expect(stats).toMatchObject({ cacheStatus: 'corrupt', fromCache: 0, cacheWritten: true });
    expect(lines.join('\n')).toMatch(/ignored an unreadable cache \(checksum mismatch\)/);
    results.forEach((citations, i) => expect(citations).toEqual(expected.get(fixtures[i]!.slug)));
    expect(readCitationCache(file).status).toBe('ok');
  });

  it('never trusts a cache entry for different data: a key covers the item and the style', async () => {
    const cacheDir = freshDir();
    await allFor(fixtures, { ...quiet, cacheDir });
    const keys = [...readCitationCache(citationCachePath(cacheDir)).entries.keys()];
    expect(new Set(keys).size).toBe(fixtures.length * CITATION_STYLES.length);
  });

  it('still builds when the cache cannot be written', async () => {
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const { stats, results } = await allFor(fixtures, { ...quiet, cacheDir: blocker });
      expect(stats.cacheWritten).toBe(false);
      results.forEach((citations, i) => expect(citations).toEqual(expected.get(fixtures[i]!.slug)));
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
  });

  it('formats on the spot what the precomputation does not know (an entry changed since it started)', async () => {
    void precomputeCitations(fixtures, quiet);
    const changed = { ...fixtures[0]!, data: { ...fixtures[0]!.data, title: 'A different title' } };
    expect(await citationsFor(changed)).toEqual(formatCitations(changed));
    expect(await citationsFor(publications.at(-1)!)).toEqual(expected.get(publications.at(-1)!.slug));
  });

  it('starts one precomputation from the first page that asks, with the whole catalogue', async () => {
    const lines: string[] = [];
    const first = await citationsFor(publications[0]!, { publications, log: (line) => lines.push(line) });
    expect(first).toEqual(expected.get(publications[0]!.slug));
    for (const p of publications) expect(await citationsFor(p, { publications, log: (line) => lines.push(line) })).toEqual(expected.get(p.slug));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\[citations\\] ${publications.length} entries, ${publications.length * CITATION_STYLES.length} citations`));
    // A catalogue this small is formatted on the main thread: starting a worker would cost more than it saves.
    expect(lines[0]).toMatch(/formatted \(\d+ on the main thread\)/);
  });

  it('can be started before any publication page (the first route of a build), and pages then use it', async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    startCitations(publications, { log });
    startCitations(publications, { log });
    // Pages that do not pass the catalogue still get theirs from the precomputation started above.
    for (const p of publications) expect(await citationsFor(p)).toEqual(expected.get(p.slug));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toHaveLength(1);
  });
});

describe('citeproc worker pool', () => {
  it('uses one worker per core (at most 4) unless CATALOGUE_CITE_WORKERS says otherwise', () => {
    const saved = process.env.CATALOGUE_CITE_WORKERS;
    try {
      expect(availableCitationWorkers()).toBeGreaterThanOrEqual(1);
      expect(availableCitationWorkers()).toBeLessThanOrEqual(MAX_CITATION_WORKERS);
      delete process.env.CATALOGUE_CITE_WORKERS;
      expect(citationWorkersFromEnv()).toBeUndefined();
      process.env.CATALOGUE_CITE_WORKERS = '0';
      expect(citationWorkersFromEnv()).toBe(0);
      process.env.CATALOGUE_CITE_WORKERS = ' 3 ';
      expect(citationWorkersFromEnv()).toBe(3);
      process.env.CATALOGUE_CITE_WORKERS = '64';
      expect(citationWorkersFromEnv()).toBe(MAX_CITATION_WORKERS);
      process.env.CATALOGUE_CITE_WORKERS = 'many';
      expect(citationWorkersFromEnv()).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.CATALOGUE_CITE_WORKERS;
      else process.env.CATALOGUE_CITE_WORKERS = saved;
    }
  });

  const jobs = publications.flatMap((p) =>
    ['apa', 'harvard1'].map((template) => ({ item: toCsl(p), template })),
  );

  it('returns what the same call returns on the main thread, job by job, and stops its workers', async () => {
    const pool = new CiteprocPool(jobs, { workers: 2, templates: {} });
    expect(pool.workers).toBe(2);
    const html = await Promise.all(pool.tasks.map((task) => task.promise));
    expect(html).toEqual(jobs.map(({ item, template }) => citeprocHtml(item, template)));
    await pool.done;
    expect(pool.counts.inWorkers + pool.counts.inProcess).toBe(jobs.length);
  }, WORKER_TIMEOUT);

  it('rejects only the job citeproc fails on', async () => {
    const bad = [jobs[0]!, { item: jobs[1]!.item, template: 'no-such-style' }, jobs[2]!];
    for (const workers of [0, 1]) {
      const pool = new CiteprocPool(bad, { workers, templates: {} });
      await expect(pool.tasks[1]!.promise).rejects.toThrow(/no-such-style/);
      expect(await pool.tasks[2]!.promise).toBe(citeprocHtml(jobs[2]!.item, jobs[2]!.template));
      await pool.done;
    }
  }, WORKER_TIMEOUT);

  it('runs every job on the main thread when a worker cannot start or dies', async () => {
    const broken = join(work, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("worker failed to load");\n');
    const pool = new CiteprocPool(jobs, { workers: 2, templates: {}, workerFile: broken });
    const html = await Promise.all(pool.tasks.map((task) => task.promise));
    expect(html).toEqual(jobs.map(({ item, template }) => citeprocHtml(item, template)));
    expect(pool.counts.inProcess).toBe(jobs.length);
    expect(existsSync(broken)).toBe(true);
  }, WORKER_TIMEOUT);

  it('takes over the job a dying worker had started, and the rest', async () => {
    const dying = join(work, 'dying-worker.mjs');
    writeFileSync(
      dying,
      [
        "import { workerData } from 'node:worker_threads';",
        'const owners = new Int32Array(workerData.claims);',
        'const index = Atomics.add(owners, 0, 1);',
        'Atomics.compareExchange(owners, index + 1, 0, workerData.id);',
        'process.exit(1);',
      ].join('\n'),
    );
    const pool = new CiteprocPool(jobs, { workers: 1, templates: {}, workerFile: dying });
    const html = await Promise.all(pool.tasks.map((task) => task.promise));
    expect(html).toEqual(jobs.map(({ item, template }) => citeprocHtml(item, template)));
    expect(pool.counts).toEqual({ inWorkers: 0, inProcess: jobs.length });
  }, WORKER_TIMEOUT);

  it('lets the main thread take a job no worker has started', async () => {
    const pool = new CiteprocPool(jobs, { workers: 1, templates: {} });
    const last = pool.tasks.at(-1)!;
    pool.take(last);
    expect(await last.promise).toBe(citeprocHtml(jobs.at(-1)!.item, jobs.at(-1)!.template));
    expect(pool.counts.inProcess).toBeGreaterThanOrEqual(1);
    await pool.done;
  }, WORKER_TIMEOUT);
});

describe('citeproc without what makes one entry depend on another (sort, disambiguation, author substitute)', () => {
  const TEMPLATES = { apa: 'apa', 'chicago-author-date': 'chicago-author-date', harvard: 'harvard1' } as const;

  it("drops the bibliography's <sort> and author substitute and the citation's disambiguation options only, and leaves other styles unchanged", () => {
    const style =
      '<style><citation et-al-min="3" disambiguate-add-givenname="true" disambiguate-add-names="true" ' +
      'disambiguate-add-year-suffix="true" givenname-disambiguation-rule="primary-name" collapse="year">' +
      '<sort><key macro="author"/></sort><layout/></citation>' +
      '<bibliography hanging-indent="true" subsequent-author-substitute="———" subsequent-author-substitute-rule="complete-all" entry-spacing="0">' +
      '<sort><key macro="author"/><key variable="issued"/></sort><layout/></bibliography></style>';
    expect(singleItemStyle(style)).toBe(
      '<style><citation et-al-min="3" collapse="year"><sort><key macro="author"/></sort><layout/></citation>' +
        '<bibliography hanging-indent="true" entry-spacing="0"><layout/></bibliography></style>',
    );
    const plain = '<style><citation collapse="citation-number"><layout/></citation><bibliography><layout/></bibliography></style>';
    expect(singleItemStyle(plain)).toBe(plain);
    for (const template of Object.values(TEMPLATES)) {
      const xml = (plugins.config.get('@csl') as { styles: { get(name: string): string } }).styles.get(template);
      expect(xml, template).toMatch(/<bibliography\b[\s\S]*<sort>/);
      expect(xml, template).toMatch(/<citation\b[^>]*disambiguate-add-year-suffix="true"/);
      const single = singleItemStyle(xml);
      expect(single, template).not.toMatch(/<bibliography\b[\s\S]*<sort>/);
      expect(single, template).not.toMatch(/<citation\b[^>]*disambiguat/);
      expect(single, template).not.toMatch(/<bibliography\b[^>]*subsequent-author-substitute/);
      // Everything else in the style is untouched: the bibliography's layout and the citation's other options.
      expect(single.length, template).toBeGreaterThan(xml.length * 0.8);
      expect(single, template).toMatch(/<citation\b[^>]*et-al-min=/);
    }
  });

  it('formats every real entry and test case exactly as the published style does', () => {
    const everyone = [...readFixturePublications('content/publications'), ...publications];
    expect(everyone.length).toBeGreaterThan(100);
    expect(CITATION_STYLES.map((s) => s.id)).toEqual(Object.keys(TEMPLATES));
    for (const publication of everyone) {
      const item = toCsl(publication);
      for (const template of Object.values(TEMPLATES)) {
        const [[, published]] = plugins.output.format('bibliography', [item], {
          format: 'html',
          template,
          lang: CITEPROC_LOCALE,
          asEntryArray: true,
        }) as Array<[string, string]>;
        expect(citeprocHtml(item, template), `${publication.slug} in ${template}`).toBe(published);
      }
    }
  });

  it('formats entries in one call exactly as each alone (no "2020a", no "———" across entries)', () => {
    const everyone = [...readFixturePublications('content/publications'), ...publications];
    const items = everyone.map(toCsl);
    // The test cases include two entries by the same author in the same year, next to each other.
    const same = items.findIndex((item) => item.id === 'same-author-year');
    expect(items[same - 1]!.author).toEqual(items[same]!.author);
    const chicago = (plugins.config.get('@csl') as { styles: { get(name: string): string } }).styles.get('chicago-author-date');
    expect(chicago).toMatch(/subsequent-author-substitute=/);
    for (const template of Object.values(TEMPLATES)) {
      const alone = items.map((item) => citeprocHtml(item, template));
      for (const size of [2, 8, 24]) {
        const together: Array<string | undefined> = [];
        for (let i = 0; i < items.length; i += size) together.push(...citeprocHtmls(items.slice(i, i + size), template));
        expect(together, `${template}, ${size} per call`).toEqual(alone);
      }
    }
  });
});
