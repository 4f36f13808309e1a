/**
 * The rules Zotero's translators (github.com/zotero/translators, with zotero/utilities' openurl.js and
 * cleanAuthor) apply when they read our pages and downloads, written out as our own small readers so tests can
 * check every record the way Zotero will save it. Only the rules our markup relies on are here; each names the
 * translator and the behaviour it follows. This is not Zotero's code.
 */

export interface ZoteroCreator {
  lastName: string;
  firstName?: string;
  /** 1: one-field (an organisation's name kept whole). */
  fieldMode?: 1;
}

export interface ZoteroItem {
  itemType: string;
  title?: string;
  creators: ZoteroCreator[];
  date?: string;
  publisher?: string;
  language?: string;
  url?: string;
  abstractNote?: string;
}

/**
 * cleanAuthor(name, type, useComma=true), the part that matters for "Family, Given": punctuation trimmed from both
 * ends, cut at the first comma (or Arabic comma), family name before it, given name after it; then a full stop
 * after each single-capital initial of the given names ("Rachel B" → "Rachel B.").
 */
function splitAtComma(name: string): ZoteroCreator {
  const trimmed = name.replace(/^[\s\u00A0.,/[\]:]+/, '').replace(/[\s\u00A0.,/[\]:]+$/, '');
  const parts = trimmed.split(/[,،] ?/);
  if (parts.length < 2) return { lastName: trimmed };
  const given = parts[1]!
    .replace(/^[\s.]+/, '')
    .replace(/[\s,]+$/, '')
    .split(/(?:[\s.]+|(?=-))/)
    .map((n) => (/^-?[A-Z\u0400-\u042f]$/.test(n) ? `${n}.` : n))
    .join(' ')
    .replace(/ -/g, '-')
    .trim();
  return { lastName: parts[0]!, firstName: given };
}

/**
 * COinS.js → Zotero.Utilities.parseContextObject (openurl.js):
 * - item type from `rft_val_fmt`: book format is Book, or Report when a part reads exactly `rft.genre=report`,
 *   Document for `rft.genre=document`; journal format is Journal Article;
 * - values: `+` and `%2B` become spaces, then decodeURIComponent;
 * - `rft.btitle` is the title of a book or report; `rft.title` the title of anything but an article or chapter;
 * - `rft.au` → cleanAuthor with useComma when the value has a comma (split into family and given);
 * - `rft.aucorp` → { lastName, isInstitution } (one field), collected apart and spliced in afterwards at index
 *   `undefined + inserted` (NaN, i.e. 0): in front of the `rft.au` creators, each before the previous one;
 * - `rft.date` → date, `rft.pub` → publisher, `rft.language` → language, `rft.description` → abstract,
 *   `rft_id` starting with http(s):// → url. Nothing else sets a date or a language (no page fallbacks).
 */
export function readCoins(contextObject: string): ZoteroItem | undefined {
  const parts = contextObject.split('&');
  const format = parts.find((p) => p.startsWith('rft_val_fmt='))?.slice('rft_val_fmt='.length);
  let itemType: string | undefined;
  if (format && decodeURIComponent(format) === 'info:ofi/fmt:kev:mtx:book') {
    itemType = parts.includes('rft.genre=report') ? 'report' : parts.includes('rft.genre=document') ? 'document' : 'book';
  } else if (format && decodeURIComponent(format) === 'info:ofi/fmt:kev:mtx:journal') {
    itemType = 'journalArticle';
  }
  if (!itemType) return undefined;
  const item: ZoteroItem = { itemType, creators: [] };
  const corporate: ZoteroCreator[] = [];
  for (const part of parts) {
    const [key, raw] = part.split('=') as [string, string | undefined];
    const value = decodeURIComponent((raw ?? '').replace(/\+|%2[bB]/g, ' '));
    if (!value) continue;
    if (key === 'rft_id' && /^https?:\/\//.test(value)) item.url = value;
    else if (key === 'rft.btitle' && (itemType === 'book' || itemType === 'report')) item.title = value;
    else if (key === 'rft.title' && !['journalArticle', 'bookSection', 'conferencePaper'].includes(itemType)) item.title = value;
    else if (key === 'rft.au') item.creators.push(value.includes(',') ? splitAtComma(value) : splitAtLastSpace(value));
    else if (key === 'rft.aucorp') corporate.push({ lastName: value, fieldMode: 1 });
    else if (key === 'rft.date') item.date = value;
    else if (key === 'rft.pub' || key === 'rft.publisher') item.publisher = value;
    else if (key === 'rft.language') item.language = value;
    else if (key === 'rft.description') item.abstractNote = value;
  }
  for (const creator of corporate) item.creators.splice(0, 0, creator);
  return item;
}

/** cleanAuthor without useComma: the given names are everything before the last space. */
function splitAtLastSpace(name: string): ZoteroCreator {
  const i = name.lastIndexOf(' ');
  return i < 0 ? { lastName: name } : { lastName: name.slice(i + 1), firstName: name.slice(0, i) };
}

/** Embedded Metadata.js, addLowQualityMetadata: the fallbacks it uses when the tags leave a field empty. */
export function embeddedMetadataFallbacks(doc: { firstTimeDatetime: string | null; htmlLang: string | null }) {
  return { date: doc.firstTimeDatetime ?? undefined, language: doc.htmlLang ?? undefined };
}

/** RIS.js import: TY → item type (GEN is not Document: it imports as Journal Article). */
const RIS_TYPES: Record<string, string> = { RPRT: 'report', BOOK: 'book', GEN: 'journalArticle', JOUR: 'journalArticle' };

/**
 * RIS.js import:
 * - one `TAG  - value` per line;
 * - AU/A1: cut at the first comma into lastName and firstName; no comma (or nothing after it) → one field;
 * - PB: `institution` for reports, `publisher` otherwise (both Zotero's base field publisher);
 * - PY → date, LA → language, UR → url, AB and N2 → abstract.
 */
export function readRis(text: string): ZoteroItem[] {
  const items: ZoteroItem[] = [];
  let item: ZoteroItem | undefined;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const m = /^([A-Z][A-Z0-9])  - ?(.*)$/.exec(line);
    if (!m) continue;
    const [, tag, raw] = m as unknown as [string, string, string];
    const value = raw.trim();
    if (tag === 'TY') {
      item = { itemType: RIS_TYPES[value] ?? 'journalArticle', creators: [] };
      items.push(item);
      continue;
    }
    if (!item || value === '') continue;
    if (tag === 'ER') item = undefined;
    else if (tag === 'TI' || tag === 'T1') item.title = value;
    else if (tag === 'AU' || tag === 'A1') {
      const lastName = value.split(/\s*,\s*/)[0]!;
      const firstName = value.slice(lastName.length).replace(/^\s*,\s*/, '');
      item.creators.push(firstName ? { lastName, firstName } : { lastName, fieldMode: 1 });
    } else if (tag === 'PY') item.date = value;
    else if (tag === 'PB') item.publisher = value;
    else if (tag === 'LA') item.language = value;
    else if (tag === 'UR') item.url = value;
    else if (tag === 'AB' || tag === 'N2') item.abstractNote = value;
  }
  return items;
}

/** BibTeX.js import: entry type → item type. */
const BIBTEX_TYPES: Record<string, string> = { techreport: 'report', book: 'book', misc: 'document', article: 'journalArticle' };

/** Splits at `sep` outside braces (BibTeX.js splitUnprotected). */
function splitUnprotected(text: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      sep.lastIndex = i;
      const m = sep.exec(text);
      if (m && m.index === i) {
        out.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Undoes the LaTeX escapes our writer uses, and drops protective braces (BibTeX.js unescapeBibTeX, in part). */
export function unescapeBibTeX(value: string): string {
  return value
    .replace(/\\textbackslash\{\}/g, '\\')
    .replace(/\\textasciitilde\{\}/g, '~')
    .replace(/\\textasciicircum\{\}/g, '^')
    .replace(/-\{\}/g, '-')
    .replace(/\\([{}&%$#_])/g, (_m, c: string) => `\u0000${c}`)
    .replace(/[{}]/g, '')
    .replace(/\u0000/g, '');
}

/**
 * BibTeX.js import:
 * - `@techreport` → Report, `@book` → Book, `@misc` → Document;
 * - author: split at " and " outside braces; a name with a comma outside braces → lastName, firstName; a name
 *   that is one piece when split at spaces outside braces (`{Walk Free Foundation}`) → one field;
 * - institution → publisher (for reports), url (raw), abstract, language, year → date.
 */
export function readBibtex(text: string): ZoteroItem[] {
  const items: ZoteroItem[] = [];
  for (const entry of text.split(/^@/m).slice(1)) {
    const type = /^(\w+)\{/.exec(entry)?.[1] ?? '';
    const item: ZoteroItem = { itemType: BIBTEX_TYPES[type.toLowerCase()] ?? 'journalArticle', creators: [] };
    const fields = new Map<string, string>();
    const fieldRe = /^\s+(\w+) = \{/gm;
    let m: RegExpExecArray | null;
    while ((m = fieldRe.exec(entry))) {
      let depth = 1;
      let i = m.index + m[0].length;
      const start = i;
      for (; i < entry.length && depth > 0; i++) {
        if (entry[i] === '\\') i++;
        else if (entry[i] === '{') depth++;
        else if (entry[i] === '}') depth--;
      }
      fields.set(m[1]!.toLowerCase(), entry.slice(start, i - 1));
    }
    const authors = fields.get('author');
    if (authors) {
      for (const name of splitUnprotected(authors, / and /y)) {
        const pieces = splitUnprotected(name, /\s*,\s*/y);
        if (pieces.length > 1) item.creators.push({ lastName: unescapeBibTeX(pieces[0]!), firstName: unescapeBibTeX(pieces.slice(1).join(', ')) });
        else if (splitUnprotected(name, / +/y).length > 1) item.creators.push(splitAtLastSpace(unescapeBibTeX(name)));
        else item.creators.push({ lastName: unescapeBibTeX(name), fieldMode: 1 });
      }
    }
    const get = (key: string) => (fields.has(key) ? unescapeBibTeX(fields.get(key)!) : undefined);
    item.title = get('title');
    item.date = get('year');
    item.publisher = get('publisher') ?? get('institution');
    item.language = get('language');
    item.url = fields.get('url');
    item.abstractNote = get('abstract');
    items.push(item);
  }
  return items;
}

/**
 * CSL JSON.js import (Zotero.Utilities.Item.itemFromCSLJSON): type report/book; `literal` names → one field,
 * family/given → two; publisher, URL, abstract, language; issued date-parts → date.
 */
export function readCslJson(text: string): ZoteroItem[] {
  const records = JSON.parse(text) as Array<Record<string, any>>;
  return records.map((r) => ({
    itemType: r.type === 'report' || r.type === 'book' ? r.type : r.type === 'document' ? 'document' : 'journalArticle',
    title: r.title,
    creators: (r.author ?? []).map((a: { literal?: string; family?: string; given?: string }) =>
      a.literal ? { lastName: a.literal, fieldMode: 1 as const } : { lastName: a.family!, firstName: a.given },
    ),
    date: r.issued?.['date-parts']?.[0]?.join('-'),
    publisher: r.publisher,
    language: r.language,
    url: r.URL,
    abstractNote: r.abstract,
  }));
}
