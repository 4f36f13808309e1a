import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VOCABULARY_FILE } from './search/vocabulary';

/**
 * The newest modification time of a file, or of anything below a folder (0 when it does not exist). Links are not
 * followed and unreadable names are skipped: a stray link or a file deleted meanwhile must not stop `npm start`.
 */
export function newestMtime(path: string): number {
  const info = statOrUndefined(path);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  let names: string[];
  try {
    names = readdirSync(path, { recursive: true, encoding: 'utf8' });
  } catch {
    return newest;
  }
  for (const name of names) newest = Math.max(newest, statOrUndefined(join(path, name))?.mtimeMs ?? 0);
  return newest;
}

function statOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Why `distDir` must be built again, or undefined when it is up to date. The search step of `npm run build` writes
 * the spelling vocabulary last, so its time is when the build finished (a rebuild keeps unchanged pages with their
 * old times); when it is missing (Astro's step removes it: keep-output.ts) or older than the home page, the last build
 * did not finish.
 */
export function whyBuild(distDir: string, sources: readonly string[]): string | undefined {
  const pages = statOrUndefined(join(distDir, 'index.html'));
  if (!pages) return `${distDir}/ has not been built yet`;
  const finished = statOrUndefined(join(distDir, VOCABULARY_FILE));
  if (!finished || finished.mtimeMs < pages.mtimeMs || !existsSync(join(distDir, 'pagefind'))) {
    return `the last build of ${distDir}/ did not finish`;
  }
  const changed = sources.find((source) => newestMtime(source) > finished.mtimeMs);
  return changed === undefined ? undefined : `${changed} changed since ${distDir}/ was built`;
}

/** True when `dist/` is missing, unfinished or older than anything it is built from. */
export function needsBuild(distDir: string, sources: readonly string[]): boolean {
  return whyBuild(distDir, sources) !== undefined;
}
