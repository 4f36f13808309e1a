import { publicationPath, type Publication } from '../catalogue';
import type { Entry } from '../schema/entry';
import { SITE_URL } from '../site';
import { classifyAuthors } from './names';

// What every reference-manager record says beyond the citation, decided once so the page and downloads agree.

/** A publisher as a library shows it: one the catalogue supplied (no source names it) in square brackets. */
export function displayPublisher(entry: Pick<Entry, 'publisher' | 'publisher_supplied'>): string | undefined {
  if (!entry.publisher) return undefined;
  return entry.publisher_supplied ? `[${entry.publisher}]` : entry.publisher;
}

/** The record's page in the catalogue: `https://…/publications/<slug>/`. */
export function recordPageUrl(slug: string): string {
  return new URL(publicationPath(slug), SITE_URL).href;
}

/** The URL a saved record carries: the publication's link, else its page here (which says how to find a copy). */
export function recordUrl({ slug, data }: Publication): string {
  return data.link ?? recordPageUrl(slug);
}

/** The institution a report is credited to: its publisher, else its first organisation author. */
export function reportInstitution(entry: Entry, authors = classifyAuthors(entry.authors)): string | undefined {
  return displayPublisher(entry) ?? authors.find((a) => a.kind === 'organization')?.name;
}
