import type { Entry } from './schema/entry';

/**
 * Pure helpers over catalogue entries (no Astro imports, so unit tests and scripts can use them).
 * A `Publication` is an entry with its slug (the file name).
 */
export interface Publication {
  slug: string;
  data: Entry;
}

/** Newest first, undated last, then by title (case- and accent-insensitive). */
export function compareNewestFirst(a: Publication, b: Publication): number {
  const ya = a.data.year ?? -Infinity;
  const yb = b.data.year ?? -Infinity;
  if (ya !== yb) return yb - ya;
  return titleCollator.compare(a.data.title, b.data.title);
}

const titleCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function sortNewestFirst<T extends Publication>(publications: readonly T[]): T[] {
  return [...publications].sort(compareNewestFirst);
}

/** The most recently added entries (by `added`, then newest publication first). */
export function newestAdditions<T extends Publication>(publications: readonly T[], count: number): T[] {
  return [...publications]
    .sort((a, b) => b.data.added.localeCompare(a.data.added) || compareNewestFirst(a, b))
    .slice(0, count);
}

/** The URL path of a publication page. */
export function publicationPath(slug: string): string {
  return `/publications/${slug}/`;
}

/** A title as a library shows it: supplied titles in square brackets. */
export function displayTitle(entry: Pick<Entry, 'title' | 'title_supplied'>): string {
  return entry.title_supplied ? `[${entry.title}]` : entry.title;
}
