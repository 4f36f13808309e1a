import { isSafeUrl } from './entry/url';
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

/** The slug in a publication page's URL path (`publicationPath` read back); undefined for any other path. */
export function publicationSlug(path: string): string | undefined {
  return /^\/publications\/([^/]+)\/$/.exec(path)?.[1];
}

/** A title as a library shows it: supplied titles in square brackets. */
export function displayTitle(entry: Pick<Entry, 'title' | 'title_supplied'>): string {
  return entry.title_supplied ? `[${entry.title}]` : entry.title;
}

/**
 * Where a publication's external link goes, for the words "Read it on <host>", or undefined when the link must
 * not be shown: only https links leave the site (the schema checks this too; this is defence in depth).
 */
export function externalLinkHost(link: string | undefined): string | undefined {
  return link && isSafeUrl(link) ? new URL(link).hostname.replace(/^www\./, '') : undefined;
}

/** "23 November 2026" for an `added` date (YYYY-MM-DD), read as a calendar date, not a moment in a time zone. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return dateFormat.format(new Date(Date.UTC(year!, month! - 1, day!)));
}

// Created once: a formatter per call showed in the build's CPU profile (one call per publication page).
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The earliest and latest year of publication, or undefined when no entry has a year. */
export function yearSpan(publications: readonly Publication[]): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const { data } of publications) {
    if (data.year === undefined) continue;
    first = Math.min(first, data.year);
    last = Math.max(last, data.year);
  }
  return first === Infinity ? undefined : { first, last };
}

/**
 * The authors a list shows for one entry: the first few, and how many more there are (the publication page names
 * them all), so an entry with forty authors does not fill a list.
 */
export function authorsForList(authors: readonly string[] | undefined, max = 4): { shown: string[]; more: number } {
  const all = authors ?? [];
  // Never "and 1 more": showing that one name takes no more room.
  if (all.length <= max + 1) return { shown: [...all], more: 0 };
  return { shown: all.slice(0, max), more: all.length - max };
}
