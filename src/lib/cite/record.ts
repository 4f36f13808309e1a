import { publicationPath, type Publication } from '../catalogue';
import type { Entry } from '../schema/entry';
import { SITE_URL } from '../site';

/**
 * What every reference-manager record says beyond the citation itself, decided once for the page (COinS, Highwire)
 * and the RIS, BibTeX and CSL-JSON downloads, so none of them disagrees.
 */

/** A publisher as a library shows it: one the catalogue supplied (no source names it) in square brackets. */
export function displayPublisher(entry: Pick<Entry, 'publisher' | 'publisher_supplied'>): string | undefined {
  if (!entry.publisher) return undefined;
  return entry.publisher_supplied ? `[${entry.publisher}]` : entry.publisher;
}

/** The record's page in the catalogue: `https://…/publications/<slug>/`. */
export function recordPageUrl(slug: string): string {
  return new URL(publicationPath(slug), SITE_URL).href;
}

/**
 * The URL a saved record carries: the publication itself when its link is known, otherwise its page here (which
 * says how to find a copy). Never empty, so a reader can always get back to where the record came from.
 */
export function recordUrl({ slug, data }: Publication): string {
  return data.link ?? recordPageUrl(slug);
}
