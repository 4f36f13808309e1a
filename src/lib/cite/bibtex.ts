import { displayTitle, type Publication } from '../catalogue';
import { itemLanguage } from './csl';
import { itemKind, type ItemKind } from './kind';
import { classifyAuthors, type AuthorName } from './names';
import { displayPublisher, recordUrl, reportInstitution } from './record';

/**
 * BibTeX written here: citation-js's writer either drops every character outside ASCII or stops escaping LaTeX
 * specials. UTF-8 is kept as is; organisations are braced as one name, and capitalised title words are braced so
 * styles that lower-case titles keep them as printed.
 */

const ENTRY_TYPES: Record<ItemKind, string> = { report: 'techreport', book: 'book' };

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes LaTeX specials in text; everything else (any script) passes through. */
export function escapeLatex(text: string): string {
  return (
    text
      .replace(/[\\{}&%$#_~^]/g, (c) => LATEX_SPECIALS[c]!)
      // "--" and "---" are dash ligatures in TeX: keep hyphens as typed ("<!--", "a--b").
      .replace(/-(?=-)/g, '-{}')
  );
}

/** A title with every word that has a capital letter after escaping wrapped in braces: "Global {Report} on …". */
function protectCapitals(title: string): string {
  return title
    .split(/(\s+)/)
    .map((word) => (/\p{Lu}/u.test(word) ? `{${escapeLatex(word)}}` : escapeLatex(word)))
    .join('');
}

function bibtexName(author: AuthorName): string {
  if (author.kind === 'organization') return `{${escapeLatex(author.name)}}`;
  return `${escapeLatex(author.family)}, ${escapeLatex(author.given)}`;
}

/** One entry; `key` is the slug (lower-case letters, digits and hyphens, all valid in BibTeX keys). */
function toBibTeXEntry(publication: Publication): string {
  const { slug, data } = publication;
  const kind = itemKind(data.category);
  const authors = classifyAuthors(data.authors);
  const fields: Array<[string, string]> = [];
  if (authors.length) fields.push(['author', authors.map(bibtexName).join(' and ')]);
  fields.push(['title', protectCapitals(displayTitle(data))]);
  if (data.year !== undefined) fields.push(['year', String(data.year)]);
  const publisher = kind === 'report' ? reportInstitution(data, authors) : displayPublisher(data);
  if (publisher) fields.push([kind === 'report' ? 'institution' : 'publisher', escapeLatex(publisher)]);
  const language = itemLanguage(data);
  if (language) fields.push(['language', language]);
  // URLs go in verbatim: the url package reads them raw, and % or # must not gain a backslash.
  fields.push(['url', recordUrl(publication).replace(/[{}]/g, encodeURIComponent)]);
  fields.push(['abstract', escapeLatex(data.summary)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n');
  return `@${ENTRY_TYPES[kind]}{${slug},\n${body}\n}\n`;
}

/** A BibTeX file: entries separated by blank lines, UTF-8, LF line ends. */
export function toBibTeX(publications: readonly Publication[]): string {
  return publications.map(toBibTeXEntry).join('\n');
}
