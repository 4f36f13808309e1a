import { createHash } from 'node:crypto';
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortNewestFirst, type Publication } from './catalogue';
import type { StoredMetadata } from './entry/loader';
import { buildFacets, type Facets } from './facets';
import { addedDates, withAdded } from './git-added';

/**
 * The catalogue as pages need it, read and indexed ONCE per build: every browse page, publication page and the
 * home page share this one result, so building 100,000 entries' pages is not O(pages × entries).
 */
interface LoadedCatalogue {
  /** Newest first, undated last, then by title. */
  publications: Publication[];
  facets: Facets;
  /** The collection entries by slug, for `render()` on publication pages. */
  entries: Map<string, CollectionEntry<'publications'>>;
  /** A publication's citations in every style, as the content loader formatted and stored them. */
  citations(slug: string): StoredMetadata['citations'];
  /**
   * A page's key for Astro's incremental build (astro.config.mjs): a hash of everything the page shows, given as its
   * props and any other values it reads. A publication counts as its entry's digest (bytes and pipeline: body,
   * headings, citations) plus its data (which adds the git-derived `added` date), so its key changes when it does.
   */
  cacheKey(...shown: unknown[]): string;
}

let loaded: Promise<LoadedCatalogue> | undefined;

export function loadCatalogue(): Promise<LoadedCatalogue> {
  // The dev server keeps modules between requests while entries change: only a build may keep the result.
  if (import.meta.env.DEV) return read();
  return (loaded ??= read());
}

async function read(): Promise<LoadedCatalogue> {
  const collection = await getCollection('publications');
  // An entry that leaves `added` out gets it from git here, the one place pages, feeds and exports read entries from.
  const added = addedDates();
  const publications = sortNewestFirst(
    collection.map((entry) => ({ slug: entry.id, data: withAdded(entry.data, entry.filePath, added) })),
  );
  const entries = new Map(collection.map((entry) => [entry.id, entry]));
  const keys = new Map<unknown, string>(
    publications.map((p) => [p, hash(`${entries.get(p.slug)?.digest}\n${JSON.stringify(p.data)}`)]),
  );
  return {
    publications,
    facets: buildFacets(publications),
    entries,
    citations(slug) {
      const stored = (entries.get(slug)?.rendered?.metadata as StoredMetadata | undefined)?.citations;
      if (!stored) throw new Error(`The content store has no citations for ${slug}: clear the cache folder and build again`);
      return stored;
    },
    cacheKey(...shown) {
      return hash(JSON.stringify(shown, (_key, value: unknown) => keys.get(value) ?? value));
    },
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
