import { displayTitle, type Publication } from '../catalogue';
import type { Entry } from '../schema/entry';
import { itemKind } from './kind';
import { classifyAuthors, type AuthorName } from './names';
import { displayPublisher, recordUrl } from './record';

/** An entry as CSL-JSON, the data model every citation style here starts from: only what the catalogue knows. */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'report' | 'book';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [[number]] };
  publisher?: string;
  language?: string;
  URL?: string;
  abstract?: string;
  'citation-key': string;
}

/** Organisations are `{ literal }` (never split), persons `{ family, given }`. */
function toCslName(author: AuthorName): CslName {
  return author.kind === 'person' ? { family: author.family, given: author.given } : { literal: author.name };
}

/** The item's language for citations: the title's, else English when available in English, else its first. */
export function itemLanguage(entry: Pick<Entry, 'title_language' | 'languages'>): string | undefined {
  if (entry.title_language) return entry.title_language;
  if (!entry.languages?.length) return undefined;
  return entry.languages.includes('en') ? 'en' : entry.languages[0];
}

/** One CSL-JSON item for citations: URL only when the publication's own link is known (not this catalogue). */
export function toCsl({ slug, data }: Publication): CslItem {
  const item: CslItem = { id: slug, 'citation-key': slug, type: itemKind(data.category), title: displayTitle(data) };
  const authors = classifyAuthors(data.authors);
  if (authors.length) item.author = authors.map(toCslName);
  if (data.year !== undefined) item.issued = { 'date-parts': [[data.year]] };
  const publisher = displayPublisher(data);
  if (publisher) item.publisher = publisher;
  const language = itemLanguage(data);
  if (language) item.language = language;
  if (data.link) item.URL = data.link;
  return item;
}

/** A CSL-JSON record for reference managers: the citation item, the summary as `abstract`, and always a URL. */
export function toCslRecord(publication: Publication): CslItem {
  return { ...toCsl(publication), URL: recordUrl(publication), abstract: publication.data.summary };
}

/** CSL-JSON text of one or more publications: an array, as CSL-JSON files are. */
export function toCslJson(publications: readonly Publication[]): string {
  return `${JSON.stringify(publications.map(toCslRecord), null, 2)}\n`;
}
