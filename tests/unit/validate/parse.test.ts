import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, formatPath, parseFrontmatter } from '../../../src/lib/entry/parse';

const parse = (yaml: string) => parseFrontmatter('x.md', yaml, 2);
const messages = (yaml: string) => parse(yaml).problems.map((p) => `${p.line}:${p.col} ${p.field ?? '-'} ${p.message}`);

describe('parseFrontmatter', () => {
  it('gives plain data with null-prototype objects and a location for every value and key', () => {
    const r = parse('title: "Hello"\nyear: 2019\nregion:\n  - Worldwide\nauthors: [A, "B, C"]\n');
    expect(r.problems).toEqual([]);
    expect(JSON.parse(JSON.stringify(r.data))).toEqual({ title: 'Hello', year: 2019, region: ['Worldwide'], authors: ['A', 'B, C'] });
    expect(Object.getPrototypeOf(r.data)).toBeNull();
    expect(r.locations.get('title')).toMatchObject({ line: 2, col: 8, key: { line: 2, col: 1 }, source: '"Hello"', style: 'QUOTE_DOUBLE' });
    expect(r.locations.get('region[0]')).toMatchObject({ line: 5, col: 5 });
    expect(r.locations.get('authors[1]')).toMatchObject({ line: 6, col: 14 });
    expect(r.strings.map((s) => s.path)).toContain('authors[1]');
  });

  it('uses the YAML 1.2 core schema: dates stay text, no Date objects', () => {
    const r = parse('added: 2024-05-01\nyear: 2019-05-01\nflag: yes\n');
    expect(r.data).toMatchObject({ added: '2024-05-01', year: '2019-05-01', flag: 'yes' });
  });

  it('columns count code points, not UTF-16 units', () => {
    const r = parse('title: "𝄞𝄞"\nnotes: x\n');
    // `title: "` is 8 characters; the second 𝄞 starts 3 UTF-16 units after the quote, in column 10.
    expect(r.position(r.locations.get('title')!.offset + 3)).toEqual({ line: 2, col: 10 });
  });

  it('reports duplicate keys with both lines', () => {
    expect(parse('title: a\nyear: 1\ntitle: b\n').problems).toMatchInlineSnapshot(`
      [
        {
          "col": 1,
          "field": "title",
          "file": "x.md",
          "line": 4,
          "message": "duplicate key "title" (also on line 2)",
          "severity": "error",
          "suggestion": "keep one \`title\` line (lines 2 and 4)",
        },
      ]
    `);
  });

  it('refuses __proto__, constructor and prototype keys, at any depth, without polluting anything', () => {
    expect(messages('__proto__:\n  polluted: 1\nconstructor: x\na:\n  prototype: y\n')).toEqual([
      '2:1 __proto__ the key "__proto__" is not allowed',
      '4:1 constructor the key "constructor" is not allowed',
      '6:3 a.prototype the key "prototype" is not allowed',
    ]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(parse('__proto__: {x: 1}\n').data ?? {})).toEqual([]);
  });

  it('refuses anchors and aliases before anything expands: a billion laughs fails at once (it would never finish if expanded)', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [p, n] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) lines.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
    const r = parse(`${lines.join('\n')}\n`);
    expect(r.data).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toEqual([
      'YAML anchor &a is not allowed (and 8 more)',
      'YAML alias *a is not allowed (and 71 more)',
    ]);
  });

  it('refuses explicit tags such as !!js/function, !!binary and local tags', () => {
    expect(messages('a: !!js/function "function () {}"\nb: !!binary aGk=\nc: !thing x\n')).toEqual([
      '2:18 a YAML tag !!js/function is not allowed (and 2 more)',
    ]);
    expect(messages('b: !!binary aGk=\n')).toEqual(['2:13 b YAML tag !!binary is not allowed']);
    expect(messages('c: !!str x\n')).toEqual(['2:10 c YAML tag !!str is not allowed']);
  });

  it('refuses pathological nesting on the token stream, without recursion', () => {
    expect(messages(`a: ${'['.repeat(30_000)}`)).toEqual(['2:20 - nesting is deeper than 16 levels']);
    expect(messages(`a:\n  ${'- '.repeat(15_000)}x`)[0]).toContain('nesting is deeper than 16 levels');
    expect(messages(`a: ${'{b: '.repeat(30)}x${'}'.repeat(30)}`)[0]).toContain('nesting is deeper than 16 levels');
    expect(findExcessiveNesting('a: [1, [2, [3]]]\nb: "[[[[[[[[[[[[[[[[[[[["\nc: |\n  [[[[[[[[[[[[[[[[[[[[\n')).toBeUndefined();
  });

  it('reports tab indentation with its line, but allows tabs inside block scalars', () => {
    expect(messages('authors:\n\t- A\n')).toEqual(['3:1 - tab used for indentation']);
    expect(messages('authors:\n  \t- A\n')).toEqual(['3:3 - tab used for indentation']);
    expect(parse('summary: |\n  a\n  \tb\n').data).toMatchObject({ summary: 'a\n\tb\n' });
  });

  it('turns YAML syntax errors into one problem with a suggestion', () => {
    const [p] = parse('title: Trafficking: a global view\n').problems;
    expect(p).toMatchObject({ line: 2, col: 8, message: 'YAML syntax error: Nested mappings are not allowed in compact mappings' });
    expect(p!.suggestion).toContain('double quotes');
    expect(messages('title: @handle\n')[0]).toContain('reserved character @');
  });

  it('explains an empty block, a list, a scalar and complex keys', () => {
    expect(messages('')).toEqual(['2:undefined - frontmatter is empty']);
    expect(messages('# only a comment\n')).toEqual(['2:undefined - frontmatter is empty']);
    expect(messages('- a\n- b\n')[0]).toContain('frontmatter must be a mapping of `field: value` lines, but it is a list');
    expect(messages('just text\n')[0]).toContain('but it is a single value');
    expect(messages('? [a, b]\n: 1\n')).toEqual(['2:3 - a key must be a plain field name']);
  });

  it('formats paths as Problem.field does', () => {
    expect(formatPath(['region', 0])).toBe('region[0]');
    expect(formatPath(['a', 'b', 2, 'c'])).toBe('a.b[2].c');
    expect(formatPath([])).toBe('');
  });
});
