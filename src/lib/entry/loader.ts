import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Publication } from '../catalogue';
import { citeprocThreads } from '../cite/citeproc-threads';
import { CITATION_STYLES, formatAllCitations, type FormattedCitation } from '../cite/format';
import { addedDates, withAdded } from '../git-added';
import type { Heading } from '../markdown/render';
import type { Entry } from '../schema/entry';
import { formatProblems } from '../validate/format';
import { combine, displayPath, listEntryFiles, validateSource, type SourceResult } from '../validate/index';

/**
 * The publications collection's loader: every entry file goes through `validateSource`, the very function
 * `npm run validate` runs (bytes → UTF-8 → frontmatter → YAML → the entry schema → the rules → the body rendered
 * by THE Markdown processor), and the store keeps what it validated: data, rendered body, headings, citations.
 * So the site shows exactly what the validator accepted, and anything it refuses stops the build with its message.
 *
 * An entry whose bytes (and pipeline) are unchanged since the last build is taken from Astro's data store (kept in
 * its cacheDir) instead of being read, rendered and cited again.
 */

/** Bump when what the pipeline stores changes; the lock file covers every dependency (YAML, Sätteri, citeproc). */
const PIPELINE_VERSION = '2';

/** What the store keeps besides the data, in `rendered.metadata`; not a citation's `text`: pages show its runs. */
export type StoredMetadata = { headings: Heading[]; citations: Array<Omit<FormattedCitation, 'text'>> };

export function catalogueLoader({ base }: { base: string }): Loader {
  return {
    name: 'catalogue:publications',
    async load(context) {
      const dir = resolve(fileURLToPath(context.config.root), base);
      await loadEntries(context, dir);
      // The dev server: an edit reloads the folder, and only the changed entries are read again.
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, path) => {
        if (resolve(path).startsWith(dir)) void loadEntries(context, dir);
      });
    },
  };
}

function pipelineKey(root: string): string {
  let lock = '';
  try {
    lock = readFileSync(resolve(root, 'package-lock.json'), 'utf8');
  } catch {
    // no lock file: the version alone
  }
  return createHash('sha256').update(PIPELINE_VERSION).update(lock).digest('hex');
}

async function loadEntries({ store, logger, watcher, config }: LoaderContext, dir: string): Promise<void> {
  const root = fileURLToPath(config.root);
  const key = pipelineKey(root);
  const files = await listEntryFiles(dir);
  const results: Array<{ fileName: string; result: SourceResult }> = [];
  const fresh: Array<{ path: string; digest: string; result: SourceResult }> = [];
  const ids = new Set<string>();
  for (const path of files) {
    const bytes = readFileSync(path);
    const digest = createHash('sha256').update(key).update(bytes).digest('hex');
    const id = basename(path).replace(/\.md$/, '');
    ids.add(id);
    const stored = store.get(id);
    let result: SourceResult;
    if (stored?.digest === digest) {
      result = { problems: [], data: stored.data };
    } else {
      result = validateSource(displayPath(path), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      fresh.push({ path, digest, result });
    }
    results.push({ fileName: displayPath(path), result });
  }
  const { problems } = combine(results, true);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    const message = `${errors.length} error${errors.length === 1 ? '' : 's'} in the entries (run \`npm run validate\`):\n${formatProblems(errors, 'text')}`;
    // The dev server keeps serving the last good version of a broken entry; a build stops.
    if (!watcher) throw new Error(message);
    logger.error(message);
  }
  const bad = new Set(errors.map((p) => p.file));
  let addedOf: ReturnType<typeof addedDates> | undefined;
  const good = fresh.flatMap(({ path, digest, result: { entry } }) => {
    if (!entry || bad.has(entry.file)) return [];
    // An entry that leaves `added` out gets the day git first saw its file (src/lib/git-added.ts).
    const publication: Publication = { slug: entry.slug, data: withAdded(entry.data, path, (addedOf ??= addedDates())) };
    return [{ path, digest, entry, publication }];
  });
  // All at once: on a cold build that is thousands of entries, and citeproc then runs on every core.
  const threads = citeprocThreads(good.length * CITATION_STYLES.length);
  const citations = await formatAllCitations(good.map(({ publication }) => publication), threads);
  good.forEach(({ path, digest, entry, publication }, i) => {
    const metadata: StoredMetadata = { headings: entry.headings, citations: citations[i]!.map(({ style, segments }) => ({ style, segments })) };
    store.set<Entry>({
      id: entry.slug,
      data: publication.data,
      digest,
      filePath: relative(root, path),
      rendered: { html: entry.html, metadata },
    });
  });
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  logger.info(`${files.length} entries: ${fresh.length} read, validated, rendered and cited (citeproc on ${threads} thread${threads === 1 ? '' : 's'}); ${files.length - fresh.length} unchanged`);
}
