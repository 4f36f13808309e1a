import { displayTitle, type Publication } from '../catalogue';
import { itemLanguage } from './csl';
import { itemKind } from './kind';
import { classifyAuthors } from './names';
import { displayPublisher, recordUrl } from './record';

/**
 * COinS (ContextObjects in Spans, OpenURL 1.0 KEV in `<span class="Z3988" title="…">`): the record as Zotero saves
 * it from a publication page. Zotero's connector prefers its COinS translator (priority 310) to Embedded Metadata
 * (320), and COinS is the only page markup it reads with
 *
 * - organisations as one single-field creator (`rft.aucorp`), persons split at the comma (`rft.au=Family, Given`);
 * - no date and no language unless the record has one (Embedded Metadata falls back to the first
 *   `<time datetime>` and to `<html lang>`);
 * - the same item type as the downloads: book format with `rft.genre=report` (Report) or `book` (Book);
 * - the publisher (`rft.pub`), URL (`rft_id`) and summary (`rft.description`, the abstract).
 *
 * Zotero files `rft.aucorp` creators before `rft.au` ones, in reverse order of appearance, so organisations are
 * written last first; credits that put a person before an organisation cannot keep their order (none do today;
 * tests/unit/zotero-rules.test.ts checks every record).
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
