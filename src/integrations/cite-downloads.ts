import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicationPath, type Publication } from '../lib/catalogue';
import { CITE_FORMAT_KEYS, CITE_FORMATS, citeDownloadPath } from '../lib/cite/downloads';
import { readCatalogueExport } from '../lib/export/read';

/**
 * Every publication's record for reference managers: /publications/<slug>/cite.ris, cite.bib and cite.json.
 *
 * A build writes them in one pass after the pages, cut from the whole-catalogue JSON export (/data/catalogue.json,
 * lossless: every field as validated, with the slug). As Astro routes they were three quarters of a build's routes
 * (30,000 at 10,000 entries), each paying Astro's per-route pipeline; here they are plain file writes into folders
 * the publication pages already made. They exist in builds only: `npm start` serves the build (the dev server, with
 * trailingSlash 'always', answered 404 for these addresses even when they were routes).
 */
export function citeDownloadsIntegration(): AstroIntegration {
  let buildStarted = 0;
  return {
    name: 'catalogue:cite-downloads',
    hooks: {
      'astro:build:start': () => {
        buildStarted = Date.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        const publications = await readCatalogueExport(siteDir);
        writeCiteDownloads(siteDir, publications, buildStarted);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`Wrote ${publications.length * CITE_FORMAT_KEYS.length} citation downloads in ${seconds} s`);
      },
    },
  };
}

/**
 * Writes cite.ris, cite.bib and cite.json beside each publication's page (small files: one after the other). A
 * rebuild keeps the output folder (keep-output.ts): the downloads of a page Astro kept from its cache (written
 * before `since`) stay as they are, since its cacheKey covers the entry's data and its module graph these writers
 * (CiteThis.astro imports them); a file the last build left with the same text is not written again.
 */
export function writeCiteDownloads(siteDir: string, publications: readonly Publication[], since = 0): void {
  for (const publication of publications) {
    const page = statSync(join(siteDir, publicationPath(publication.slug), 'index.html'), { throwIfNoEntry: false });
    const kept = page !== undefined && page.mtimeMs < since;
    for (const format of CITE_FORMAT_KEYS) {
      const file = join(siteDir, citeDownloadPath(publication.slug, format));
      if (kept && existsSync(file)) continue;
      const text = CITE_FORMATS[format].write([publication]);
      if (readIfExists(file) !== text) writeFileSync(file, text);
    }
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
