import { publicationPath, type Publication } from '../catalogue';
import { toBibTeX } from './bibtex';
import { toCslJson } from './csl';
import { toRIS } from './ris';

/**
 * The reference-manager formats every publication (and the whole catalogue) can be downloaded in: one list, used
 * by the per-entry endpoints, the "Cite this" links, <link rel="alternate"> in <head> and the open data page.
 */
export const CITE_FORMATS = {
  ris: {
    label: 'RIS',
    extension: 'ris',
    mediaType: 'application/x-research-info-systems',
    forWhom: 'EndNote, Zotero, Mendeley, Citavi',
    write: toRIS,
  },
  bib: {
    label: 'BibTeX',
    extension: 'bib',
    mediaType: 'application/x-bibtex',
    forWhom: 'LaTeX, BibLaTeX, JabRef, Zotero',
    write: toBibTeX,
  },
  json: {
    label: 'CSL-JSON',
    extension: 'json',
    mediaType: 'application/vnd.citationstyles.csl+json',
    forWhom: 'Zotero, pandoc, citation processors',
    write: toCslJson,
  },
} as const satisfies Record<
  string,
  {
    label: string;
    extension: string;
    mediaType: string;
    forWhom: string;
    write: (publications: readonly Publication[]) => string;
  }
>;

export type CiteFormat = keyof typeof CITE_FORMATS;
export const CITE_FORMAT_KEYS = Object.keys(CITE_FORMATS) as CiteFormat[];

/** `/publications/<slug>/cite.ris`: next to the publication's page, so the URL says what it is. */
export function citeDownloadPath(slug: string, format: CiteFormat): string {
  return `${publicationPath(slug)}cite.${CITE_FORMATS[format].extension}`;
}

/** The file name a browser saves a download under: `<slug>.ris`. */
export function citeDownloadName(slug: string, format: CiteFormat): string {
  return `${slug}.${CITE_FORMATS[format].extension}`;
}
