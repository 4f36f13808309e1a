/**
 * The fixture corpus: committed files under tests/fixtures/entries/, plus cases that are awkward to commit (binary,
 * huge, pathological) written into a temporary folder by `writeGeneratedCases`.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'tests/fixtures/entries');

export type Expected = {
  field: string | null;
  line: number | null;
  messageIncludes: string;
  suggestionIncludes?: string;
  col?: number;
  /** How many errors the file gives (default 1; 0 for warning cases). */
  errors?: number;
  severity?: 'error' | 'warning';
};

export type Case = { name: string; path: string; expected: Expected };

export function committedCases(dir: 'reject' | 'warn'): Case[] {
  const base = join(FIXTURES, dir);
  return readdirSync(base)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.md$/, ''),
      path: join(base, f),
      expected: JSON.parse(readFileSync(join(base, f.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected,
    }));
}

export function acceptFiles(): string[] {
  const base = join(FIXTURES, 'accept');
  return readdirSync(base)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(base, f));
}

/** A valid entry (17 lines; the body starts on line 16), as in the committed fixtures. */
export const VALID = readFileSync(join(FIXTURES, 'accept/full-entry.md'), 'utf8');
const HEAD = [
  '---',
  'title: "Handbook on Anti-Trafficking Responses"',
  'year: 2019',
  'category: handbook',
  'summary: "A practical handbook."',
  'source: [editor]',
  'added: 2024-05-01',
  '---',
  '',
].join('\n');

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Writes the generated reject cases into `dir` and returns them. */
export function writeGeneratedCases(dir: string): Case[] {
  mkdirSync(dir, { recursive: true });
  const cases: Array<{ name: string; bytes: Uint8Array; expected: Expected }> = [];
  const add = (name: string, bytes: Uint8Array, expected: Expected) => cases.push({ name, bytes, expected });

  // Latin-1 "é" (0xE9) in the title: line 2, byte offset 15 ("---\n" is 4 bytes, 'title: "Caf' 11).
  add('invalid-utf8', Buffer.concat([utf8('---\ntitle: "Caf'), Buffer.from([0xe9]), utf8(' workers"\ncategory: report\n---\n')]), {
    field: null,
    line: 2,
    col: 12,
    messageIncludes: 'invalid UTF-8 at line 2, byte offset 15 (byte 0xE9)',
    suggestionIncludes: 'UTF-8',
  });
  // An overlong encoding of "/" (C0 AF) on line 3.
  add('invalid-utf8-overlong', Buffer.concat([utf8('---\ntitle: "x"\nnotes: "'), Buffer.from([0xc0, 0xaf]), utf8('"\n---\n')]), {
    field: null,
    line: 3,
    messageIncludes: 'invalid UTF-8 at line 3, byte offset 23 (byte 0xC0)',
  });
  add('utf16le-with-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')]), {
    field: null,
    line: 1,
    messageIncludes: 'UTF-16 (LE)',
  });
  add('utf16be-without-bom', Buffer.from(HEAD, 'utf16le').swap16(), {
    field: null,
    line: 1,
    messageIncludes: 'UTF-16 (BE)',
  });
  add('nul-byte', Buffer.concat([utf8(HEAD), Buffer.from([0]), utf8('binary\n')]), {
    field: null,
    line: 9,
    messageIncludes: 'NUL character',
  });
  // 5.2 MB of body text: refused before the Markdown parser sees it.
  add('body-5mb', utf8(HEAD + 'Copied PDF text. '.repeat(306_000)), {
    field: null,
    line: 9,
    messageIncludes: 'body is 5.2 MB; the limit is 1 MB',
    suggestionIncludes: 'link the PDF instead',
  });
  add('file-9mb', utf8(HEAD + 'x'.repeat(9_000_000)), {
    field: null,
    line: null,
    messageIncludes: 'file is 9 MB; the limit is 8 MB',
  });
  const lol = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
    lol.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  add('billion-laughs', utf8(`${lol.join('\n')}\ntitle: *i\n---\n`), {
    field: 'a',
    line: 2,
    messageIncludes: 'YAML anchor &a is not allowed (and 8 more)',
    errors: 2,
  });
  // 100 000 `[`: refused by size before any parser runs.
  add('deep-nesting-100k-brackets', utf8(`---\ntitle: ${'['.repeat(100_000)}\n---\n`), {
    field: null,
    line: 2,
    messageIncludes: 'frontmatter is 100 kB; the limit is 32 kB',
  });
  // Within the size limit, the nesting guard refuses it on the token stream (no recursion, no RangeError).
  add('deep-nesting-flow', utf8(`---\ntitle: ${'['.repeat(30_000)}\n---\n`), {
    field: null,
    line: 2,
    col: 24,
    messageIncludes: 'nesting is deeper than 16 levels',
  });
  add('deep-nesting-block', utf8(`---\ntitle:\n  ${'- '.repeat(15_000)}x\n---\n`), {
    field: null,
    line: 3,
    messageIncludes: 'nesting is deeper than 16 levels',
  });
  add('frontmatter-too-large', utf8(`---\ntitle: "x"\nnotes: "${'long note '.repeat(4_000)}"\n---\n`), {
    field: null,
    line: 2,
    messageIncludes: 'frontmatter is 40 kB; the limit is 32 kB',
  });

  return cases.map((c) => {
    const path = join(dir, `${c.name}.md`);
    writeFileSync(path, c.bytes);
    return { name: c.name, path, expected: c.expected };
  });
}

/** Two files whose names give the same slug, and a file name that is not a slug. */
export function writeSlugClashSet(dir: string): { dir: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const files = ['Foo-Bar.md', 'foo-bar.md'].map((f) => join(dir, f));
  writeFileSync(files[0]!, VALID.replace('Handbook on Anti-Trafficking Responses', 'Foo Bar (upper case file)'));
  writeFileSync(files[1]!, VALID.replace('Handbook on Anti-Trafficking Responses', 'Foo Bar (lower case file)'));
  return { dir, files };
}
