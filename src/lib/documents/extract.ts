/**
 * The text of a publication's document (`document:` in an entry), page by page, for the search index.
 *
 * PDFs are read with pdf.js (through unpdf's Node build, which needs no canvas or native module); plain text is
 * split into pages at form feeds, as `pdftotext` writes them. Every way a document can be bad becomes a problem
 * naming the file and what to do, never an exception: a missing file, a file that is not a PDF, a corrupt or
 * truncated PDF, an encrypted one, a scan with no text layer (a warning), one over the size or page limit.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Limits that keep one document's extraction bounded in time and memory (a 300-page manual is ~5 MB). */
export const DOCUMENT_LIMITS = {
  /** Bytes read at most; larger files are refused before reading. */
  bytes: 60_000_000,
  /** Pages indexed at most. */
  pages: 2_000,
  /** Seconds one file may take before extraction is abandoned. */
  seconds: 60,
} as const;

/** The document types the catalogue reads, by file name ending. */
export const DOCUMENT_TYPES = { '.pdf': 'PDF', '.txt': 'plain text' } as const;

export interface DocumentProblem {
  severity: 'error' | 'warning';
  /** What is wrong, naming the file. */
  message: string;
  /** What the editor can do about it. */
  fix: string;
}

export interface ExtractedDocument {
  /** sha256 of the file's bytes: extraction runs again only when it changes. */
  digest: string;
  /** Text of each page; `pages[0]` is page 1. Whitespace is collapsed; a page may be empty. */
  pages: string[];
}

export type ExtractResult =
  | { ok: true; document: ExtractedDocument; problems: DocumentProblem[] }
  | { ok: false; problems: DocumentProblem[] };

const MB = 1_000_000;
const fail = (message: string, fix: string): ExtractResult => ({
  ok: false,
  problems: [{ severity: 'error', message, fix }],
});

/**
 * Reads `path` and returns its pages, or the problems that kept it from being read. `name` is what messages call it.
 * With `cacheDir`, a file read before (same bytes, same sha256) is not parsed again: its pages and warnings are kept
 * in `<cacheDir>/documents/<sha256>.json` (Astro's cache folder in a build, so CI can keep it between runs).
 */
export async function extractDocument(path: string, name = path, cacheDir?: string): Promise<ExtractResult> {
  const type = DOCUMENT_TYPES[extname(path).toLowerCase() as keyof typeof DOCUMENT_TYPES];
  if (!type) {
    return fail(
      `${name}: not a document type the catalogue reads (${Object.keys(DOCUMENT_TYPES).join(', ')})`,
      'save the publication as a PDF, or as plain text with a form feed between pages',
    );
  }
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return fail(`${name}: no such file`, 'add the file under content/documents/, or correct the `document` name');
  }
  if (size > DOCUMENT_LIMITS.bytes) {
    return fail(
      `${name}: ${(size / MB).toFixed(1)} MB is over the limit of ${DOCUMENT_LIMITS.bytes / MB} MB`,
      'index a smaller copy (e.g. the text-only PDF or a plain-text export), or leave `document` out',
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  const digest = createHash('sha256').update(bytes).digest('hex');
  const cached = cacheDir ? join(cacheDir, 'documents', `${digest}.json`) : undefined;
  if (cached) {
    const kept = await readFile(cached, 'utf8').then((text) => JSON.parse(text) as ExtractResult, () => undefined);
    if (kept?.ok) return kept;
  }
  const result = await extractPages(bytes, digest, type, name);
  if (cached && result.ok) {
    await mkdir(join(cacheDir!, 'documents'), { recursive: true });
    await writeFile(cached, JSON.stringify(result));
  }
  return result;
}

async function extractPages(bytes: Uint8Array, digest: string, type: string, name: string): Promise<ExtractResult> {
  const pages = type === 'PDF' ? await pdfPages(bytes, name) : textPages(bytes, name);
  if (!Array.isArray(pages)) return { ok: false, problems: [pages] };
  const problems: DocumentProblem[] = [];
  if (pages.length > DOCUMENT_LIMITS.pages) {
    problems.push({
      severity: 'warning',
      message: `${name}: ${pages.length} pages; only the first ${DOCUMENT_LIMITS.pages} are indexed`,
      fix: 'split the document into volumes, one entry each',
    });
    pages.length = DOCUMENT_LIMITS.pages;
  }
  if (pages.every((page) => page === '')) {
    problems.push({
      severity: 'warning',
      message: `${name}: no text in any of its ${pages.length} pages (a scan without a text layer?); nothing is indexed`,
      fix: 'run OCR on the PDF (e.g. ocrmypdf) and replace the file, or leave `document` out',
    });
  }
  return { ok: true, document: { digest, pages }, problems };
}

/** One line per run of whitespace, so excerpts read as prose. */
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

function textPages(bytes: Uint8Array, name: string): string[] | DocumentProblem {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).split('\f').map(clean);
  } catch {
    return { severity: 'error', message: `${name}: not UTF-8 text`, fix: 'save the text file as UTF-8' };
  }
}

async function pdfPages(bytes: Uint8Array, name: string): Promise<string[] | DocumentProblem> {
  // "%PDF-" must start the file (pdf.js would otherwise search for it and report a vaguer error).
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') === -1) {
    return { severity: 'error', message: `${name}: not a PDF (no "%PDF-" header)`, fix: 'check that the file is the PDF itself, not a web page saved under a .pdf name' };
  }
  const { getDocumentProxy } = await import('unpdf');
  let timer: NodeJS.Timeout | undefined;
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  const work = (async () => {
    // pdf.js takes ownership of the buffer it is given: hand it a copy so `bytes` stays readable.
    pdf = await getDocumentProxy(bytes.slice(), { stopAtErrors: true });
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, DOCUMENT_LIMITS.pages + 1); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(clean(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')));
      page.cleanup();
    }
    return pages;
  })();
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), DOCUMENT_LIMITS.seconds * 1000)));
  try {
    const pages = await Promise.race([work, timeout]);
    if (pages === 'timeout') {
      return { severity: 'error', message: `${name}: reading took longer than ${DOCUMENT_LIMITS.seconds} s`, fix: 'index a smaller or simpler copy of the document' };
    }
    return pages;
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === 'PasswordException') {
      return { severity: 'error', message: `${name}: the PDF is encrypted (it needs a password to open)`, fix: 'use an unprotected copy of the PDF' };
    }
    return {
      severity: 'error',
      message: `${name}: a damaged or truncated PDF (${(error as Error).message ?? String(error)})`,
      fix: 'download the file again, or open it and save it anew',
    };
  } finally {
    clearTimeout(timer);
    work.catch(() => {}); // a timed-out read may still fail later: nothing is waiting for it
    await pdf?.cleanup().catch(() => {});
  }
}
