import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plugins, type Register } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { displayTitle, type Publication } from '../catalogue';
import { isRightToLeft } from '../schema/languages';
import { citeprocAll, citeprocHere, type CiteprocJob } from './citeproc-threads';
import { toCsl, type CslItem } from './csl';
import { decodeHTML } from 'entities';

/**
 * Citations formatted at build time by citation-js (citeproc-js). APA 7 and Harvard come with @citation-js/plugin-csl;
 * other styles are read from `vendor/csl/<id>.csl` when present (vendor/csl/README.md).
 */
export type StyleId = 'apa' | 'chicago-author-date' | 'harvard';

export interface CitationStyle {
  id: StyleId;
  /** What readers see: "APA 7". */
  label: string;
  /** The full name of the CSL style, for a title or note. */
  name: string;
}

interface StyleSource extends CitationStyle {
  /** The template name registered with citation-js. */
  template: string;
  /** A CSL file under vendor/csl/ that must exist for the style to be offered (bundled styles need none). */
  vendored?: string;
}

const ALL_STYLES: StyleSource[] = [
  { id: 'apa', label: 'APA 7', name: 'APA Style 7th edition', template: 'apa' },
  {
    id: 'chicago-author-date',
    label: 'Chicago (author-date)',
    name: 'Chicago Manual of Style (author-date)',
    template: 'chicago-author-date',
    vendored: 'chicago-author-date.csl',
  },
  { id: 'harvard', label: 'Harvard', name: 'Cite Them Right 12th edition (Harvard)', template: 'harvard1' },
];

/** The folder with vendored CSL styles (relative to the project root, where builds and tests run). */
const VENDOR_CSL_DIR = join(process.cwd(), 'vendor', 'csl');

const templates = plugins.config.get('@csl').styles as Register<string>;

function isAvailable(style: StyleSource): boolean {
  if (!style.vendored) return templates.has(style.template);
  if (templates.has(style.template)) return true;
  const file = join(VENDOR_CSL_DIR, style.vendored);
  if (!existsSync(file)) return false;
  templates.add(style.template, readFileSync(file, 'utf8'));
  return true;
}

/** The styles this build offers, in the order pages show them. */
export const CITATION_STYLES: readonly CitationStyle[] = ALL_STYLES.filter(isAvailable).map(
  ({ id, label, name }) => ({ id, label, name }),
);

/** A run of citation text with the emphasis the style asks for (APA and Harvard italicise titles). */
export interface CitationSegment {
  text: string;
  italic?: boolean;
  bold?: boolean;
  smallCaps?: boolean;
  /** Set on the title when it is not in English (WCAG 3.1.2), with its direction (an Arabic title is rtl). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

export interface FormattedCitation {
  style: CitationStyle;
  /** The reference as plain text (what "Copy" copies). */
  text: string;
  /** The same text in runs, for rendering with emphasis and escaping by the template (never as raw HTML). */
  segments: CitationSegment[];
}

// citeproc-js reads <i>, <b>, <sc>… in CSL strings as markup: angle brackets travel as two interlinear annotation
// characters (which entries never contain) and are restored afterwards.
const OPEN = '\uFFF9';
const CLOSE = '\uFFFB';
const protect = (s: string) => s.replace(/</g, OPEN).replace(/>/g, CLOSE);
const restore = (s: string) => s.replaceAll(OPEN, '<').replaceAll(CLOSE, '>');

const protectItem = (item: CslItem): CslItem => JSON.parse(protect(JSON.stringify(item))) as CslItem;

/** What citeproc is asked for one publication in one style. */
function citeprocJob(publication: Publication, style: CitationStyle): CiteprocJob {
  const { template } = ALL_STYLES.find((s) => s.id === style.id)!;
  return { item: protectItem(toCsl(publication)), template, name: `${publication.slug} in ${style.label}` };
}

/** What citeproc is asked for the publications, each in every style this build offers, in that order. */
export function citeprocJobs(publications: readonly Publication[]): CiteprocJob[] {
  return publications.flatMap((publication) => CITATION_STYLES.map((style) => citeprocJob(publication, style)));
}

/** One publication in one style. Throws for a style this build does not offer. */
export function formatCitation(publication: Publication, styleId: StyleId): FormattedCitation {
  const style = CITATION_STYLES.find((s) => s.id === styleId);
  if (!style) throw new Error(`Citation style ${styleId} is not available in this build`);
  const [html] = citeprocHere([citeprocJob(publication, style)]);
  return fromCiteprocHtml(publication, style, html);
}

/** citeproc's HTML for one entry, read into text and runs (the part of formatting that is the site's own). */
function fromCiteprocHtml(publication: Publication, style: CitationStyle, html: string | undefined): FormattedCitation {
  if (html === undefined) throw new Error(`citeproc returned no entry for ${publication.slug} in ${style.id}`);
  const segments = parseCitationHtml(html).map((segment) => ({ ...segment, text: restore(segment.text) }));
  const marked = markTitleLanguage(trimSegments(segments), displayTitle(publication.data), publication.data.title_language);
  return { style, text: segments.map((s) => s.text).join('').trim(), segments: marked };
}

/**
 * Marks a non-English title's run with its language and direction (screen readers, RTL punctuation). A title whose
 * case the style changed (Chicago) is not found, and stays unmarked rather than marked wrongly.
 */
function markTitleLanguage(segments: CitationSegment[], title: string, lang: string | undefined): CitationSegment[] {
  if (!lang || lang === 'en') return segments;
  const index = segments.findIndex((s) => s.text.includes(title));
  if (index === -1) return segments;
  const segment = segments[index]!;
  const at = segment.text.indexOf(title);
  const { text: _text, ...emphasis } = segment;
  const dir: CitationSegment['dir'] = isRightToLeft(lang) ? 'rtl' : 'ltr';
  const parts: CitationSegment[] = [
    { ...emphasis, text: segment.text.slice(0, at) },
    { ...emphasis, text: title, lang, dir },
    { ...emphasis, text: segment.text.slice(at + title.length) },
  ].filter((part) => part.text !== '');
  return [...segments.slice(0, index), ...parts, ...segments.slice(index + 1)];
}

/** The publication in every style this build offers. */
export function formatCitations(publication: Publication): FormattedCitation[] {
  return CITATION_STYLES.map((style) => formatCitation(publication, style.id));
}

/** `formatCitations` of each publication, with citeproc on every core when that pays (citeproc-threads.ts). */
export async function formatAllCitations(publications: readonly Publication[], threads?: number): Promise<FormattedCitation[][]> {
  const html = await citeprocAll(citeprocJobs(publications), threads);
  const n = CITATION_STYLES.length;
  return publications.map((publication, i) => CITATION_STYLES.map((style, j) => fromCiteprocHtml(publication, style, html[i * n + j])));
}

interface Emphasis {
  italic: boolean;
  bold: boolean;
  smallCaps: boolean;
}

/** citeproc-js's HTML for one entry as text runs; an unknown tag is an error, so no markup can reach a page. */
export function parseCitationHtml(html: string): CitationSegment[] {
  const segments: CitationSegment[] = [];
  const stack: Emphasis[] = [{ italic: false, bold: false, smallCaps: false }];
  const token = /<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(html))) {
    consumed = token.lastIndex;
    const [, closing, tag, attributes = '', text] = match;
    const current = stack[stack.length - 1]!;
    if (text !== undefined) {
      const decoded = decodeHTML(text.replace(/\s*\n\s*/g, ' '));
      if (decoded) segments.push(withEmphasis(decoded, current));
      continue;
    }
    if (closing) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const next = { ...current };
    switch (tag) {
      case 'div':
        break;
      case 'i':
        next.italic = !current.italic;
        break;
      case 'b':
        next.bold = true;
        break;
      case 'span':
        if (/font-style:\s*normal/.test(attributes)) next.italic = false;
        if (/font-style:\s*italic/.test(attributes)) next.italic = true;
        if (/font-weight:\s*normal/.test(attributes)) next.bold = false;
        if (/font-weight:\s*bold/.test(attributes)) next.bold = true;
        if (/font-variant:\s*small-caps/.test(attributes)) next.smallCaps = true;
        if (/font-variant:\s*normal/.test(attributes)) next.smallCaps = false;
        break;
      case 'sup':
      case 'sub':
        break;
      default:
        throw new Error(`Unexpected <${tag}> in citeproc output: ${html}`);
    }
    stack.push(next);
  }
  if (consumed !== html.length) throw new Error(`Could not read citeproc output: ${html}`);
  return mergeSegments(segments);
}

function withEmphasis(text: string, emphasis: Emphasis): CitationSegment {
  const segment: CitationSegment = { text };
  if (emphasis.italic) segment.italic = true;
  if (emphasis.bold) segment.bold = true;
  if (emphasis.smallCaps) segment.smallCaps = true;
  return segment;
}

function mergeSegments(segments: CitationSegment[]): CitationSegment[] {
  const merged: CitationSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (
      last &&
      !!last.italic === !!segment.italic &&
      !!last.bold === !!segment.bold &&
      !!last.smallCaps === !!segment.smallCaps
    ) {
      last.text += segment.text;
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}

function trimSegments(segments: CitationSegment[]): CitationSegment[] {
  const result = segments.map((s) => ({ ...s }));
  if (result[0]) result[0].text = result[0].text.trimStart();
  const last = result[result.length - 1];
  if (last) last.text = last.text.trimEnd();
  return result.filter((s) => s.text !== '');
}
