/**
 * What the frontmatter reader needs from `yaml` on EVERY file, without loading `yaml` itself: its node type guards
 * (they test the registered symbols `yaml` tags its nodes with, exactly as `yaml`'s own guards do) and its line
 * counter. The `yaml` package (about 80 modules) is loaded only when a text needs the full parser (`loadYaml`); the
 * usual entry takes the fast path (fast-yaml.ts) and never needs it.
 */
import { createRequire } from 'node:module';
import type { Alias, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export const NODE_TYPE: unique symbol = Symbol.for('yaml.node.type') as never;
export const ALIAS = Symbol.for('yaml.alias');
export const MAP = Symbol.for('yaml.map');
export const PAIR = Symbol.for('yaml.pair');
export const SCALAR = Symbol.for('yaml.scalar');
export const SEQ = Symbol.for('yaml.seq');

const typeOf = (node: unknown): unknown =>
  !!node && typeof node === 'object' ? (node as { [NODE_TYPE]?: unknown })[NODE_TYPE] : undefined;

export const isAlias = (node: unknown): node is Alias => typeOf(node) === ALIAS;
export const isMap = (node: unknown): node is YAMLMap => typeOf(node) === MAP;
export const isPair = (node: unknown): node is Pair => typeOf(node) === PAIR;
export const isScalar = (node: unknown): node is Scalar => typeOf(node) === SCALAR;
export const isSeq = (node: unknown): node is YAMLSeq => typeOf(node) === SEQ;

export type { YamlNode };

/** `yaml`'s LineCounter, the same code: line starts, and a binary search for the 1-based line of an offset. */
export class LineStarts {
  lineStarts: number[] = [];
  addNewLine = (offset: number): number => this.lineStarts.push(offset);
  linePos = (offset: number): { line: number; col: number } => {
    let low = 0;
    let high = this.lineStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lineStarts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (this.lineStarts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    const start = this.lineStarts[low - 1]!;
    return { line: low, col: offset - start + 1 };
  };
}

let yamlModule: typeof import('yaml') | undefined;

/** The `yaml` package, loaded on first use (it is CommonJS: a synchronous require). */
export function loadYaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}
