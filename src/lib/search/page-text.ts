import { decodeHTML } from 'entities';
import { facetNames } from '../facets';
import type { EntryData } from '../schema/entry';
import { catalogueAcronyms } from './acronyms';
import { compileSynonyms, type CompiledSynonyms } from './expand';
import { SYNONYMS } from './synonyms';

/**
 * The words a publication is searched by, from its validated data and its body as the one Markdown processor
 * rendered it: the build writes the hidden expansion of those words into the page (SearchData.astro).
 */

/** Plain text of an HTML fragment: scripts and styles dropped, every tag a word break, entities decoded. */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a reader can find a publication by: its record's values, summary, full text and reader notes. */
export function publicationText(data: EntryData, bodyHtml: string | undefined): string {
  return [
    data.title,
    data.publisher ?? '',
    // Authors, places, languages, year and category, named as the page names them.
    ...Object.values(facetNames(data)).flat(),
    data.summary,
    bodyHtml ? htmlToText(bodyHtml) : '',
    data.notes ?? '',
  ].join(' ');
}

const compiled = new WeakMap<object, CompiledSynonyms>();

/**
 * The synonym table with the acronyms the catalogue spells out in its titles, authors and publishers
 * (acronyms.ts), compiled once per list of entries.
 */
/** The acronyms the catalogue spells out in titles, authors and publishers ("… (BSEC)"), beside the hand-kept table. */
export function acronymsOf(entries: ReadonlyArray<{ data: Pick<EntryData, 'title' | 'authors' | 'publisher'> }>) {
  const texts = entries.flatMap(({ data }) => [data.title, ...(data.authors ?? []), data.publisher ?? '']);
  return catalogueAcronyms(texts, SYNONYMS);
}

export function catalogueSynonyms(entries: ReadonlyArray<{ data: Pick<EntryData, 'title' | 'authors' | 'publisher'> }>): CompiledSynonyms {
  let synonyms = compiled.get(entries);
  if (!synonyms) {
    synonyms = compileSynonyms([...SYNONYMS, ...acronymsOf(entries)]);
    compiled.set(entries, synonyms);
  }
  return synonyms;
}
