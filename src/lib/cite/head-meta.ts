import { displayTitle, type Publication } from '../catalogue';
import { categoryLabel } from '../schema/categories';
import { countryName } from '../schema/countries';
import { SITE_NAME } from '../site';
import { itemLanguage } from './csl';
import { itemKind } from './kind';
import { classifyAuthors, type AuthorName } from './names';
import { displayPublisher, reportInstitution } from './record';

// What a publication page says about itself in <head>: Highwire tags, JSON-LD and Open Graph.

export interface MetaTag {
  /** `name` attribute (Highwire) or `property` attribute (Open Graph). */
  attribute: 'name' | 'property';
  key: string;
  content: string;
}

/** True when a link's path ends in ".pdf" (query and fragment ignored). */
export function isPdfLink(link: string): boolean {
  return URL.canParse(link) && /\.pdf$/i.test(new URL(link).pathname);
}

/**
 * Highwire Press tags as Zotero's Embedded Metadata and Google Scholar read them. Highwire cannot mark a name as an
 * organisation (Zotero splits it), so the downloads are the exact route; the report institution makes a Report.
 */
export function highwireTags(publication: Publication): MetaTag[] {
  const { data } = publication;
  const tags: MetaTag[] = [];
  const add = (key: string, content: string | undefined) => {
    if (content) tags.push({ attribute: 'name', key, content });
  };
  const authors = classifyAuthors(data.authors);
  add('citation_title', displayTitle(data));
  for (const author of authors) add('citation_author', author.kind === 'person' ? `${author.family}, ${author.given}` : author.name);
  if (data.year !== undefined) {
    add('citation_publication_date', String(data.year));
    add('citation_date', String(data.year));
  }
  if (itemKind(data.category) === 'report') add('citation_technical_report_institution', reportInstitution(data, authors));
  else add('citation_publisher', displayPublisher(data));
  add('citation_language', itemLanguage(data));
  if (data.link) add(isPdfLink(data.link) ? 'citation_pdf_url' : 'citation_abstract_html_url', data.link);
  // Highwire has no tag for books; without one Zotero guesses "Journal Article". Its embedded metadata reader takes
  // a Zotero item type from DC.type ("book"; reports are settled above). Zotero itself reads the page's COinS.
  add('DC.type', itemKind(data.category));
  return tags;
}

/** Open Graph tags for link previews (no image: the catalogue has none and fetches none). */
export function openGraphTags(publication: Publication, pageUrl: string): MetaTag[] {
  const { data } = publication;
  const kind = itemKind(data.category);
  const tags: MetaTag[] = [
    { attribute: 'property', key: 'og:type', content: kind === 'book' ? 'book' : 'article' },
    { attribute: 'property', key: 'og:title', content: displayTitle(data) },
    { attribute: 'property', key: 'og:description', content: data.summary },
    { attribute: 'property', key: 'og:url', content: pageUrl },
    { attribute: 'property', key: 'og:site_name', content: SITE_NAME },
  ];
  if (kind === 'book' && data.year !== undefined) {
    tags.push({ attribute: 'property', key: 'book:release_date', content: String(data.year) });
  }
  return tags;
}

function jsonLdAuthor(author: AuthorName): Record<string, string> {
  return author.kind === 'person'
    ? { '@type': 'Person', name: author.name, familyName: author.family, givenName: author.given }
    : { '@type': 'Organization', name: author.name };
}

/** schema.org JSON-LD: `Report` for reports, `CreativeWork` for everything else. */
export function jsonLd(publication: Publication, pageUrl: string): Record<string, unknown> {
  const { data } = publication;
  const authors = classifyAuthors(data.authors);
  const about = [
    ...data.region.map((name) => ({ '@type': 'Place', name })),
    ...data.country.map((code) => ({ '@type': 'Place', name: countryName(code), identifier: code })),
  ];
  const item: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': itemKind(data.category) === 'report' ? 'Report' : 'CreativeWork',
    '@id': `${pageUrl}#publication`,
    name: displayTitle(data),
    genre: categoryLabel(data.category),
    description: data.summary,
    mainEntityOfPage: pageUrl,
  };
  if (authors.length) item.author = authors.map(jsonLdAuthor);
  if (data.year !== undefined) item.datePublished = String(data.year);
  // schema.org has no "supplied": the name without the catalogue's brackets.
  if (data.publisher) item.publisher = { '@type': 'Organization', name: data.publisher };
  const languages = data.languages?.length ? data.languages : data.title_language ? [data.title_language] : [];
  if (languages.length) item.inLanguage = languages.length === 1 ? languages[0] : languages;
  if (about.length) item.about = about;
  if (data.link) {
    item.url = data.link;
    if (isPdfLink(data.link)) item.encoding = { '@type': 'MediaObject', contentUrl: data.link, encodingFormat: 'application/pdf' };
  } else {
    item.url = pageUrl;
  }
  return item;
}

/**
 * JSON for inside a <script> element: `<`, `>`, `&`, U+2028 and U+2029 as \u escapes, so a title containing
 * "</script>" or "<!--" cannot end the element or start a comment. Still the same JSON.
 */
export function serializeJsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
