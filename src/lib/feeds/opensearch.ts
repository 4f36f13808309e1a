import { SITE_DESCRIPTION, SITE_NAME, SITE_URL } from '../site';
import { element, XML_DECLARATION } from './xml';

/**
 * OpenSearch 1.1 description (/opensearch.xml): lets a browser add the catalogue as a search engine. Searches go to
 * the site's own search page; nothing is sent anywhere else.
 */
export const OPENSEARCH_PATH = '/opensearch.xml';
/** At most 16 characters (OpenSearch 1.1). */
export const OPENSEARCH_SHORT_NAME = 'Trafficking Pubs';

export function openSearchDescription(): string {
  const template = `${new URL('/search/', SITE_URL).href}?q={searchTerms}`;
  const lines = [
    element('ShortName', {}, OPENSEARCH_SHORT_NAME),
    element('LongName', {}, SITE_NAME),
    element('Description', {}, SITE_DESCRIPTION),
    element('InputEncoding', {}, 'UTF-8'),
    element('OutputEncoding', {}, 'UTF-8'),
    element('Language', {}, 'en'),
    element('Url', { type: 'text/html', method: 'get', template }),
    element('Url', { type: 'application/opensearchdescription+xml', rel: 'self', template: new URL(OPENSEARCH_PATH, SITE_URL).href }),
    element('Query', { role: 'example', searchTerms: 'forced labour' }),
  ];
  return `${XML_DECLARATION}<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">\n${lines.map((l) => `  ${l}`).join('\n')}\n</OpenSearchDescription>\n`;
}
