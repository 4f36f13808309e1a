import { displayTitle, type Publication } from '../catalogue';
import { categoryLabel } from '../schema/categories';
import { countryName } from '../schema/countries';
import { itemLanguage } from './csl';
import { itemKind, type ItemKind } from './kind';
import { classifyAuthors } from './names';
import { displayPublisher, recordUrl } from './record';

/**
 * RIS written here: citation-js's writer wraps lines at 70 characters, which splits long organisation names in two
 * on the way back in. One KW line per keyword, so a region whose name has a comma stays one keyword.
 */

const TYPES: Record<ItemKind, string> = { report: 'RPRT', book: 'BOOK' };

/**
 * Zotero's RIS.js splits an AU value at its first comma into last and first name, so a comma inside an
 * organisation's name is written as U+201A (‚), which looks the same and keeps the name one creator.
 */
export const RIS_NAME_COMMA = '\u201A';
function risCorporateName(name: string): string {
  return name.replace(/,/g, RIS_NAME_COMMA);
}

/** RIS values are single lines: line breaks become spaces. */
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, ' ');

function toRISEntry(publication: Publication): string {
  const { slug, data } = publication;
  const lines: Array<[string, string]> = [['TY', TYPES[itemKind(data.category)]]];
  lines.push(['ID', slug]);
  lines.push(['TI', displayTitle(data)]);
  for (const author of classifyAuthors(data.authors)) {
    lines.push(['AU', author.kind === 'person' ? `${author.family}, ${author.given}` : risCorporateName(author.name)]);
  }
  if (data.year !== undefined) lines.push(['PY', String(data.year)]);
  const publisher = displayPublisher(data);
  if (publisher) lines.push(['PB', publisher]);
  const language = itemLanguage(data);
  if (language) lines.push(['LA', language]);
  lines.push(['UR', recordUrl(publication)]);
  lines.push(['N2', data.summary]);
  lines.push(['KW', categoryLabel(data.category)]);
  for (const region of data.region) lines.push(['KW', region]);
  for (const code of data.country) lines.push(['KW', countryName(code)]);
  lines.push(['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}\r\n`).join('');
}

/** An RIS file: records one after another, CRLF line ends. */
export function toRIS(publications: readonly Publication[]): string {
  return publications.map(toRISEntry).join('\r\n');
}
