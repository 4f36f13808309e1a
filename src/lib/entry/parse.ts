/**
 * Step 2 of reading an entry file: the YAML frontmatter → plain data + where every value is in the file.
 *
 * Safety, in order:
 *  1. tab indentation and nesting depth are checked on the raw text / the `yaml` Lexer's flat token stream, before
 *     any recursive parser runs (100 000 `[` is refused in milliseconds, not a stack overflow);
 *  2. the document is composed with the YAML 1.2 core schema (no timestamps → no Date, no `!!js/*`, no merge keys);
 *  3. the AST is walked iteratively and anchors, aliases and explicit tags are refused BEFORE any value is built, so an
 *     alias bomb ("billion laughs") never expands; `yaml`'s own `toJS` is never called;
 *  4. data is built by hand into `Object.create(null)` objects, and the keys `__proto__`, `constructor` and
 *     `prototype` are refused, so nothing can reach a prototype.
 */
import {
  CST,
  Lexer,
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import { error, type Position, type Problem } from '../validate/problem';

/** Deepest nesting of lists/mappings accepted; an entry needs 2 (`authors: [..]`). */
const MAX_NESTING = 16;

/** Keys that could reach `Object.prototype` if data were ever merged into a normal object. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type PathSegment = string | number;

/** `['region', 0]` → `region[0]`; `['a', 'b']` → `a.b`. The form `Problem.field` uses. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** Where a value (and, for a mapping entry, its key) is in the file. */
export type Located = Position & {
  /** Offsets of the value in the frontmatter text: [start, end). */
  offset: number;
  end: number;
  endLine: number;
  /** For values in a mapping: where the key is. */
  key?: Position;
  /** The value's source text, for scalars (e.g. `2019.0`, `'2019'`). */
  source?: string;
  /** The scalar's YAML style: PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED. */
  style?: string;
};

/** A string somewhere in the frontmatter (a value or a key), for character-level checks. */
type StringScalar = {
  path: string;
  value: string;
  /** Offsets of its source text in the frontmatter: [start, end). */
  offset: number;
  end: number;
  isKey: boolean;
};

export type ParsedFrontmatter = {
  /** The frontmatter as data, or undefined when it could not (safely) be built. Objects have a null prototype. */
  data: Record<string, unknown> | undefined;
  /** Path (`formatPath`) → location. Holds every value that exists in the YAML. */
  locations: Map<string, Located>;
  strings: StringScalar[];
  problems: Problem[];
  /** File line/column of an offset in the frontmatter text. */
  position(offset: number): Position;
};

/** Parses the YAML text of a frontmatter block that starts on file line `startLine`. Never throws. */
export function parseFrontmatter(file: string, yaml: string, startLine: number): ParsedFrontmatter {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => startLine + lineCounter.linePos(offset).line - 1;
  const position = (offset: number): Position => {
    const { line } = lineCounter.linePos(offset);
    const lineStart = lineCounter.lineStarts[line - 1] ?? 0;
    return { line: startLine + line - 1, col: codePointCount(yaml, lineStart, offset) + 1 };
  };
  const result: ParsedFrontmatter = { data: undefined, locations: new Map(), strings: [], problems: [], position };
  const fatal = (message: string, offset: number, extra: Omit<Partial<Problem>, 'file' | 'message'> = {}) => {
    result.problems.push(error(file, message, { ...positionOfRawOffset(yaml, startLine, offset), ...extra }));
    return result;
  };

  if (yaml.trim() === '') {
    result.problems.push(
      error(file, 'frontmatter is empty', {
        line: startLine,
        suggestion: 'add the fields title, category, summary, source and added between the `---` lines',
      }),
    );
    return result;
  }

  // 1a. Tabs as indentation (YAML forbids them; editors hide them).
  const tab = yaml.includes('\t') ? /^[ ]*\t/m.exec(yaml) : null;
  if (tab && (tab[0].length === 1 || !insideBlockScalarGuess(yaml, tab.index))) {
    return fatal('tab used for indentation', tab.index + tab[0].length - 1, {
      suggestion: 'indent with spaces (2 per level); YAML does not allow tabs',
    });
  }

  const composed = composeFull(yaml, lineCounter);
  if ('fatal' in composed) return fatal(...composed.fatal);
  if (composed.root === undefined) {
    result.problems.push(
      error(file, 'frontmatter is empty', {
        line: startLine,
        suggestion: 'add the fields title, category, summary, source and added between the `---` lines',
      }),
    );
    return result;
  }
  const root: YamlNode = composed.root;

  // 3. Iterative safety walk: anchors, aliases, tags, keys, duplicates, depth. Nothing is built yet.
  type Item = { node: YamlNode | null; path: PathSegment[]; key?: Position };
  const stack: Item[] = [{ node: root, path: [] }];
  let unsafe = false;
  // One problem per kind (the first one), so an alias bomb gives 2 lines, not thousands.
  const reported = new Map<string, Problem>();
  const counts = new Map<string, number>();
  const report = (kind: string, message: string, offset: number, path: PathSegment[], suggestion: string) => {
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    if (reported.has(kind)) return;
    const p = error(file, message, { ...position(offset), ...(path.length ? { field: formatPath(path) } : {}), suggestion });
    reported.set(kind, p);
    result.problems.push(p);
  };
  while (stack.length) {
    const { node, path, key } = stack.pop()!;
    if (node === null) continue;
    const start = rangeStart(node);
    if (path.length > MAX_NESTING) {
      return fatal(`nesting is deeper than ${MAX_NESTING} levels`, start);
    }
    if (isAlias(node)) {
      unsafe = true;
      report('alias', `YAML alias *${node.source} is not allowed`, start, path, 'write the value out in full; anchors (&) and aliases (*) are refused');
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      unsafe = true;
      report('anchor', `YAML anchor &${anchor} is not allowed`, start, path, 'remove the anchor and write values out in full; anchors (&) and aliases (*) are refused');
    }
    const tag = (node as { tag?: string }).tag;
    if (tag) {
      unsafe = true;
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      report('tag', `YAML tag ${shown} is not allowed`, start, path, 'remove the tag; values are plain text, numbers, true/false or lists');
    }
    const located: Located = {
      ...position(start),
      offset: start,
      end: rangeEnd(node),
      endLine: lineOf(rangeEnd(node)),
      ...(key ? { key } : {}),
    };
    if (isScalar(node)) {
      located.source = yaml.slice(start, rangeEnd(node));
      located.style = node.type ?? 'PLAIN';
      if (typeof node.value === 'string') {
        result.strings.push({ path: formatPath(path), value: node.value, offset: start, end: rangeEnd(node), isKey: false });
      }
    }
    if (path.length) result.locations.set(formatPath(path), located);

    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) {
          // `- a: b` inside a flow sequence gives a pair; treat as a mapping value for reporting.
          unsafe = true;
          result.problems.push(
            error(file, 'a list item is a `key: value` pair', {
              ...position(rangeStart(item.key as YamlNode)),
              field: formatPath([...path, i]),
              suggestion: 'put the item in quotes if it is text containing ": "',
            }),
          );
          continue;
        }
        stack.push({ node: (item as YamlNode | null) ?? null, path: [...path, i] });
      }
    } else if (isMap(node)) {
      const seen = new Map<string, Position>();
      const children: Item[] = [];
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        const kStart = k ? rangeStart(k) : rangeStart(node);
        const kPos = position(kStart);
        if (!isScalar(k) || k.value === null || typeof k.value === 'object' || k.anchor || k.tag) {
          unsafe = true;
          result.problems.push(
            error(file, 'a key must be a plain field name', {
              ...kPos,
              ...(path.length ? { field: formatPath(path) } : {}),
              suggestion: 'write `field: value`, e.g. `title: "…"`',
            }),
          );
          continue;
        }
        const name = String(k.value);
        const childPath = [...path, name];
        if (typeof k.value === 'string') {
          result.strings.push({ path: formatPath(childPath), value: name, offset: kStart, end: rangeEnd(k), isKey: true });
        }
        if (FORBIDDEN_KEYS.has(name)) {
          result.problems.push(
            error(file, `the key "${name}" is not allowed`, {
              ...kPos,
              field: formatPath(childPath),
              suggestion: `delete the \`${name}\` line; it is not an entry field`,
            }),
          );
          continue;
        }
        const first = seen.get(name);
        if (first) {
          result.problems.push(
            error(file, `duplicate key "${name}" (also on line ${first.line})`, {
              ...kPos,
              field: formatPath(childPath),
              suggestion: `keep one \`${name}\` line (lines ${first.line} and ${kPos.line})`,
            }),
          );
          continue;
        }
        seen.set(name, kPos);
        const value = (pair.value as YamlNode | null) ?? null;
        if (value === null) {
          result.locations.set(formatPath(childPath), {
            ...kPos,
            offset: kStart,
            end: rangeEnd(k),
            endLine: kPos.line,
            key: kPos,
          });
        }
        children.push({ node: value, path: childPath, key: kPos });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  for (const [kind, p] of reported) {
    const more = (counts.get(kind) ?? 1) - 1;
    if (more > 0) p.message += ` (and ${more} more)`;
  }
  if (unsafe) return result;

  // 4. Build plain data (depth is bounded, so recursion is safe here).
  result.data = toPlain(root) as Record<string, unknown>;
  return result;
}

/** The full `yaml` parser with the options the validator uses (core schema, no custom tags, positions). */
function parseFullDocument(yaml: string, lineCounter?: LineCounter) {
  return parseDocument(yaml, {
    ...(lineCounter ? { lineCounter } : {}),
    prettyErrors: true,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    merge: false,
    customTags: [],
    resolveKnownTags: false,
    keepSourceTokens: false,
  });
}

type FatalArgs = [message: string, offset: number, extra?: Omit<Partial<Problem>, 'file' | 'message'>];

/**
 * Steps 1b and 2 with the full `yaml` parser: nesting depth, then compose. `root` is undefined for an empty document;
 * `fatal` is the one problem that stops parsing.
 */
function composeFull(yaml: string, lineCounter: LineCounter): { root: YamlNode | undefined } | { fatal: FatalArgs } {
  // 1b. Nesting depth on the flat token stream (no recursion, stops at the first excess).
  const deep = mayNestDeeply(yaml) ? findExcessiveNesting(yaml) : undefined;
  if (deep !== undefined) {
    return {
      fatal: [
        `nesting is deeper than ${MAX_NESTING} levels`,
        deep,
        { suggestion: 'an entry needs only `field: value` and simple lists like `authors: [A, B]`' },
      ],
    };
  }

  // 2. Compose (core schema; no custom tags are known, so none can run).
  let doc;
  try {
    doc = parseFullDocument(yaml, lineCounter);
  } catch (e) {
    return { fatal: [`YAML could not be read: ${e instanceof Error ? e.message : String(e)}`, 0] };
  }
  const yamlErrors = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (yamlErrors.length) {
    const e = yamlErrors[0]!;
    return { fatal: describeYamlError(e, yaml) };
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { root: undefined };
  if (!isMap(root)) {
    const what = isSeq(root) ? 'a list' : isScalar(root) ? 'a single value' : 'not a mapping';
    return {
      fatal: [
        `frontmatter must be a mapping of \`field: value\` lines, but it is ${what}`,
        rangeStart(root),
        { suggestion: 'write one `field: value` per line, e.g. `title: "…"`' },
      ],
    };
  }
  return { root };
}

function toPlain(node: YamlNode | null): unknown {
  if (node === null) return null;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => toPlain((item as YamlNode | null) ?? null));
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const name = String((pair.key as { value: unknown }).value);
      if (FORBIDDEN_KEYS.has(name) || Object.prototype.hasOwnProperty.call(out, name)) continue;
      out[name] = toPlain((pair.value as YamlNode | null) ?? null);
    }
    return out;
  }
  return null;
}

function rangeStart(node: YamlNode): number {
  return node.range?.[0] ?? 0;
}
function rangeEnd(node: YamlNode): number {
  return node.range?.[1] ?? rangeStart(node);
}

/** File position of an offset without a LineCounter (used before/without parsing). */
function positionOfRawOffset(yaml: string, startLine: number, offset: number): Position {
  const { line, col } = positionInText(yaml, Math.min(offset, yaml.length));
  return { line: startLine + line - 1, col };
}

/**
 * A tab after leading spaces may be content of a block scalar (`summary: |`). Guess by looking for a block scalar
 * header on an earlier, less indented line. A tab in column 1 is always wrong.
 */
function insideBlockScalarGuess(yaml: string, lineOffset: number): boolean {
  const before = yaml.slice(0, lineOffset).split('\n');
  const indent = /^ */.exec(yaml.slice(lineOffset))![0].length;
  for (let i = before.length - 2; i >= 0; i--) {
    const l = before[i]!;
    if (l.trim() === '') continue;
    const lIndent = /^ */.exec(l)![0].length;
    if (lIndent < indent) return /[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(l);
  }
  return false;
}

/**
 * False when the text cannot pass the limit `findExcessiveNesting` checks: too few brackets, and no line with two
 * `- `/`? ` indicators. Nearly every entry, so the lexer runs once per entry, not twice.
 */
function mayNestDeeply(yaml: string): boolean {
  let brackets = 0;
  for (let i = yaml.indexOf('['); i >= 0; i = yaml.indexOf('[', i + 1)) brackets++;
  for (let i = yaml.indexOf('{'); i >= 0; i = yaml.indexOf('{', i + 1)) brackets++;
  return brackets + 1 > MAX_NESTING || /^[ \t]*[-?][ \t]+[-?](?:[ \t]|$)/m.test(yaml);
}

/**
 * Estimates nesting from the Lexer's flat tokens: open flow brackets plus `- ` / `? ` indicators on one line.
 * Returns the offset where the limit is passed, or undefined. Linear; stops early.
 */
export function findExcessiveNesting(yaml: string, limit = MAX_NESTING): number | undefined {
  let flow = 0;
  let onLine = 0;
  let offset = 0;
  let scalarNext = false;
  for (const tok of new Lexer().lex(yaml)) {
    const type = CST.tokenType(tok);
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    if (type === 'scalar') {
      scalarNext = true;
      continue;
    }
    if (scalarNext) {
      scalarNext = false;
      if (tok.includes('\n')) onLine = 0;
      offset += tok.length;
      continue;
    }
    switch (type) {
      case 'flow-seq-start':
      case 'flow-map-start':
        flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        flow = Math.max(0, flow - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        onLine++;
        break;
      case 'newline':
        onLine = 0;
        break;
      default:
        if (tok.includes('\n')) onLine = 0;
    }
    if (flow + onLine > limit) return offset;
    offset += tok.length;
  }
  return undefined;
}

/** A `yaml` error → [message, offset, extra] with a suggestion for the usual mistakes. */
function describeYamlError(
  e: YAMLError,
  yaml: string,
): [string, number, Omit<Partial<Problem>, 'file' | 'message'>] {
  const offset = e.pos[0];
  const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  const lineText = yaml.slice(yaml.lastIndexOf('\n', offset - 1) + 1).split('\n')[0] ?? '';
  const quoteHint = 'put the value in double quotes: field: "…" (needed when it contains ": " or " #", or starts with @ ` * & ! % [ { \' ")';
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return ['tab used for indentation', offset, { suggestion: 'indent with spaces (2 per level); YAML does not allow tabs' }];
    case 'RESOURCE_EXHAUSTION':
      return [`nesting is too deep`, offset, { suggestion: 'an entry needs only `field: value` and simple lists' }];
    case 'MULTIPLE_DOCS':
      return [
        'frontmatter contains more than one YAML document',
        offset,
        { suggestion: 'remove the `...` or `---` line inside the frontmatter' },
      ];
    default: {
      const hasColonValue = /^\s*[\w-]+:\s.*:\s/.test(lineText);
      const suggestion =
        e.code === 'BAD_INDENT'
          ? 'check the indentation: fields start in column 1, list items under a field are indented by 2 spaces'
          : /missing closing/i.test(first)
            ? 'close the quote or bracket opened here'
            : hasColonValue || e.code === 'BAD_SCALAR_START'
              ? quoteHint
              : `check this line; if a value contains special characters, ${quoteHint}`;
      return [`YAML syntax error: ${first}`, offset, { suggestion }];
    }
  }
}

/** Number of code points in text[start, end). */
export function codePointCount(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Line and code-point column of a UTF-16 offset in a text. */
export function positionInText(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: codePointCount(text, lineStart, offset) + 1 };
}
