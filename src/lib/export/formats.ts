import type { Publication } from '../catalogue';
import { toBibTeX } from '../cite/bibtex';
import { toRIS } from '../cite/ris';
import { FACETS, type FacetKey } from '../facets';
import { toCsv } from './csv';
import { toDatasetJson, type DatasetInfo } from './json';

/**
 * The open dataset's download formats, for the whole catalogue (/data/catalogue.<ext>) and for each region, country
 * and category (/data/<regions|countries|categories>/<slug>.<ext>). One list: endpoints, the data page and facet
 * pages' links all read it.
 */
export interface DataFormat {
  label: string;
  extension: string;
  mediaType: string;
  /** One line for the data page: what it is good for. */
  purpose: string;
  write: (publications: readonly Publication[], info: DatasetInfo) => string;
}

export const DATA_FORMATS = {
  csv: {
    label: 'CSV',
    extension: 'csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    purpose: 'Spreadsheets (Excel, LibreOffice), R, pandas: one row per publication.',
    write: (publications) => toCsv(publications),
  },
  json: {
    label: 'JSON',
    extension: 'json',
    mediaType: 'application/json',
    purpose: 'Programs: every field as validated, lists as arrays, described by catalogue.schema.json.',
    write: toDatasetJson,
  },
  bib: {
    label: 'BibTeX',
    extension: 'bib',
    mediaType: 'application/x-bibtex; charset=utf-8',
    purpose: 'LaTeX and reference managers (JabRef, Zotero, BibDesk).',
    write: (publications) => toBibTeX(publications),
  },
  ris: {
    label: 'RIS',
    extension: 'ris',
    mediaType: 'application/x-research-info-systems; charset=utf-8',
    purpose: 'Reference managers (EndNote, Zotero, Mendeley, Citavi).',
    write: (publications) => toRIS(publications),
  },
} as const satisfies Record<string, DataFormat>;

export type DataFormatKey = keyof typeof DATA_FORMATS;
export const DATA_FORMAT_KEYS = Object.keys(DATA_FORMATS) as DataFormatKey[];

/** Facets with their own downloads (the same three that have feeds). */
export const DATA_FACETS = ['region', 'country', 'category'] as const satisfies readonly FacetKey[];
export type DataFacet = (typeof DATA_FACETS)[number];

export function catalogueDataPath(format: DataFormatKey): string {
  return `/data/catalogue.${DATA_FORMATS[format].extension}`;
}

/** `/data/countries/jo.csv`: the slug is the facet value's browse-page slug. */
export function facetDataPath(facet: DataFacet, slug: string, format: DataFormatKey): string {
  return `/data/${FACETS[facet].segment}/${slug}.${DATA_FORMATS[format].extension}`;
}
