/**
 * Astro's incremental build (astro.config.mjs; page keys from src/lib/load-catalogue.ts): the fixture site is built,
 * one entry's title is changed and another entry removed, and the site rebuilt into the same folder with the same
 * cache folder, as an editor does. The rebuilt folder must hold exactly what a cold build of the changed entries
 * writes, file for file (so the changed page and every page showing that entry are new, and nothing of the removed
 * entry is left: src/integrations/keep-output.ts), while the pages that show nothing changed are kept, not rendered.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTRO_BIN, buildEnv, SCRATCH_BUILDS_DIR } from '../../scripts/lib/build-site';
import { FIXTURE_SITE_DIR, readEntries } from '../support/fixture-publications';

let work: string;
const OLD_TITLE_MARK = 'Incremental-old-title';
const NEW_TITLE = 'Incremental build: the changed title';
let changed: string;
let removed: string;
let logs: { first: string; second: string };

/** `astro build` of `contentDir` into `outDir` with its cache in `cacheDir`; the log, which lists each page. */
async function astroBuild(contentDir: string, outDir: string, cacheDir: string): Promise<string> {
  const child = spawn(process.execPath, [ASTRO_BIN, 'build'], { env: { ...buildEnv(contentDir, outDir, cacheDir), NO_COLOR: '1' } });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${log}`);
  return log;
}

/** Every file of a built site (its text), by path. */
function files(outDir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const item of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (item.isFile()) found.set(relative(outDir, join(item.parentPath, item.name)), readFileSync(join(item.parentPath, item.name), 'utf8'));
  }
  return found;
}

/** Every HTML page of a built site, by path. */
const pages = (outDir: string) => new Map([...files(outDir)].filter(([path]) => path.endsWith('.html')));

/** The pages a build's log says it copied from the cache instead of rendering. */
const reused = (log: string) => new Set([...log.matchAll(/─ \/(\S+\.html) \((?:restored|cached)\)/g)].map((m) => m[1]!));

beforeAll(async () => {
  mkdirSync(SCRATCH_BUILDS_DIR, { recursive: true });
  work = mkdtempSync(join(SCRATCH_BUILDS_DIR, 'incremental-'));
  // The whole fixture site: its documents folder sits beside its entries.
  cpSync(join(FIXTURE_SITE_DIR, '..'), join(work, 'site'), { recursive: true });
  const content = join(work, 'site', 'publications');
  const entries = readEntries(content);
  const first = entries.find((e) => !e.data.title_language && !e.data.title.includes('\n'))!;
  changed = first.slug;
  removed = entries.find((e) => e.slug !== changed && !e.data.document)!.slug;
  const file = join(content, `${changed}.md`);
  // A mark in the old title, to find any page still showing it after the change.
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${OLD_TITLE_MARK} ${first.data.title.replace(/[:#'"]/g, '')}`));
  const cache = join(work, 'cache');
  const firstLog = await astroBuild(content, join(work, 'second'), cache);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: "${NEW_TITLE}"`));
  rmSync(join(content, `${removed}.md`));
  const second = await astroBuild(content, join(work, 'second'), cache);
  await astroBuild(content, join(work, 'cold'), join(work, 'cold-cache'));
  logs = { first: firstLog, second };
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a rebuild into the same folder with its cache after changing one entry and removing another', () => {
  it('leaves exactly the files a cold build writes: the changed page and every page showing the entry are new', () => {
    const rebuiltFiles = files(join(work, 'second'));
    const coldFiles = files(join(work, 'cold'));
    expect([...rebuiltFiles.keys()].sort()).toEqual([...coldFiles.keys()].sort());
    const differing = [...coldFiles].filter(([path, text]) => rebuiltFiles.get(path) !== text).map(([path]) => path);
    expect(differing).toEqual([]);
    expect([...rebuiltFiles.keys()].filter((path) => path.includes(removed))).toEqual([]);
    const rebuilt = pages(join(work, 'second'));
    const stale = [...rebuilt].filter(([, html]) => html.includes(OLD_TITLE_MARK)).map(([path]) => path);
    expect(stale).toEqual([]);
    const showing = [...rebuilt].filter(([, html]) => html.includes(NEW_TITLE)).map(([path]) => path);
    // Its own page, the list of all publications and its browse pages at least.
    expect(showing).toContain(`publications/${changed}/index.html`);
    expect(showing).toContain('publications/index.html');
    expect(showing.filter((path) => /^(regions|countries|years|categories|languages|authors)\//.test(path)).length).toBeGreaterThan(0);
    // None of the pages showing the changed entry came from the cache.
    const copied = reused(logs.second);
    expect(showing.filter((path) => copied.has(path))).toEqual([]);
  });

  it('keeps the unchanged pages instead of rendering them again', () => {
    expect(reused(logs.first).size).toBe(0);
    const copied = reused(logs.second);
    const publicationPages = [...pages(join(work, 'second')).keys()].filter((path) => /^publications\/[^/]+\/index\.html$/.test(path) && !path.startsWith('publications/page/'));
    const others = publicationPages.filter((path) => path !== `publications/${changed}/index.html`);
    expect(others.length).toBeGreaterThan(1);
    expect(others.filter((path) => !copied.has(path))).toEqual([]);
    expect(copied.has(`publications/${changed}/index.html`)).toBe(false);
    // The data exports and feeds have keys too: those of a value the changed entries do not have are kept.
    for (const folder of ['data', 'feeds']) expect(logs.second).toMatch(new RegExp(`─ /${folder}/\\S+ \\((?:restored|cached)\\)`));
  });
});
