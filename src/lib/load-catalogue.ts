import { getCollection, type CollectionEntry } from 'astro:content';
import { sortNewestFirst, type Publication } from './catalogue';
import { buildFacets, type Facets } from './facets';
import { addedDates, withAdded } from './git-added';

/**
 * The catalogue as pages need it, read and indexed ONCE per build: every browse page, publication page and the
 * home page share this one result, so building 100,000 entries' pages is not O(pages × entries).
 */
export interface LoadedCatalogue {
  /** Newest first, undated last, then by title. */
  publications: Publication[];
  facets: Facets;
  /** The collection entries by slug, for `render()` on publication pages. */
  entries: Map<string, CollectionEntry<'publications'>>;
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
  return {
    publications,
    facets: buildFacets(publications),
    entries: new Map(collection.map((entry) => [entry.id, entry])),
  };
}
