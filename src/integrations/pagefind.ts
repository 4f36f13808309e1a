import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { searchExpansion } from '../lib/search/expand';
import { SOURCES } from '../lib/schema/sources';
import { indexedDocument, indexedText, withExpansion, withoutTexts } from '../lib/search/page-text';
import { VOCABULARY_FILE, VocabularyBuilder } from '../lib/search/vocabulary';

/**
 * Builds the Pagefind search index over the finished site, in the same `astro build`, through Pagefind's Node API
 * (no third-party integration). Failures stop the build with a message that says what failed and why.
 *
 * Besides what Pagefind does by itself, for every indexed page (one with `data-pagefind-body`):
 * - the page is indexed with a hidden expansion (src/lib/search/expand.ts: other names of the organisations,
 *   places and terms it names, other spellings of its words), so "ILO" finds "International Labour Organization"
 *   and "labour" finds "labor". Only the copy handed to Pagefind gets it; the served HTML is unchanged;
 * - its words go into the spelling vocabulary, written to `search/vocabulary.json` for did-you-mean;
 * - the provenance labels (where the record came from: "Source listing: … (part B: IOM, UNHCR, UN, …)") are left
 *   out of the index: they are about the record, not the publication, and would make every entry from one
 *   listing match "UNHCR".
 */
const PROVENANCE_LABELS = [...Object.values(SOURCES), "Where this record's details come from:"];

/**
 * Parts of a publication page kept out of the indexed body text, so that excerpts come from the summary and the
 * full text instead of repeating the title and the record's field labels ("Year Undated. Category Report …"). What
 * they hold stays searchable as metadata: the title (`data-pagefind-meta="title"`, counted five times) and the
 * record's values (SearchData.astro: authors, publisher, places, languages, year, category).
 */
const EXCLUDED_FROM_BODY = [
  'article[data-pagefind-body] > h1',
  'dl.fields',
  'article[data-pagefind-body] > p.muted',
  // "Summary", "Provenance": the same words on every page.
  'article[data-pagefind-body] > h2',
];

export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'catalogue:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const sitePath = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await pagefind.createIndex({
            forceLanguage: 'en',
            excludeSelectors: EXCLUDED_FROM_BODY,
          });
          if (!index) throw new Error(createErrors.join('; ') || 'createIndex returned no index');
          const vocabulary = new VocabularyBuilder();
          let pages = 0;
          let expanded = 0;
          const files = await publicationPages(sitePath);
          // A few files at a time: reading and expanding overlaps with Pagefind parsing the previous ones.
          for (let i = 0; i < files.length; i += 16) {
            await Promise.all(
              files.slice(i, i + 16).map(async (file) => {
                const page = await readFile(file, 'utf8').catch(ifMissing(undefined));
                if (page === undefined) return; // a folder of list pages ("publications/page/"), not a publication
                // Reduced once to the part Pagefind reads; everything after works on that small document.
                const reduced = indexedDocument(page);
                if (reduced === undefined) return; // not a page Pagefind indexes (no data-pagefind-body)
                const html = withoutTexts(reduced, PROVENANCE_LABELS);
                const text = indexedText(html)!;
                const expansion = searchExpansion(text);
                vocabulary.addPage(text, expansion.join(' '));
                const content = withExpansion(html, expansion);
                const added = await index.addHTMLFile({ url: pageUrl(sitePath, file), content });
                if (added.errors.length) throw new Error(`${file}: ${added.errors.join('; ')}`);
                pages += 1;
                if (expansion.length) expanded += 1;
              }),
            );
          }
          const written = await index.writeFiles({ outputPath: join(sitePath, 'pagefind') });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          const vocabularyPath = join(sitePath, VOCABULARY_FILE);
          await mkdir(dirname(vocabularyPath), { recursive: true });
          await writeFile(vocabularyPath, JSON.stringify(vocabulary.toFile()));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(
            `Pagefind indexed ${pages} pages (${expanded} with synonyms or spelling variants added) and wrote ` +
              `${vocabulary.size} words for spelling suggestions in ${seconds} s`,
          );
        } catch (cause) {
          throw new Error('Building the Pagefind search index failed', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/**
 * The publication pages ("<root>/publications/<slug>/index.html"): the only pages with `data-pagefind-body`.
 * Browse lists, data and help pages are not search results, and reading them all cost time at 10,000 entries.
 */
async function publicationPages(root: string): Promise<string[]> {
  const folders = await readdir(join(root, 'publications'), { withFileTypes: true });
  return folders
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(root, 'publications', entry.name, 'index.html'))
    .sort();
}

/** For `.catch()`: the fallback when the file does not exist; any other error is rethrown. */
function ifMissing<T>(fallback: T): (error: NodeJS.ErrnoException) => T {
  return (error) => {
    if (error.code === 'ENOENT') return fallback;
    throw error;
  };
}

/** "/abs/dist/publications/x/index.html" → "/publications/x/" (the site is built with directory URLs). */
function pageUrl(root: string, file: string): string {
  const path = relative(root, file).split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}
