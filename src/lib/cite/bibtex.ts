import { displayTitle, type Publication } from '../catalogue';
import { itemLanguage } from './csl';
import { itemKind, type ItemKind } from './kind';
import { classifyAuthors, type AuthorName } from './names';
import { displayPublisher, recordUrl } from './record';

/**
 * BibTeX for one or more publications, written here rather than by citation-js, whose writer either drops every
 * character outside ASCII (Cyrillic and Arabic titles vanish) or stops escaping LaTeX specials. This writer keeps
 * UTF-8 text as is (biber, BibLaTeX, Zotero, JabRef and modern BibTeX read it) and escapes only what LaTeX would
 * misread: \ { } & % $ # _ ~ ^, and runs of hyphens (TeX would set "--" as a dash).
 *
 * Organisations are wrapped in braces so BibTeX treats them as one name ({Walk Free Foundation}); persons are
 * written "Family, Given". Capitalised words in titles are protected with braces, so styles that lower-case
 * titles keep "Trafficking" and "UNODC" as printed. Every entry carries its URL and the summary as `abstract`.
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
  const publisher = displayPublisher(data);
  if (kind === 'report') {
    const institution = publisher ?? authors.find((a) => a.kind === 'organization')?.name;
    if (institution) fields.push(['institution', escapeLatex(institution)]);
  } else if (publisher) {
    fields.push(['publisher', escapeLatex(publisher)]);
  }
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
