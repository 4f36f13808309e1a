import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

/**
 * The on-disk cache of formatted citations, so a rebuild runs citeproc only for entries (or styles, or citeproc
 * versions) it has not seen. It lives in Astro's `cacheDir` — set in ONE place, astro.config.mjs
 * (CATALOGUE_CACHE_DIR, default ./node_modules/.astro) and read back from `astro:config/server` by CiteThis.astro —
 * at `<cacheDir>/catalogue/citations.tsv`.
 *
 * What is cached is citeproc's raw HTML for one item in one style; the site's own reading of that HTML (segments,
 * title language) runs on every build, so changing it never needs the cache cleared. The key is a SHA-256 of
 * everything citeproc's answer depends on: the CSL style text, the locale text, the citeproc and citation-js
 * versions, how citeproc is called, and the item's CSL-JSON (see `citationKey` and format.ts).
 *
 * File format (UTF-8, LF): a first line `catalogue-citations 1`; one line per citation, `<key>\t<html as a JSON
 * string>`; a last line `end <count> <sha256 of every byte before it>`. A file that does not check out — truncated,
 * edited, another version — is ignored as a whole (every citation is formatted again and the file rewritten); a
 * cache problem never fails the build. Writes go to a temporary file renamed over the old one, so a reader sees the
 * old file or the new one, never half of one.
 */

/** Where the cache file goes, relative to Astro's cacheDir. */
export const CITATION_CACHE_FILE = join('catalogue', 'citations.tsv');

const MAGIC = 'catalogue-citations 1';
const KEY = /^[0-9a-f]{64}$/;

/** The cache file for a cacheDir, given as Astro gives it (a file: URL) or as a path. */
export function citationCachePath(cacheDir: string | URL): string {
  const dir = typeof cacheDir === 'string' && !cacheDir.startsWith('file:') ? cacheDir : fileURLToPath(cacheDir);
  return join(dir, CITATION_CACHE_FILE);
}

/** A cache key: SHA-256 (hex) of the parts, unambiguously joined. */
export function citationKey(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export type CacheStatus = 'missing' | 'ok' | 'corrupt';

export interface CacheRead {
  /** Key → citeproc HTML; empty unless the status is `ok`. */
  entries: Map<string, string>;
  status: CacheStatus;
  /** Why a file was ignored. */
  reason?: string;
}

/** Reads the cache file; a missing, unreadable or corrupt file gives an empty map, never an exception. */
export function readCitationCache(file: string): CacheRead {
  if (!existsSync(file)) return { entries: new Map(), status: 'missing' };
  try {
    return { entries: parse(readFileSync(file)), status: 'ok' };
  } catch (error) {
    return { entries: new Map(), status: 'corrupt', reason: error instanceof Error ? error.message : String(error) };
  }
}

function parse(bytes: Buffer): Map<string, string> {
  const NL = 0x0a;
  if (bytes.length === 0 || bytes[bytes.length - 1] !== NL) throw new Error('no final line end');
  const trailerStart = bytes.lastIndexOf(NL, bytes.length - 2) + 1;
  const trailer = /^end (\d+) ([0-9a-f]{64})$/.exec(bytes.subarray(trailerStart, bytes.length - 1).toString('latin1'));
  if (!trailer) throw new Error('no end line');
  const body = bytes.subarray(0, trailerStart);
  if (createHash('sha256').update(body).digest('hex') !== trailer[2]) throw new Error('checksum mismatch');
  const lines = new TextDecoder('utf-8', { fatal: true }).decode(body).split('\n');
  lines.pop(); // the empty string after the body's last line end
  if (lines[0] !== MAGIC) throw new Error(`not a ${MAGIC} file`);
  if (lines.length - 1 !== Number(trailer[1])) throw new Error('line count mismatch');
  const entries = new Map<string, string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (tab === -1 || !KEY.test(key)) throw new Error(`bad key on line ${i + 1}`);
    const html: unknown = JSON.parse(line.slice(tab + 1));
    if (typeof html !== 'string') throw new Error(`bad value on line ${i + 1}`);
    entries.set(key, html);
  }
  return entries;
}

/**
 * Writes the cache file atomically (a temporary file in the same folder, renamed over the old one), streaming so the
 * file may exceed what fits in one string. Throws on failure, leaving the old file (if any) as it was.
 */
export function writeCitationCache(file: string, entries: Iterable<readonly [string, string]>): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  const hash = createHash('sha256');
  const fd = openSync(temporary, 'wx');
  try {
    let chunk = `${MAGIC}\n`;
    let count = 0;
    const flush = () => {
      const bytes = Buffer.from(chunk, 'utf8');
      hash.update(bytes);
      writeSync(fd, bytes);
      chunk = '';
    };
    for (const [key, html] of entries) {
      if (!KEY.test(key)) throw new Error(`Not a citation cache key: ${key}`);
      // JSON.stringify escapes line ends, so one citation stays one line.
      chunk += `${key}\t${JSON.stringify(html)}\n`;
      count++;
      if (chunk.length > 1 << 20) flush();
    }
    flush();
    writeSync(fd, `end ${count} ${hash.digest('hex')}\n`);
    closeSync(fd);
    renameSync(temporary, file);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}
