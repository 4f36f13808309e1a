/**
 * `npm start`'s up-to-date check (src/lib/build-state.ts) on folders made for the test: a file among the sources (the
 * issue's ENOTDIR crash on astro.config.mjs), a missing source, an unfinished build, a change after the build.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { needsBuild, newestMtime, whyBuild } from '../../src/lib/build-state';
import { VOCABULARY_FILE } from '../../src/lib/search/vocabulary';

const root = mkdtempSync(join(tmpdir(), 'build-state-'));
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function write(path: string, seconds: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  at(path, seconds);
}

let dist: string;
let sources: string[];

beforeEach(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  dist = join(root, 'dist');
  write(join(root, 'content/a.md'), 1000);
  write(join(root, 'astro.config.mjs'), 1000);
  write(join(dist, 'index.html'), 2000);
  mkdirSync(join(dist, 'pagefind'));
  write(join(dist, VOCABULARY_FILE), 2001);
  // A folder's own time counts too (a deleted entry changes only that): old like its files.
  at(join(root, 'content'), 1000);
  sources = [join(root, 'content'), join(root, 'astro.config.mjs'), join(root, 'not-there')];
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm start: is dist/ up to date?', () => {
  it('is up to date when every source, files among them, is older than the finished build', () => {
    expect(whyBuild(dist, sources)).toBeUndefined();
    expect(needsBuild(dist, sources)).toBe(false);
  });

  it('reads a file source as a file (no ENOTDIR) and sees it change', () => {
    expect(newestMtime(join(root, 'astro.config.mjs'))).toBe(1000 * 1000);
    at(join(root, 'astro.config.mjs'), 3000);
    expect(whyBuild(dist, sources)).toBe(`${join(root, 'astro.config.mjs')} changed since ${dist}/ was built`);
  });

  it('is up to date after a rebuild that kept an older home page (the search step finished after the edit)', () => {
    at(join(root, 'content/a.md'), 1500);
    at(join(root, 'content'), 1500);
    at(join(dist, 'index.html'), 1200);
    at(join(dist, VOCABULARY_FILE), 1600);
    expect(whyBuild(dist, sources)).toBeUndefined();
  });

  it('sees a touched entry', () => {
    at(join(root, 'content/a.md'), 3000);
    expect(whyBuild(dist, sources)).toMatch(/content changed since/);
  });

  it('builds when dist/ is missing', () => {
    rmSync(dist, { recursive: true });
    expect(whyBuild(dist, sources)).toBe(`${dist}/ has not been built yet`);
  });

  it('builds again after an unfinished build (pages newer than the search step, or no search index)', () => {
    at(join(dist, 'index.html'), 2500);
    expect(whyBuild(dist, sources)).toBe(`the last build of ${dist}/ did not finish`);
    at(join(dist, 'index.html'), 2000);
    rmSync(join(dist, VOCABULARY_FILE));
    expect(whyBuild(dist, sources)).toBe(`the last build of ${dist}/ did not finish`);
  });

  it('sees a deleted entry (the folder changed)', () => {
    rmSync(join(root, 'content/a.md'));
    expect(whyBuild(dist, sources)).toMatch(/content changed since/);
  });

  it('is not stopped by a dangling link among the sources (a new name: the folder changed)', () => {
    symlinkSync(join(root, 'nowhere'), join(root, 'content/dangling.md'));
    expect(() => whyBuild(dist, sources)).not.toThrow();
    expect(whyBuild(dist, sources)).toMatch(/content changed since/);
  });
});
