/**
 * A fast path for the plain frontmatter almost every entry has: `key: value` lines, block lists of `  - item` and
 * one-line flow lists `[a, b]`, with plain, "double-quoted" (no escapes) or 'single-quoted' one-line values.
 *
 * It builds the same `yaml` nodes (values, styles and ranges) that `parseDocument` with the core schema builds for
 * such text, so `parseFrontmatter` walks them exactly as it walks the full parser's document and every location and
 * message stays the same. It is deliberately narrow: on ANYTHING else — a comment, a blank line, a tab, a control or
 * unusual space character, a multi-line or escaped value, an empty value, a duplicate key, a value the core schema
 * would read as null, a float, hex or octal, an anchor, alias or tag, a nested mapping — it returns undefined and
 * the full parser decides. So it can only ever accept text the full parser accepts with no error, and the unit test
 * tests/unit/validate/fast-yaml.test.ts checks that it builds the same thing the full parser does.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type FastDocument = {
  root: YAMLMap;
  /** Offsets where each line starts (0, then after every `\n`), as `yaml`'s LineCounter records them. */
  lineStarts: number[];
};

/**
 * Characters after which the fast path gives up anywhere in the text: tabs, CR, C0/C1 controls, DEL, and every
 * character JavaScript's `\s` knows besides space and newline (NBSP, the Unicode spaces, line/paragraph separators,
 * BOM). YAML treats some of these specially and the full parser (and the invisible-character rule) should see them.
 */
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

/** Keys `parseFrontmatter` refuses (the full parser reports them). */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A top-level key line: `key:` (a block list follows) or `key: value`. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;

/** Every plain scalar the YAML 1.2 core schema resolves to something other than a string (null, bool, int, float). */
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))?$/;

/** First characters a plain scalar may not start with here (YAML indicators, quotes handled separately). */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;

/** Parses the common frontmatter shapes; undefined means "not sure: use the full parser". Never throws. */
export function fastCompose(yaml: string): FastDocument | undefined {
  try {
    return compose(yaml);
  } catch {
    return undefined;
  }
}

type FastPair = Pair<Scalar, Scalar | YAMLSeq | null>;

function compose(yaml: string): FastDocument | undefined {
  const length = yaml.length;
  if (length === 0 || yaml.charCodeAt(length - 1) !== 10 || UNUSUAL.test(yaml)) return undefined;

  const root = new YAMLMap();
  const lineStarts: number[] = [0];
  const keys = new Set<string>();
  let offset = 0;
  /** The key whose block list is being read (its `key:` line had no value). */
  let openSeq: YAMLSeq | undefined;
  let openPair: FastPair | undefined;

  while (offset < length) {
    const end = yaml.indexOf('\n', offset);
    lineStarts.push(end + 1);
    const line = yaml.slice(offset, end);
    if (line === '' || line.charCodeAt(line.length - 1) === 32) return undefined;

    if (line.startsWith('  - ')) {
      // An item of the block list under the last `key:` line.
      if (!openPair) return undefined;
      const start = offset + 4;
      const item = blockScalar(yaml, start, end);
      if (!item) return undefined;
      if (!openSeq) {
        openSeq = new YAMLSeq();
        openSeq.range = [offset + 2, end + 1, end + 1];
        openPair.value = openSeq;
      }
      openSeq.items.push(item);
      openSeq.range = [openSeq.range![0], end + 1, end + 1];
      offset = end + 1;
      continue;
    }

    // A `key:` line without items under it would be an empty (null) value: leave that to the full parser.
    if (openPair && !openSeq) return undefined;
    openPair = undefined;
    openSeq = undefined;

    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const name = m[1]!;
    if (name.length > 100 || CORE_NON_STRING.test(name) || FORBIDDEN.has(name) || keys.has(name)) return undefined;
    keys.add(name);
    const key = new Scalar(name);
    key.range = [offset, offset + name.length, offset + name.length];
    key.type = 'PLAIN';
    const rest = m[2];
    const pair: FastPair = new Pair<Scalar, Scalar | YAMLSeq | null>(key, null);
    root.items.push(pair);
    if (rest === undefined) {
      openPair = pair;
    } else {
      const start = offset + name.length + 2;
      const value = rest.startsWith('[') ? flowSeq(yaml, start, end) : blockScalar(yaml, start, end);
      if (!value) return undefined;
      pair.value = value;
    }
    offset = end + 1;
  }
  if (openPair && !openSeq) return undefined;
  if (root.items.length === 0) return undefined;
  root.range = [0, length, length];
  return { root, lineStarts };
}

/** A one-line scalar filling yaml[start, end) (end is the line's `\n`), as a value in block context. */
function blockScalar(yaml: string, start: number, end: number): Scalar | undefined {
  const node = scalar(yaml.slice(start, end), false);
  if (!node) return undefined;
  node.range = [start, end, end + 1];
  return node;
}

/** `[a, "b", 'c']` (or `[]`) filling yaml[start, end) exactly: items separated by `, `. */
function flowSeq(yaml: string, start: number, end: number): YAMLSeq | undefined {
  if (yaml.charCodeAt(end - 1) !== 93 /* ] */) return undefined;
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.range = [start, end, end + 1];
  if (end - start === 2) return seq; // `[]`
  let pos = start + 1;
  for (;;) {
    const c = yaml.charCodeAt(pos);
    let itemEnd: number;
    if (c === 34 /* " */) {
      itemEnd = yaml.indexOf('"', pos + 1) + 1;
    } else if (c === 39 /* ' */) {
      itemEnd = singleQuotedEnd(yaml, pos, end);
    } else {
      itemEnd = pos;
      while (itemEnd < end - 1) {
        const d = yaml.charCodeAt(itemEnd);
        if (d === 44 /* , */ || d === 93 /* ] */) break;
        itemEnd++;
      }
    }
    if (itemEnd <= pos || itemEnd > end - 1) return undefined;
    const item = scalar(yaml.slice(pos, itemEnd), true);
    if (!item) return undefined;
    item.range = [pos, itemEnd, itemEnd];
    seq.items.push(item);
    if (itemEnd === end - 1) break;
    if (yaml.charCodeAt(itemEnd) !== 44 || yaml.charCodeAt(itemEnd + 1) !== 32) return undefined;
    pos = itemEnd + 2;
  }
  return seq;
}

/** End (exclusive) of a single-quoted scalar starting at `pos`, or -1. */
function singleQuotedEnd(yaml: string, pos: number, limit: number): number {
  for (let i = pos + 1; i < limit; i++) {
    if (yaml.charCodeAt(i) !== 39) continue;
    if (yaml.charCodeAt(i + 1) === 39) {
      i++;
      continue;
    }
    return i + 1;
  }
  return -1;
}

/** One scalar's whole source text → a node with its value and style, or undefined when not sure. */
function scalar(source: string, inFlow: boolean): Scalar | undefined {
  const first = source.charCodeAt(0);
  if (first === 34 /* " */) {
    if (source.length < 2 || source.charCodeAt(source.length - 1) !== 34) return undefined;
    const inner = source.slice(1, -1);
    if (inner.includes('"') || inner.includes('\\')) return undefined;
    const node = new Scalar(inner);
    node.type = 'QUOTE_DOUBLE';
    return node;
  }
  if (first === 39 /* ' */) {
    if (source.length < 2 || singleQuotedEnd(source, 0, source.length) !== source.length) return undefined;
    const node = new Scalar(source.slice(1, -1).replaceAll("''", "'"));
    node.type = 'QUOTE_SINGLE';
    return node;
  }
  if (source === '' || PLAIN_START.test(source) || source.endsWith(' ') || source.endsWith(':') || source.includes(': ') || source.includes(' #')) {
    return undefined;
  }
  // In a flow list a plain item may not contain these at all (`:` there starts a key: leave it to the parser).
  if (inFlow && /[,[\]{}:#"']/.test(source)) return undefined;
  let value: string | number | boolean = source;
  if (CORE_NON_STRING.test(source)) {
    if (/^[0-9]+$/.test(source)) value = parseInt(source, 10);
    else if (source === 'true') value = true;
    else if (source === 'false') value = false;
    else return undefined;
  }
  const node = new Scalar(value);
  node.type = 'PLAIN';
  return node;
}
