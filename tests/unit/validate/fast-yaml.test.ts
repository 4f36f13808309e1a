/**
 * The fast frontmatter path (src/lib/entry/fast-yaml.ts) must never disagree with the full `yaml` parser: whenever
 * it accepts a text, the full parser must accept it too, with no error at all, and build the same nodes (values,
 * styles, ranges) and line starts, so that `parseFrontmatter` gives exactly the same data, locations, strings and
 * problems either way. Hand-picked traps, every fixture and catalogue file, synthetic entries, and a seeded fuzz.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, isMap, isPair, isScalar, isSeq } from 'yaml';
import { fastCompose } from '../../../src/lib/entry/fast-yaml';
import { findExcessiveNesting, parseFrontmatter, parseFullDocument } from '../../../src/lib/entry/parse';
import { readEntry } from '../../../src/lib/entry/read';
import { createRng, generateEntries, toMarkdown, type CatalogueProfile } from '../../../src/lib/bench/synthetic';
import { FIXTURES, ROOT } from './fixtures';

/** A node as far as `parseFrontmatter` looks at it. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const n = node as { range?: number[]; anchor?: string; tag?: string };
  const common = { range: n.range?.slice(0, 2), anchor: n.anchor, tag: n.tag };
  if (isScalar(node)) return { scalar: node.value, type: node.type ?? 'PLAIN', ...common };
  if (isSeq(node)) return { seq: node.items.map(shape), ...common };
  if (isMap(node)) return { map: node.items.map((p) => [shape(p.key), shape(p.value)]), ...common };
  if (isPair(node)) return { pair: [shape(node.key), shape(node.value)] };
  return { other: String(node) };
}

/** Everything `parseFrontmatter` gives, in comparable form (positions at every offset). */
function result(yaml: string, fastPath: boolean) {
  const r = parseFrontmatter('x.md', yaml, 2, { fastPath });
  return {
    data: r.data === undefined ? undefined : JSON.stringify(r.data),
    prototypeFree: r.data === undefined || Object.getPrototypeOf(r.data) === null,
    locations: [...r.locations],
    strings: r.strings,
    problems: r.problems,
    positions: Array.from({ length: yaml.length + 1 }, (_, i) => r.position(i)),
  };
}

/** Asserts the two paths agree on `yaml`; returns whether the fast path took it. */
function agree(yaml: string): boolean {
  const fast = fastCompose(yaml);
  if (fast) {
    const lineCounter = new LineCounter();
    const doc = parseFullDocument(yaml, lineCounter);
    expect(doc.errors.map((e) => e.code), `full parser errors for ${JSON.stringify(yaml)}`).toEqual([]);
    expect(findExcessiveNesting(yaml)).toBeUndefined();
    expect(/^[ ]*\t/m.test(yaml)).toBe(false);
    expect(shape(fast.root), `nodes for ${JSON.stringify(yaml)}`).toEqual(shape(doc.contents));
    expect(fast.lineStarts).toEqual(lineCounter.lineStarts);
  }
  expect(result(yaml, true), `parseFrontmatter for ${JSON.stringify(yaml)}`).toEqual(result(yaml, false));
  return fast !== undefined;
}

describe('fast frontmatter path', () => {
  it('takes the usual entry shapes and builds what the full parser builds', () => {
    const usual = [
      'title: Hello\n',
      'title: "2017 Trafficking in Persons Report"\nauthors:\n  - "United States Department of State"\nyear: 2017\nregion:\n  - "Worldwide"\n',
      "title: 'It''s here'\nyear: 0123\ntitle_supplied: true\nx: false\n",
      'region: [Worldwide]\nlanguages: [en, "fr", \'es\']\nsource: [editor]\ncountry: []\n',
      'title: Trafficking:a b-less title with a:colon and C# and 50% and "quotes" inside\n',
      'added: 2026-11-23\nlink: https://example.org/a?b=c#d\nnotes: ...\n',
      'summary: ünïcödé 𝄞 الاتجار بالبشر זה ‏mark‌joiner\n',
      'title: ""\nnotes: \'\'\n',
    ];
    for (const yaml of usual) expect(agree(yaml), JSON.stringify(yaml)).toBe(true);
  });

  it('leaves everything unusual to the full parser (which then reports it or reads it) and still agrees', () => {
    const unusual = [
      'title: a\ntitle: b\n', // duplicate key
      'title: a\n\tyear: 1\n', // tab indentation
      'title: a\tb\n', // tab inside a value
      'title: &a x\nnotes: *a\n', // anchor, alias
      'title: !!str x\n',
      'year: !!int "2019"\n',
      'title: x # comment\n',
      '# comment\ntitle: x\n',
      'title: x\n\nyear: 1\n', // blank line
      'title:\nyear: 1\n', // empty value
      'title:\n', // empty value at the end
      'title: ~\n',
      'title: null\nx: Null\n',
      'title: True\nx: yes\nz: FALSE\n',
      'year: 2019.0\n',
      'year: 0x7E3\n',
      'year: 0o17\n',
      'year: +2019\n',
      'year: -1\n',
      'year: 1e3\n',
      'year: .inf\nx: .nan\n',
      'title: a: b\n',
      'title: a:\n',
      'title: "a\\"b"\n',
      'title: "a\\u00e9"\n',
      "title: 'a'b'\n",
      'title: "a" b\n',
      'title: "unclosed\n',
      "title: 'unclosed\n",
      'title: [a\n',
      'title: {a: 1}\n',
      'region: [a,b]\n',
      'region: [ a ]\n',
      'region: [a, [b]]\n',
      'region: [a: b]\n',
      'region: [a, ]\n',
      'region: ["a" , b]\n',
      'region:\n- a\n', // list at column 0
      'region:\n    - a\n', // list indented 4
      'region:\n  -  a\n',
      'region:\n  - a: b\n',
      'region:\n  - - a\n',
      'region:\n  - [a]\n',
      'region:\n  -\n',
      'title: x\n  - a\n', // list item under a value
      'title: x\n  more\n', // continuation line
      'title: >\n  folded\n',
      'title: |\n  literal\n',
      'title: @x\n',
      'title: `x\n',
      'title: %x\n',
      'title: -x\n',
      'title: ?x\n',
      'title: ,x\n',
      'title: x \n', // trailing space
      'title:  x\n', // two spaces
      'title: \u00a0x\n', // NBSP
      'title: x\u2028y\n',
      'title: x\u0085y\n',
      'title: \ufeffx\n',
      'title: x\r\n',
      '__proto__: x\n',
      'constructor: x\n',
      'true: x\n',
      'null: x\n',
      '"title": x\n',
      '? title\n: x\n',
      'title: x', // no final newline
      '...\n',
      '- a\n- b\n',
      'just text\n',
      `${'k'.repeat(1100)}: x\n`,
      'a:\n  b: c\n',
    ];
    for (const yaml of unusual) expect(agree(yaml), JSON.stringify(yaml)).toBe(false);
  });

  it('agrees on every fixture entry and every catalogue entry', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.md')) files.push(path);
      }
    };
    walk(FIXTURES);
    walk(join(ROOT, 'content'));
    let checked = 0;
    for (const file of files) {
      const read = readEntry(file, new Uint8Array(readFileSync(file)));
      if (!read.ok) continue;
      agree(read.entry.frontmatter);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('agrees on synthetic entries (the benchmark corpus) and takes almost all of them', () => {
    const profile = JSON.parse(readFileSync(join(ROOT, 'bench/profile.json'), 'utf8')) as CatalogueProfile;
    const entries = generateEntries(profile, 300, { seed: 'fast-yaml-test', currentYear: 2026 });
    let fast = 0;
    for (const entry of entries) {
      const read = readEntry(`${entry.slug}.md`, toMarkdown(entry));
      expect(read.ok).toBe(true);
      if (read.ok && agree(read.entry.frontmatter)) fast++;
    }
    expect(fast).toBeGreaterThan(290);
  });

  it('agrees on seeded random frontmatter built from tricky pieces', () => {
    const rng = createRng('fast-yaml-fuzz');
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const keys = ['title', 'year', 'region', 'authors', 'notes', 'title', 'a-b', 'x_y', 'True', 'null', '__proto__', '"q"', 'k k'];
    const values = [
      'plain words', 'Trafficking in Persons', "it's", 'C#', 'a#b', 'a:b', 'a: b', 'a :b', 'x #y', 'x:', '2019', '2019.0',
      '0123', '0x7E3', '0o17', '+12', '-12', '1e3', '.5', '.inf', '.nan', '~', 'true', 'false', 'True', 'yes', 'no',
      'null', '2024-05-01', '@x', '`x', '%x', '|', '>-', '-', '- x', '-x', '?x', '? x', ':x', ',x', '!x', '&a x', '*a',
      '"dq"', '"d q: #"', '"d\\"q"', '"d\\n"', '""', "'sq'", "'s''q'", "'s'q'", "''", '"open', "'open", '[a, b]', '[a,b]',
      '[]', '[ a ]', '[a, "b, c"]', "[a, 'b']", '[a, [b]]', '[a: b]', '{a: 1}', '[a, ]', 'ünï 𝄞', 'x\u00a0y', 'x\u200by',
      '...', '---', "x'", 'x"', '"', "'", '[', ']', '"a" b', 'a,b', 'http://x.y/z?q=1#f', 'x ', ' x', 'a\tb',
      '=', '<<', '<b>x</b>', 'a!b', 'x&y', 'a*b', 'a%b', 'a@b', 'a{b', 'a}b', 'a[b', 'a]b', '1_000', '0', '00', '1.', '1e',
      '0x', '0b101', 'NaN', 'Infinity', '-0', '+.5', '12345678901234567890123', 'on', 'off', 'y', 'n', '2019a', '"a\\b"',
    ];
    const line = (): string => {
      const r = rng();
      if (r < 0.45) return `${pick(keys)}: ${pick(values)}`;
      if (r < 0.6) return `${pick(keys)}:`;
      if (r < 0.85) return `  - ${pick(values)}`;
      return pick(['- a', '    x', '# c', '', 'k:  v', 'k: v # c', '  -  v', '\tk: v', 'k:v', '  k: v', '...']);
    };
    // Mostly-plausible texts: distinct keys, each with a value or a list, pieces from the same tricky pool.
    const good = ['plain words', "it's", 'C#', 'a:b', '2019', '0123', 'true', '2024-05-01', '"d q: #"', "'s''q'", '[a, b]', '[]', 'ünï 𝄞', '...'];
    const value = () => (rng() < 0.85 ? pick(good) : pick(values));
    const plausible = (): string => {
      const names = ['title', 'year', 'region', 'authors', 'notes', 'added'].filter(() => rng() < 0.7);
      return names
        .map((name) => (rng() < 0.7 ? `${name}: ${value()}\n` : `${name}:\n${Array.from({ length: 1 + Math.floor(rng() * 3) }, () => `  - ${value()}\n`).join('')}`))
        .join('');
    };
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 1 + Math.floor(rng() * 6);
      const yaml = i % 2 ? plausible() : Array.from({ length: n }, line).join('\n') + (rng() < 0.95 ? '\n' : '');
      if (agree(yaml)) fast++;
    }
    // Not vacuous: a good share of the random texts take the fast path and are compared node by node.
    expect(fast).toBeGreaterThan(300);

    // One character inserted anywhere into a text the fast path takes.
    const inserts = [' ', '\n', '\t', '#', ':', '-', '?', '[', ']', '{', '}', ',', '"', "'", '&', '*', '!', '|', '>', '%', '@', '`', '\\', '\r', '\u00a0', '\u2028', '\ufeff', '\u0085', '\u200b', 'é', '𝄞', '0', '.'];
    const base = 'title: "A title: with colon"\nauthors:\n  - Anne Gallagher\n  - \'O\'\'Neil\'\nyear: 2019\nregion: [Worldwide, "Europe, North"]\ntitle_supplied: true\nsummary: Plain text, with commas and C# and a:b.\n';
    expect(agree(base)).toBe(true);
    for (let i = 0; i < 1500; i++) {
      const at = Math.floor(rng() * (base.length + 1));
      agree(base.slice(0, at) + pick(inserts) + base.slice(at));
    }
  });
});
