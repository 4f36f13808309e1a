import type { MarkdownScan } from '../../markdown/render';
import type { Located, ParsedFrontmatter } from '../../entry/parse';
import type { SplitEntry } from '../../entry/read';
import type { Position, Problem } from '../problem';

/** What a per-file rule sees. Rules that need data or a body return [] when it is missing. */
export type EntryContext = {
  /** The file as reported in problems, and its base name (`foo-bar.md`). */
  file: string;
  fileName: string;
  split?: SplitEntry;
  /** Strings and locations even when data could not be built. */
  frontmatter?: ParsedFrontmatter;
  /** The frontmatter as data (null-prototype objects), when it could be built safely. */
  data?: Record<string, unknown>;
  /** The body rendered by THE Markdown processor, with the nodes the rules check (once, on first call). */
  markdown(): MarkdownScan | undefined;
  locate(field: string): Located | undefined;
  /** `{ line, col, field }` for a problem about a field (just `{ field }` when it has no location). */
  at(field: string): { line?: number; col?: number; field: string };
  /** Marks a field (and everything under it) as explained by this rule: the schema's issues there are dropped. */
  claim(field: string): void;
  now: Date;
};

export type Rule = {
  id: string;
  /** One line for docs and `--help`. */
  description: string;
  check(ctx: EntryContext): Problem[];
};

/** One file of a set, for rules across files. */
export type SetItem = {
  file: string;
  fileName: string;
  data?: Record<string, unknown>;
  locate(field: string): Position | undefined;
};

export type SetRule = {
  id: string;
  description: string;
  check(items: readonly SetItem[]): Problem[];
};
