import { displayTitle, externalLinkHost, type Publication } from './catalogue';
import { DOCUMENTS_PATH } from './documents/records';
import { recordPageUrl } from './cite/record';
import { CORRECTION_TEMPLATE, entryFilePath } from './new-entry/editor-links';
import { REPOSITORY_URL } from './site';

/**
 * How a reader gets the document a record describes: its link when known; otherwise ordinary links that search
 * for it elsewhere (nothing is requested until the reader follows one) and a pre-filled correction to add the link.
 */

/**
 * Publishers whose own site search we link to, matched against a record's publisher and authors. Only addresses
 * seen in use in public code and documentation are listed (found with the project's search tool); IOM, ICAT and
 * OSCE are left out until a search address of theirs is confirmed — their records still get the general searches.
 */
export const PUBLISHER_SEARCHES: ReadonlyArray<{ name: string; matches: RegExp; url: (query: string) => string }> = [
  {
    name: 'UNODC’s website',
    matches: /\bUNODC\b|United Nations Office on Drugs and Crime/,
    url: (q) => `https://www.unodc.org/unodc/en/search.html?query=${encodeURIComponent(q)}`,
  },
  {
    name: 'the U.S. Department of State’s website',
    matches: /(?:United States|U\.S\.) Department of State/,
    url: (q) => `https://www.state.gov/?s=${encodeURIComponent(q)}`,
  },
];

/** Catalogues and archives that hold grey literature, searched with the title and the publisher or first author. */
export const GENERAL_SEARCHES: ReadonlyArray<{ name: string; url: (query: string) => string }> = [
  { name: 'WorldCat (libraries worldwide)', url: (q) => `https://search.worldcat.org/search?q=${encodeURIComponent(q)}` },
  { name: 'Google Scholar', url: (q) => `https://scholar.google.com/scholar?q=${encodeURIComponent(q)}` },
  { name: 'the UN Digital Library', url: (q) => `https://digitallibrary.un.org/search?ln=en&p=${encodeURIComponent(q)}` },
  { name: 'the Internet Archive', url: (q) => `https://archive.org/search?query=${encodeURIComponent(q)}` },
];

/** File types a link's path can show, by extension. */
const FILE_TYPES: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word document',
  docx: 'Word document',
  odt: 'OpenDocument text',
  rtf: 'RTF document',
  epub: 'EPUB e-book',
  xls: 'Excel spreadsheet',
  xlsx: 'Excel spreadsheet',
  ppt: 'PowerPoint slides',
  pptx: 'PowerPoint slides',
  zip: 'ZIP archive',
  mp3: 'MP3 audio',
  mp4: 'MP4 video',
};

/** "PDF" for https://a.org/x/report.pdf?download=1; undefined when the path shows no known file type. */
export function linkFileType(link: string): string | undefined {
  if (!URL.canParse(link)) return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(new URL(link).pathname)?.[1]?.toLowerCase();
  return extension ? FILE_TYPES[extension] : undefined;
}

/** An organisation's name without its trailing acronym: "United Nations Office on Drugs and Crime (UNODC)" → "… Crime". */
function searchName(name: string): string {
  return name.replace(/\s*\([^()]*\)\s*$/, '').trim() || name;
}

export interface Search {
  name: string;
  href: string;
}

export type DocumentAccess =
  /** The catalogue's own copy (a document it may publish, see src/lib/documents/), and the publisher's when known. */
  | { kind: 'copy'; href: string; fileType: string; link?: { href: string; host: string } }
  | { kind: 'link'; href: string; host: string; fileType: string | undefined }
  | { kind: 'search'; query: string; searches: Search[]; addLinkUrl: string };

/** The title to search for: exact (in quotes) unless the catalogue supplied it. */
function searchTitle(data: Publication['data']): string {
  return data.title_supplied ? data.title : `"${data.title.replace(/"/g, '')}"`;
}

/**
 * The search words for a record: its exact title in quotes (a supplied, descriptive title is not the real one, so
 * its words are searched loose), then the publisher or else the first author, then the year when known.
 */
export function searchQuery({ data }: Publication): string {
  const title = searchTitle(data);
  const by = data.publisher ?? data.authors?.[0];
  return [title, by && searchName(by), data.year].filter(Boolean).join(' ');
}

/** A new correction issue (the "Suggest a correction" route), pre-filled for adding the publication's link. */
export function addLinkIssueUrl(publication: Publication): string {
  const { slug, data } = publication;
  const title = displayTitle(data);
  const body = [
    `**Entry:** ${title}`,
    `**Page:** ${recordPageUrl(slug)}`,
    `**File:** \`${entryFilePath(slug)}\``,
    '',
    '### What is wrong or missing?',
    'No link to the publication is known.',
    '',
    '### What should it say?',
    'link: https://',
    '',
    '### Where does the correct information come from?',
    '<!-- The publisher\'s page or PDF of this publication. The catalogue never guesses a link. -->',
    '',
  ].join('\n');
  const query = new URLSearchParams({ template: CORRECTION_TEMPLATE, title: `Link: ${title} (${slug})`, body });
  return `${REPOSITORY_URL}/issues/new?${query}`;
}

export function documentAccess(publication: Publication): DocumentAccess {
  const { data } = publication;
  const host = externalLinkHost(data.link);
  if (data.document && data.document_redistributable) {
    return {
      kind: 'copy',
      href: `${DOCUMENTS_PATH}${encodeURIComponent(data.document)}`,
      fileType: /\.pdf$/i.test(data.document) ? 'PDF' : 'plain text',
      ...(data.link && host ? { link: { href: data.link, host } } : {}),
    };
  }
  if (data.link && host) return { kind: 'link', href: data.link, host, fileType: linkFileType(data.link) };
  const query = searchQuery(publication);
  const credits = [data.publisher, ...(data.authors ?? [])].filter((c): c is string => Boolean(c));
  const own = PUBLISHER_SEARCHES.filter((site) => credits.some((credit) => site.matches.test(credit)));
  const titleOnly = searchTitle(data);
  return {
    kind: 'search',
    query,
    searches: [
      ...own.map((site) => ({ name: site.name, href: site.url(titleOnly) })),
      ...GENERAL_SEARCHES.map((site) => ({ name: site.name, href: site.url(query) })),
    ],
    addLinkUrl: addLinkIssueUrl(publication),
  };
}
