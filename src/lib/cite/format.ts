import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { plugins, type Register } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { displayTitle, type Publication } from '../catalogue';
import { isRightToLeft } from '../schema/languages';
import { citationCachePath, citationKey, readCitationCache, writeCitationCache, type CacheStatus } from './cache';
import { CITEPROC_CALL_ID, citeprocHtml, citeprocInputs } from './citeproc-worker.mjs';
import { toCsl, type CslItem } from './csl';
import { availableCitationWorkers, citationWorkersFromEnv, CiteprocPool, type CiteprocTask } from './pool';

/**
 * Formatted citations, generated at build time with citation-js (citeproc-js) and CSL styles that ship with the
 * site: no network, no client code. APA 7 and Harvard (Cite Them Right) come bundled with @citation-js/plugin-csl;
 * other styles are read from `vendor/csl/<id>.csl` when that file is present (see vendor/csl/README.md).
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
export const VENDOR_CSL_DIR = join(process.cwd(), 'vendor', 'csl');

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

/*
 * citeproc-js reads a few HTML-like tags in CSL strings as markup (<i>, <b>, <sc>, <sup>, <sub>, <span>), so a
 * title such as "<b>not bold</b>" would lose its text. Angle brackets are swapped for two Unicode "interlinear
 * annotation" characters (which citeproc leaves alone and entries never contain) on the way in, and back on the way
 * out.
 */
const OPEN = '\uFFF9';
const CLOSE = '\uFFFB';
const protect = (s: string) => s.replace(/</g, OPEN).replace(/>/g, CLOSE);
const restore = (s: string) => s.replaceAll(OPEN, '<').replaceAll(CLOSE, '>');

function protectItem(item: CslItem): CslItem {
  return {
    ...item,
    title: protect(item.title),
    ...(item.publisher ? { publisher: protect(item.publisher) } : {}),
    ...(item.author
      ? {
          author: item.author.map((name) =>
            Object.fromEntries(Object.entries(name).map(([key, value]) => [key, protect(value)])),
          ),
        }
      : {}),
  };
}

/** One publication in one style. Throws for a style this build does not offer. */
export function formatCitation(publication: Publication, styleId: StyleId): FormattedCitation {
  const style = CITATION_STYLES.find((s) => s.id === styleId);
  const source = ALL_STYLES.find((s) => s.id === styleId);
  if (!style || !source) throw new Error(`Citation style ${styleId} is not available in this build`);
  const item = protectItem(toCsl(publication));
  return fromCiteprocHtml(publication, style, citeprocHtml(item, source.template));
}

/** citeproc's HTML for one entry, read into text and runs (the part of formatting that is the site's own). */
function fromCiteprocHtml(publication: Publication, style: CitationStyle, html: string | undefined): FormattedCitation {
  if (html === undefined) throw new Error(`citeproc returned no entry for ${publication.slug} in ${style.id}`);
  const segments = parseCitationHtml(html).map((segment) => ({ ...segment, text: restore(segment.text) }));
  const marked = markTitleLanguage(trimSegments(segments), displayTitle(publication.data), publication.data.title_language);
  return { style, text: segments.map((s) => s.text).join('').trim(), segments: marked };
}

/**
 * Gives the run that holds the title its language and direction, when the title is not in English, so screen
 * readers switch voice and a right-to-left title does not reorder the punctuation around it. Styles that change
 * the title's case (Chicago) leave it unmarked rather than marked wrongly.
 */
export function markTitleLanguage(segments: CitationSegment[], title: string, lang: string | undefined): CitationSegment[] {
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

/*
 * Builds: every publication page formats its citation in every style, and citeproc is most of a build's CPU time.
 * So the first page to ask (CiteThis.astro, through `citationsFor`) starts ONE `precomputeCitations` over the whole
 * catalogue: citations already in the on-disk cache (cache.ts) are read from it, the rest are formatted in a pool of
 * worker threads (pool.ts) in page order while the main thread renders, and each page awaits its own. When all are
 * done the cache file is rewritten if anything changed. The output is the same as `formatCitations`: the same
 * citeproc call on the same item (citeproc-worker.mjs), then the same reading of its HTML here.
 */

export interface CitationOptions {
  /**
   * Astro's cacheDir (`import { cacheDir } from 'astro:config/server'`) or a folder path: the persistent cache goes
   * in it (see cache.ts). Null or absent: no persistent cache.
   */
  cacheDir?: string | URL | null;
  /** Worker threads for citations not in the cache (0: format on the main thread). Default: see `precomputeCitations`. */
  workers?: number;
  /** Receives the one-line summary when the precomputation ends; default console.info, null for none. */
  log?: ((line: string) => void) | null;
}

export interface PrecomputeStats {
  entries: number;
  /** Distinct citations (entries × styles). */
  citations: number;
  fromCache: number;
  /** Formatted by citeproc in this run (in workers or on the main thread). */
  formatted: number;
  /** Citations citeproc failed on (the page asking for one fails with citeproc's error). */
  failed: number;
  workers: number;
  onMainThread: number;
  cacheFile?: string;
  /** `off`: no cacheDir, or the citeproc version could not be read (so no key could be trusted). */
  cacheStatus: CacheStatus | 'off';
  cacheWritten: boolean;
  seconds: number;
}

interface CiteprocRequest {
  style: CitationStyle;
  template: string;
  item: CslItem;
  key: string;
}

interface Session {
  /** Cache key → citeproc HTML (known) or the pool's task for it. */
  memo: Map<string, string | CiteprocTask>;
  pool: CiteprocPool;
  done: Promise<PrecomputeStats>;
}

let session: Session | undefined;

/**
 * Below this many citations to format per worker, a worker costs more than it saves: each spends about a second of
 * CPU starting (modules, citeproc engines, JIT) before its first citation. The real catalogue's 309 citations
 * formatted faster on the main thread alone than with one worker.
 */
const MIN_CITATIONS_PER_WORKER = 500;

const CITEPROC_PACKAGES = ['citeproc', '@citation-js/core', '@citation-js/plugin-csl'];

/** "citeproc@2.4.63 …", read from the project's node_modules; undefined when they cannot be read. */
function citeprocVersions(): string | undefined {
  try {
    const fromRoot = createRequire(join(process.cwd(), 'package.json'));
    return CITEPROC_PACKAGES.map((name) => {
      const { version } = JSON.parse(readFileSync(fromRoot.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
      if (typeof version !== 'string') throw new Error(`${name} has no version`);
      return `${name}@${version}`;
    }).join(' ');
  } catch {
    return undefined;
  }
}

let engine: { versions: string | undefined; ids: Map<string, string> } | undefined;
const engineInfo = () => (engine ??= { versions: citeprocVersions(), ids: new Map() });

/** Everything citeproc's answer depends on besides the item, hashed, per template. */
function engineId(template: string): string {
  const { versions, ids } = engineInfo();
  let id = ids.get(template);
  if (id === undefined) {
    const { style, locale } = citeprocInputs(template);
    id = citationKey(CITEPROC_CALL_ID, versions ?? 'unknown', template, style ?? '', locale ?? '');
    ids.set(template, id);
  }
  return id;
}

/** What citeproc is asked for one publication, style by style, with the cache key of each answer. */
function citeprocRequests(publication: Publication): CiteprocRequest[] {
  const item = protectItem(toCsl(publication));
  const itemJson = JSON.stringify(item);
  return CITATION_STYLES.map((style) => {
    const template = ALL_STYLES.find((s) => s.id === style.id)!.template;
    return { style, template, item, key: citationKey(engineId(template), itemJson) };
  });
}

/**
 * Starts formatting every publication's citations (see above) and resolves with what it did once all are done.
 * Pages then get theirs from `citationsFor`. Worker threads: `options.workers`, else CATALOGUE_CITE_WORKERS (0 for
 * none), else one per core available (at most 4) but no more than one per 500 citations to format.
 */
export function precomputeCitations(
  publications: readonly Publication[],
  options: CitationOptions = {},
): Promise<PrecomputeStats> {
  const started = performance.now();
  const cacheFile =
    options.cacheDir && engineInfo().versions !== undefined ? citationCachePath(options.cacheDir) : undefined;
  const cached = cacheFile ? readCitationCache(cacheFile) : undefined;
  const memo = new Map<string, string | CiteprocTask>();
  const misses: CiteprocRequest[] = [];
  let fromCache = 0;
  for (const publication of publications) {
    for (const request of citeprocRequests(publication)) {
      if (memo.has(request.key)) continue;
      const html = cached?.entries.get(request.key);
      if (html !== undefined) {
        memo.set(request.key, html);
        fromCache++;
      } else {
        misses.push(request);
        memo.set(request.key, '');
      }
    }
  }
  const missCount = misses.length;
  const entryCount = publications.length;
  const staleCount = cached?.status === 'ok' ? cached.entries.size - fromCache : 0;
  const cacheStatus = cached?.status ?? 'off';
  const corruptReason = cached?.reason;
  const workers =
    options.workers ??
    citationWorkersFromEnv() ??
    Math.min(availableCitationWorkers(), Math.floor(missCount / MIN_CITATIONS_PER_WORKER));
  const templates = Object.fromEntries(
    [...new Set(misses.map((m) => m.template))].map((template) => [template, citeprocInputs(template).style ?? '']),
  );
  const pool = new CiteprocPool(
    misses.map(({ item, template }) => ({ item, template })),
    { workers, templates },
  );
  misses.forEach((request, i) => memo.set(request.key, pool.tasks[i]!));

  const done = pool.done.then(async () => {
    const settled = await Promise.allSettled(pool.tasks.map((task) => task.promise));
    const answers = new Map<CiteprocTask, string>();
    settled.forEach((result, i) => {
      if (result.status === 'fulfilled' && result.value !== undefined) answers.set(pool.tasks[i]!, result.value);
    });
    const stats: PrecomputeStats = {
      entries: entryCount,
      citations: memo.size,
      fromCache,
      formatted: missCount,
      failed: missCount - answers.size,
      workers: pool.workers,
      onMainThread: pool.counts.inProcess,
      cacheFile,
      cacheStatus,
      cacheWritten: false,
      seconds: 0,
    };
    // Rewrite when something was formatted or the file holds citations no entry needs any more (pruned here).
    if (cacheFile && (answers.size > 0 || staleCount > 0 || cacheStatus === 'corrupt')) {
      try {
        writeCitationCache(cacheFile, cacheEntries(memo, answers));
        stats.cacheWritten = true;
      } catch (error) {
        console.warn(`[citations] Could not save the citation cache ${cacheFile}: ${error instanceof Error ? error.message : error}`);
      }
    }
    stats.seconds = (performance.now() - started) / 1000;
    const log = options.log === undefined ? console.info : options.log;
    log?.(summary(stats, corruptReason));
    return stats;
  });
  session = { memo, pool, done };
  return done;
}

function* cacheEntries(memo: Map<string, string | CiteprocTask>, answers: Map<CiteprocTask, string>) {
  for (const [key, value] of memo) {
    const html = typeof value === 'string' ? value : answers.get(value);
    if (html !== undefined) yield [key, html] as const;
  }
}

function summary(stats: PrecomputeStats, corruptReason: string | undefined): string {
  const n = (value: number) => value.toLocaleString('en');
  const where =
    stats.formatted === 0
      ? ''
      : ` (${stats.workers ? `${n(stats.workers)} worker thread${stats.workers === 1 ? '' : 's'}, ` : ''}${n(stats.onMainThread)} on the main thread)`;
  const cache =
    stats.cacheStatus === 'off'
      ? 'no cache'
      : `${stats.cacheStatus === 'corrupt' ? `ignored an unreadable cache (${corruptReason}); ` : ''}cache ${stats.cacheWritten ? 'saved' : 'unchanged'}`;
  return (
    `[citations] ${n(stats.entries)} entries, ${n(stats.citations)} citations: ${n(stats.fromCache)} from the cache, ` +
    `${n(stats.formatted)} formatted${where}${stats.failed ? `, ${n(stats.failed)} failed` : ''} in ` +
    `${stats.seconds.toFixed(2)} s; ${cache}${stats.cacheFile ? ` (${stats.cacheFile})` : ''}`
  );
}

/**
 * One publication's citations, the same as `formatCitations` gives. With `publications` (the whole catalogue, in
 * page order), the first call starts `precomputeCitations` for all of them; later calls await their own from it.
 * A publication the precomputation does not know (or knows with other data) is formatted here and now.
 */
export async function citationsFor(
  publication: Publication,
  options: CitationOptions & { publications?: readonly Publication[] } = {},
): Promise<FormattedCitation[]> {
  if (options.publications) startCitations(options.publications, options);
  const current = session;
  return Promise.all(
    citeprocRequests(publication).map(async ({ style, template, item, key }) => {
      const known = current?.memo.get(key);
      let html: string | undefined;
      if (known === undefined) {
        html = citeprocHtml(item, template);
      } else if (typeof known === 'string') {
        html = known;
      } else {
        // Not started by a worker yet: format it here rather than wait.
        current!.pool.take(known);
        html = await known.promise;
      }
      return fromCiteprocHtml(publication, style, html);
    }),
  );
}

/**
 * Starts `precomputeCitations` for the whole catalogue (in page order) unless it has started. A build calls it from
 * the first route it renders (src/middleware.ts), so the workers format while the data exports and feeds render,
 * before the first publication page asks for its citations.
 */
export function startCitations(publications: readonly Publication[], options: CitationOptions = {}): void {
  if (!session) void precomputeCitations(publications, options);
}

/** Forgets the precomputation (tests; a long-running process that reloads the catalogue). */
export function resetCitations(): void {
  session = undefined;
}

interface Emphasis {
  italic: boolean;
  bold: boolean;
  smallCaps: boolean;
}

/**
 * Reads citeproc-js's HTML output for one entry (a known, small tag set) into text runs with emphasis. Unknown tags
 * are an error rather than passed through, so nothing from an entry can ever reach a page as markup.
 */
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
      const decoded = decodeEntities(text.replace(/\s*\n\s*/g, ' '));
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

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (entity, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
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
