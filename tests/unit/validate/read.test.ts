import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  detectWideEncoding,
  firstInvalidUtf8,
  formatSize,
  readEntry,
  utf8Length,
} from '../../../src/lib/entry/read';
import { codePointCount, positionInText } from '../../../src/lib/entry/parse';
import { validateSource } from '../../../src/lib/validate/index';
import { FIXTURES } from './fixtures';

const enc = (s: string) => new TextEncoder().encode(s);
const ENTRY = '---\ntitle: "T"\n---\nBody\n';

describe('readEntry: encoding', () => {
  it('finds the first invalid UTF-8 byte exactly as the fatal decoder would refuse it', () => {
    expect(firstInvalidUtf8(enc('plain ascii and é ✓ 𝄞'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe9, 0x62]))).toBe(1); // Latin-1 é
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(0); // overlong "/"
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // truncated at the end
    for (const bytes of [[0x61, 0xe9], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))).toThrow();
    }
  });

  it('reports line, column and byte offset of invalid UTF-8, never U+FFFD', () => {
    const bytes = new Uint8Array([...enc('---\ntitle: "Caf'), 0xe9, ...enc('"\n---\n')]);
    const result = readEntry('x.md', bytes);
    expect(result.ok).toBe(false);
    expect(result.problems).toMatchInlineSnapshot(`
      [
        {
          "col": 12,
          "file": "x.md",
          "line": 2,
          "message": "invalid UTF-8 at line 2, byte offset 15 (byte 0xE9)",
          "severity": "error",
          "suggestion": "re-save the file as UTF-8 (it may have been saved as Windows-1252 or Latin-1)",
        },
      ]
    `);
  });

  it('says UTF-16 (with or without BOM) and UTF-32, not "no frontmatter"', () => {
    const le = new Uint8Array(Buffer.from(ENTRY, 'utf16le'));
    const be = new Uint8Array(Buffer.from(ENTRY, 'utf16le').swap16());
    expect(detectWideEncoding(new Uint8Array([0xff, 0xfe, ...le]))).toBe('UTF-16LE');
    expect(detectWideEncoding(new Uint8Array([0xfe, 0xff, ...be]))).toBe('UTF-16BE');
    expect(detectWideEncoding(le)).toBe('UTF-16LE');
    expect(detectWideEncoding(be)).toBe('UTF-16BE');
    expect(detectWideEncoding(new Uint8Array([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0]))).toBe('UTF-32LE');
    expect(detectWideEncoding(enc(ENTRY))).toBeUndefined();
    const result = readEntry('x.md', le);
    expect(result.problems[0]!.message).toBe('file is encoded as UTF-16 (LE), not UTF-8');
  });

  it('accepts a UTF-8 BOM and CRLF or CR line endings, leaving no \\r anywhere', () => {
    const crlf = '\uFEFF---\r\ntitle: "T"\r\nsummary: |\r\n  a\r\n  b\r\n---\r\nBody\r\nmore\r\n';
    const result = readEntry('x.md', enc(crlf));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry.text).not.toMatch(/[\r\uFEFF]/);
    expect(result.entry.frontmatter).toBe('title: "T"\nsummary: |\n  a\n  b\n');
    expect(result.entry.body).toBe('Body\nmore\n');
    expect(readEntry('x.md', '---\rtitle: x\r---\rBody').ok).toBe(true);
    const source = validateSource('x.md', enc(crlf));
    expect(source.data?.summary).toBe('a\nb\n');
  });

  it('the committed BOM and CRLF fixtures really have a BOM and CRLF (git did not normalise them)', () => {
    const bom = readFileSync(join(FIXTURES, 'accept/utf8-bom.md'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const crlf = readFileSync(join(FIXTURES, 'accept/crlf-line-endings.md'), 'utf8');
    expect(crlf).toContain('\r\n');
    expect(validateSource('crlf-line-endings.md', crlf).entry?.data.summary).not.toContain('\r');
  });

  it('refuses NUL characters and lone surrogates in strings', () => {
    expect(readEntry('x.md', enc('---\ntitle: x\n---\n\0')).problems[0]!.message).toContain('NUL');
    const lone = readEntry('x.md', '---\ntitle: "\uD800"\n---\n');
    expect(lone.problems[0]).toMatchObject({ line: 2, col: 9 });
  });
});

describe('readEntry: frontmatter block', () => {
  const split = (s: string) => {
    const r = readEntry('x.md', s);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    return r.entry;
  };

  it('splits frontmatter and body and remembers where each starts', () => {
    const e = split('---\na: 1\nb: 2\n---\n\nBody\n');
    expect(e).toMatchObject({ frontmatter: 'a: 1\nb: 2\n', yamlStartLine: 2, closeLine: 4, bodyStartLine: 5, body: '\nBody\n' });
    expect(split('---\na: 1\n---').body).toBe('');
    expect(split('---  \na: 1\n---\t\nx').frontmatter).toBe('a: 1\n');
  });

  it('explains each way the block can be missing or wrong', () => {
    const first = (s: string | Uint8Array) => readEntry('x.md', s).problems[0]!;
    expect(first(new Uint8Array())).toMatchObject({ message: 'file is empty', line: 1 });
    expect(first(' \n\n')).toMatchObject({ message: 'file is empty' });
    expect(first('title: x\n')).toMatchObject({ message: 'no frontmatter: the file must start with a line `---`' });
    expect(first('title: x\n').suggestion).toContain('add a line `---` before the first field');
    expect(first('---\ntitle: x\n')).toMatchObject({ message: 'frontmatter opened on line 1 is never closed', line: 1 });
    expect(first('\n\n---\ntitle: x\n---\n')).toMatchObject({ message: 'frontmatter must start on line 1' });
    expect(first('---js\nmodule.exports = {}\n---\n')).toMatchObject({
      message: 'frontmatter is marked as "js"; only YAML frontmatter is allowed',
    });
    expect(first('--- javascript\n---\n').message).toContain('"javascript"');
    // gray-matter ends the frontmatter at the first line starting with `---`: one with more on it is refused, not cut.
    expect(first('---\ntitle: x\n---x: y\nsummary: s\n---\nBody\n')).toMatchObject({
      message: 'line 3 starts with `---`, which ends the frontmatter, but has more after it',
      line: 3,
    });
    expect(first('---\ntitle: x\n----\n')).toMatchObject({ line: 3 });
  });

  it('hands the YAML to our parser as gray-matter\'s engine: lines count from the file, comments-only is empty', () => {
    const e = split('---\ntitle: x\ntitle: y\n---\nBody\n');
    expect(e.parsed.problems[0]).toMatchObject({ line: 3 });
    expect(split('---\ntitle: x\n---\n').parsed.data).toEqual(Object.assign(Object.create(null), { title: 'x' }));
    expect(split('---\n# only a comment\n---\n').parsed.problems[0]).toMatchObject({ message: 'frontmatter is empty', line: 2 });
  });

  it('refuses oversized bodies and frontmatter before parsing them', () => {
    const big = `---\ntitle: x\n---\n${'x'.repeat(5_200_000)}`;
    const result = readEntry('x.md', big);
    expect(result.problems).toEqual([
      {
        file: 'x.md',
        line: 4,
        severity: 'error',
        message: 'body is 5.2 MB; the limit is 1 MB',
        suggestion: 'link the PDF instead of copying its text',
      },
    ]);
    const fm = readEntry('x.md', `---\nnotes: "${'y'.repeat(LIMITS.frontmatterBytes)}"\n---\n`);
    expect(fm.problems[0]!.message).toMatch(/^frontmatter is 32 kB; the limit is 32 kB$/);
    const huge = readEntry('x.md', new Uint8Array(LIMITS.fileBytes + 1));
    expect(huge.problems[0]!.message).toBe('file is 8 MB; the limit is 8 MB');
  });
});

describe('helpers', () => {
  it('formats sizes in decimal units', () => {
    expect(formatSize(999)).toBe('999 bytes');
    expect(formatSize(40_030)).toBe('40 kB');
    expect(formatSize(5_200_000)).toBe('5.2 MB');
    expect(formatSize(1_000_000)).toBe('1 MB');
  });

  it('counts UTF-8 bytes and code points without allocating', () => {
    const s = 'aé✓𝄞';
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
    expect(codePointCount(s, 0, s.length)).toBe(4);
    expect(positionInText('ab\n𝄞x', 5)).toEqual({ line: 2, col: 2 });
  });
});
