import { displayTitle, type Publication } from '../catalogue';
import { itemLanguage } from './csl';
import { itemKind } from './kind';
import { classifyAuthors } from './names';
import { displayPublisher, recordUrl } from './record';

/**
 * COinS (OpenURL KEV in `<span class="Z3988">`): Zotero's connector prefers it to Embedded Metadata, and it is the
 * only page markup that keeps organisations whole (`rft.aucorp`) and adds no date or language the record lacks.
 * Zotero files `rft.aucorp` creators first, in reverse order, so organisations are written last first
 * (tests/unit/zotero-rules.test.ts checks every record).
 */
export function coinsContextObject(publication: Publication): string {
  const { data } = publication;
  const kind = itemKind(data.category);
  const pairs: Array<[string, string]> = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:book'],
    ['rft.genre', kind],
    ['rft.btitle', displayTitle(data)],
  ];
  const authors = classifyAuthors(data.authors);
  for (const author of authors.filter((a) => a.kind === 'organization').reverse()) pairs.push(['rft.aucorp', author.name]);
  for (const author of authors) if (author.kind === 'person') pairs.push(['rft.au', `${author.family}, ${author.given}`]);
  if (data.year !== undefined) pairs.push(['rft.date', String(data.year)]);
  const publisher = displayPublisher(data);
  if (publisher) pairs.push(['rft.pub', publisher]);
  const language = itemLanguage(data);
  if (language) pairs.push(['rft.language', language]);
  pairs.push(['rft_id', recordUrl(publication)]);
  pairs.push(['rft.description', data.summary]);
  // encodeURIComponent leaves no & = or space; the value is then an attribute, escaped by whoever writes it.
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
}
