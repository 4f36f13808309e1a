import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITE_FORMAT_KEYS, citeDownloadPath } from '../lib/cite/downloads';

/**
 * A rebuild keeps the last build's output folder instead of emptying it: Astro's incremental build then leaves a
 * page whose cacheKey is unchanged where it is, instead of deleting every file and copying the page back from its
 * cache. What this build no longer makes (a removed entry's page and downloads, old script bundles) is deleted
 * when the build is done, so the folder holds exactly what a cold build would write.
 *
 * Kept: files written by this build, the pages Astro reports as built (rendered or kept) with their citation
 * downloads, and `pagefind/`, which the search-index step owns and rewrites after Astro.
 */
export function keepOutputIntegration(): AstroIntegration {
  let started = 0;
  return {
    name: 'catalogue:keep-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const siteDir = fileURLToPath(dir);
        const built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        // A built publication page's downloads are current: cite-downloads.ts wrote them, or left them as they were.
        for (const path of [...built]) {
          const slug = /[/\\]publications[/\\]([^/\\]+)[/\\]index\.html$/.exec(path)?.[1];
          if (slug) for (const format of CITE_FORMAT_KEYS) built.add(join(siteDir, citeDownloadPath(slug, format)));
        }
        const removed = pruneOutput(siteDir, (path) => built.has(path) || statSync(path).mtimeMs >= started);
        if (removed) logger.info(`Removed ${removed} file(s) the last build wrote and this one did not`);
      },
    },
  };
}

/** Deletes every file under `siteDir` (but `pagefind/`) that `keep` refuses, and folders left empty. */
function pruneOutput(siteDir: string, keep: (path: string) => boolean): number {
  let removed = 0;
  const walk = (folder: string): boolean => {
    let empty = true;
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      if (item.isDirectory()) {
        if (relative(siteDir, path).split(sep)[0] === 'pagefind' || !walk(path)) {
          empty = false;
        } else {
          rmdirSync(path);
        }
      } else if (keep(path)) {
        empty = false;
      } else {
        rmSync(path);
        removed += 1;
      }
    }
    return empty;
  };
  walk(siteDir);
  return removed;
}
