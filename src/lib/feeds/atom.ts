import { displayTitle, publicationPath, type Publication } from '../catalogue';
import { categoryLabel } from '../schema/categories';
import { countryName } from '../schema/countries';
import { SITE_NAME, SITE_URL } from '../site';
import { element, XML_DECLARATION } from './xml';

/**
 * Atom 1.0 (RFC 4287) feeds of catalogue additions. Each entry is a catalogue record: its id and link are the
 * record's page, `updated`/`published` the day it was added, its summary the catalogue's own. Authors as credited;
 * the feed's author is the catalogue (which covers entries without authors, as RFC 4287 §4.1.2 allows).
 */

export interface AtomFeed {
  /** Absolute path of the feed itself (rel="self"), e.g. /feeds/countries/jo.xml. */
  path: string;
  /** Absolute path of the page that lists the same publications (rel="alternate"). */
  alternatePath: string;
  title: string;
  subtitle: string;
  /** Newest first; already cut to the feed's size. */
  publications: readonly Publication[];
  /** Used for `updated` when the feed has no entries: the newest addition to the whole catalogue (deterministic). */
  fallbackUpdated?: string;
}

const absolute = (path: string) => new URL(path, SITE_URL).href;

/** An `added` date (YYYY-MM-DD) as an RFC 3339 date-time at midnight UTC. */
export function atomDate(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

function entryXml(publication: Publication): string {
  const { data } = publication;
  const url = absolute(publicationPath(publication.slug));
  const lines = [
    element('id', {}, url),
    element('title', { type: 'text', 'xml:lang': data.title_language }, displayTitle(data)),
    element('link', { rel: 'alternate', type: 'text/html', href: url }),
    ...(data.link ? [element('link', { rel: 'related', href: data.link, title: 'The publication' })] : []),
    element('published', {}, atomDate(data.added)),
    element('updated', {}, atomDate(data.added)),
    ...(data.authors ?? []).map((name) => `<author>${element('name', {}, name)}</author>`),
    element('category', { term: data.category, label: categoryLabel(data.category), scheme: absolute('/categories/') }),
    ...data.region.map((region) => element('category', { term: region, scheme: absolute('/regions/') })),
    ...data.country.map((code) =>
      element('category', { term: code, label: countryName(code), scheme: absolute('/countries/') }),
    ),
    element('summary', { type: 'text' }, data.summary),
  ];
  return `  <entry>\n${lines.map((line) => `    ${line}`).join('\n')}\n  </entry>`;
}

export function toAtom(feed: AtomFeed): string {
  const newest = feed.publications.reduce<string | undefined>(
    (max, p) => (max === undefined || p.data.added > max ? p.data.added : max),
    undefined,
  );
  const updated = newest ?? feed.fallbackUpdated ?? '1970-01-01';
  const head = [
    element('id', {}, absolute(feed.path)),
    element('title', { type: 'text' }, feed.title),
    element('subtitle', { type: 'text' }, feed.subtitle),
    element('link', { rel: 'self', type: 'application/atom+xml', href: absolute(feed.path) }),
    element('link', { rel: 'alternate', type: 'text/html', href: absolute(feed.alternatePath) }),
    element('updated', {}, atomDate(updated)),
    `<author>${element('name', {}, SITE_NAME)}${element('uri', {}, absolute('/'))}</author>`,
    element('rights', { type: 'text' }, 'Catalogue records: CC0 1.0 (public domain). Publications belong to their publishers.'),
  ];
  return (
    XML_DECLARATION +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n` +
    head.map((line) => `  ${line}`).join('\n') +
    '\n' +
    feed.publications.map(entryXml).join('\n') +
    (feed.publications.length ? '\n' : '') +
    '</feed>\n'
  );
}
