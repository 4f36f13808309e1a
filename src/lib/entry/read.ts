/**
 * Reading an entry file: bytes → text → frontmatter (gray-matter splits, our YAML parser reads) + body.
 *
 * Everything here is linear in the size of the file and happens before any parser runs, so a hostile or broken file
 * (binary, UTF-16, 50 MB, no frontmatter) is refused cheaply with a message that says what it is.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import matter from 'gray-matter';
import { error, type Problem } from '../validate/problem';
import { parseFrontmatter, positionInText, type ParsedFrontmatter } from './parse';

/** One decoder for every file (`decode` without `stream` starts afresh each call); BOMs are removed below. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Size limits, checked BEFORE anything is parsed. */
export const LIMITS = {
  /** Whole file, checked on the raw bytes before decoding. */
  fileBytes: 8_000_000,
  /** The YAML between the `---` lines (a real entry has 1–3 kB). */
  frontmatterBytes: 32_000,
  /** The Markdown after the frontmatter. */
  bodyBytes: 1_000_000,
} as const;

export type SplitEntry = {
  /** The whole file as text: BOM removed, line endings normalised to `\n`. */
  text: string;
  /** The YAML between the `---` lines (may be empty). */
  frontmatter: string;
  /** File line of the first YAML line (the line after the opening `---`). */
  yamlStartLine: number;
  /** File line of the closing `---`. */
  closeLine: number;
  /** Everything after the closing `---` line. */
  body: string;
  /** File line on which the body starts. */
  bodyStartLine: number;
  /** The frontmatter read by our YAML parser, gray-matter's engine. */
  parsed: ParsedFrontmatter;
};

type ReadResult = { ok: true; entry: SplitEntry; problems: Problem[] } | { ok: false; problems: Problem[] };

/** "5.2 MB", "40 kB", "1 MB" (decimal units). */
export function formatSize(bytes: number): string {
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ''));
  if (bytes >= 1_000_000) return `${fmt(Math.round(bytes / 100_000) / 10)} MB`;
  if (bytes >= 1_000) return `${fmt(Math.round(bytes / 100) / 10)} kB`;
  return `${bytes} bytes`;
}

/** UTF-8 length of a string. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Offset of the first byte that is not valid UTF-8, or -1. The lenient decoder marks each invalid sequence with
 * U+FFFD; the first U+FFFD that the bytes do not spell out (EF BF BD) is where the file goes wrong.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let offset = 0;
  for (const ch of new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)) {
    if (ch === '\uFFFD' && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    offset += utf8Length(ch);
  }
  return -1;
}

/** 'UTF-16LE' | 'UTF-16BE' | 'UTF-32LE' | 'UTF-32BE' when the bytes look like that encoding (BOM or NUL pattern). */
export function detectWideEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32LE';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32BE';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16LE';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16BE';
  // No BOM: ASCII text in UTF-16 has a NUL in every other byte.
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'UTF-16LE';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'UTF-16BE';
  return undefined;
}

/**
 * Decodes a file's bytes (or takes a string), then splits frontmatter from body. `file` is only used in problems.
 */
export function readEntry(file: string, input: Uint8Array | string): ReadResult {
  const fail = (message: string, extra: Parameters<typeof error>[2] = {}): ReadResult => ({
    ok: false,
    problems: [error(file, message, extra)],
  });

  let text: string;
  if (typeof input === 'string') {
    if (input.length > LIMITS.fileBytes) {
      return fail(`file is ${formatSize(utf8Length(input))}; the limit is ${formatSize(LIMITS.fileBytes)}`, {
        suggestion: 'link the PDF instead of copying its text',
      });
    }
    if (!input.isWellFormed()) {
      const offset = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(input)?.index ?? 0;
      return fail('text contains a lone UTF-16 surrogate (broken character)', {
        ...positionInText(input, offset),
        suggestion: 'remove or retype the broken character',
      });
    }
    text = input;
  } else {
    const bytes = input;
    if (bytes.length > LIMITS.fileBytes) {
      return fail(`file is ${formatSize(bytes.length)}; the limit is ${formatSize(LIMITS.fileBytes)}`, {
        suggestion: 'link the PDF instead of copying its text',
      });
    }
    if (bytes.length === 0) return fail('file is empty', { line: 1, suggestion: EMPTY_SUGGESTION });
    const wide = detectWideEncoding(bytes);
    if (wide) {
      return fail(`file is encoded as ${wide.replace(/(LE|BE)$/, ' ($1)')}, not UTF-8`, {
        line: 1,
        suggestion: `re-save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)`,
      });
    }
    // Node's native check first (the same rules as a fatal TextDecoder); the byte-by-byte scan only finds WHERE.
    const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
    if (bad >= 0) {
      // The bytes before `bad` are valid UTF-8: the position is the end of their text (a leading BOM not counted).
      const before = new TextDecoder().decode(bytes.subarray(0, bad));
      const pos = positionInText(before, before.length);
      const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
      return fail(`invalid UTF-8 at line ${pos.line}, byte offset ${bad} (byte 0x${hex})`, {
        ...pos,
        suggestion: 're-save the file as UTF-8 (it may have been saved as Windows-1252 or Latin-1)',
      });
    }
    try {
      text = UTF8.decode(bytes);
    } catch {
      return fail('invalid UTF-8', { line: 1, suggestion: 're-save the file as UTF-8' });
    }
  }
  // Byte-order marks at the start (editors have been seen to add a second one), from bytes or a string alike.
  if (text.charCodeAt(0) === 0xfeff) text = text.replace(/^\uFEFF+/, '');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return fail('file contains a NUL character: is it a binary file?', {
      ...positionInText(text, nul),
      suggestion: 'entries are plain UTF-8 Markdown text',
    });
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return fail('file is empty', { line: 1, suggestion: EMPTY_SUGGESTION });

  return split(file, text);
}

const EMPTY_SUGGESTION = 'start with a `---` line, the fields (title, category, summary, source, added), then `---`';

function split(file: string, text: string): ReadResult {
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd < 0 ? text : text.slice(0, firstEnd);
  if (!/^---[ \t]*$/.test(firstLine)) {
    const lang = /^---[ \t]*([A-Za-z]\w*)/.exec(firstLine);
    if (lang) {
      return {
        ok: false,
        problems: [
          error(file, `frontmatter is marked as "${lang[1]}"; only YAML frontmatter is allowed`, {
            line: 1,
            col: 4,
            suggestion: 'start the file with a plain `---` line and write the fields in YAML',
          }),
        ],
      };
    }
    const leading = /^(?:[ \t]*\n)+---[ \t]*(?:\n|$)/.exec(text);
    if (leading) {
      const blank = leading[0].split('\n').length - 2;
      return {
        ok: false,
        problems: [
          error(file, 'frontmatter must start on line 1', {
            line: 1,
            suggestion: `remove the ${blank} blank line${blank === 1 ? '' : 's'} before the opening \`---\``,
          }),
        ],
      };
    }
    const looksLikeYaml = /^[A-Za-z_][\w-]*:[ \t]/.test(firstLine);
    return {
      ok: false,
      problems: [
        error(file, 'no frontmatter: the file must start with a line `---`', {
          line: 1,
          suggestion: looksLikeYaml
            ? 'add a line `---` before the first field and another after the last field'
            : 'begin with `---`, the fields (title, category, summary, source, added), then `---`, then the body',
        }),
      ],
    };
  }
  // gray-matter's one job: splitting. It ends the frontmatter at the first line starting with `---`, so that line
  // must be the closing line; our YAML parser is its engine (with options given, it keeps no content cache).
  const close = text.indexOf('\n---');
  if (close < 0) {
    return {
      ok: false,
      problems: [error(file, 'frontmatter opened on line 1 is never closed', { line: 1, suggestion: 'add a line `---` after the last field' })],
    };
  }
  const closeLine = 2 + countNewlines(text.slice(0, close));
  const closing = text.slice(close + 1).split('\n', 1)[0]!;
  if (!/^---[ \t]*$/.test(closing)) {
    return {
      ok: false,
      problems: [
        error(file, `line ${closeLine} starts with \`---\`, which ends the frontmatter, but has more after it`, {
          line: closeLine,
          suggestion: 'close the frontmatter with a line of just `---`; inside it, start no line with `---`',
        }),
      ],
    };
  }
  const yamlStartLine = 2;
  // The size limits, before any parser runs: the frontmatter is what lies between the `---` lines.
  const problems: Problem[] = [];
  const fmText = text.slice(firstEnd + 1, close);
  const bodyText = text.slice(close + closing.length + 2);
  // A UTF-16 unit is at most 3 UTF-8 bytes: short texts need no counting.
  const fmBytes = fmText.length * 3 <= LIMITS.frontmatterBytes ? 0 : utf8Length(fmText);
  if (fmBytes > LIMITS.frontmatterBytes) {
    problems.push(
      error(file, `frontmatter is ${formatSize(fmBytes)}; the limit is ${formatSize(LIMITS.frontmatterBytes)}`, {
        line: yamlStartLine,
        suggestion: 'keep the summary to 2–4 sentences and move long text to the body',
      }),
    );
  }
  const bodyBytes = bodyText.length * 3 <= LIMITS.bodyBytes ? 0 : utf8Length(bodyText);
  if (bodyBytes > LIMITS.bodyBytes) {
    problems.push(
      error(file, `body is ${formatSize(bodyBytes)}; the limit is ${formatSize(LIMITS.bodyBytes)}`, {
        line: closeLine + 1,
        suggestion: 'link the PDF instead of copying its text',
      }),
    );
  }
  if (problems.length) return { ok: false, problems };

  let parsed: ParsedFrontmatter | undefined;
  const parts = matter(text, {
    language: 'yaml',
    engines: { yaml: (block: string) => (parsed = parseFrontmatter(file, yamlOf(block), yamlStartLine)) },
  });
  const frontmatter = yamlOf(parts.matter);
  // gray-matter leaves a block of only comments or spaces unparsed: our parser says it is empty.
  parsed ??= parseFrontmatter(file, frontmatter, yamlStartLine);
  // The body starts after the closing line; gray-matter keeps what follows `---` on it (spaces here).
  const body = closing.length > 3 ? parts.content.replace(/^[ \t]*\n?/, '') : parts.content;
  return { ok: true, entry: { text, frontmatter, yamlStartLine, closeLine, body, bodyStartLine: closeLine + 1, parsed }, problems };
}

/** gray-matter's block holds the opening line's rest and not the newline before the closing line: the YAML lines. */
function yamlOf(block: string): string {
  const start = block.indexOf('\n');
  return start < 0 ? '' : `${block.slice(start + 1)}\n`;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
