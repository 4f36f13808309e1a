/**
 * The entry validator: every check of an entry file goes through here (one file, in-memory sets, files and folders
 * on disk). None of its functions throws for a bad file: every failure is a Problem for that file.
 */
import { readFileSync, statSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { entrySchema, type EntryData } from '../schema/entry';
import { scanBody, type Heading, type MarkdownScan } from '../markdown/render';
import type { Located } from '../entry/parse';
import { LIMITS, formatSize, readEntry } from '../entry/read';
import { covers } from './acknowledge';
import { zodIssuesToProblems } from './error-map';
import { error, hasErrors, sortProblems, type Problem } from './problem';
import { ENTRY_RULES, SET_RULES, type EntryContext, type SetItem } from './rules';
import { slugOf } from './rules/slug-clash';

/** A valid entry, ready for the site. */
export type ValidatedEntry = {
  /** The file as reported in problems. */
  file: string;
  slug: string;
  /** The frontmatter after the schema (trimmed, NFC, defaults applied). */
  data: EntryData;
  body: string;
  /** The file line the body starts on (to map Markdown positions back to the file). */
  bodyStartLine: number;
  /** The body as THE Markdown processor rendered it when the rules checked it, and its headings. */
  html: string;
  headings: Heading[];
};

type ValidationResult = {
  /** Every problem, sorted by file, line and column. */
  problems: Problem[];
  /** The entries that have no errors (warnings allowed). */
  entries: ValidatedEntry[];
  files: number;
};

export type SourceResult = {
  problems: Problem[];
  /** Present when the file has no errors. */
  entry?: ValidatedEntry;
  /** The frontmatter data as parsed (even when invalid), for set checks and tools. Null-prototype objects. */
  data?: Record<string, unknown>;
  /** Where each field is in the file (`title`, `region[0]`, …). */
  locations?: ReadonlyMap<string, Located>;
};

type ValidateOptions = {
  /** "Today": messages about the current year and `added` use it (tests pin it). Default: now. */
  now?: Date;
  /** false: keep no valid entries (the CLI prints only problems), so a large folder's texts are not all held. */
  entries?: boolean;
};

/**
 * Validates one file's contents without touching the disk. `fileName` is used in problems and is checked as the
 * slug (its base name must be `kebab-case.md`).
 */
export function validateSource(fileName: string, bytes: Uint8Array | string, options: ValidateOptions = {}): SourceResult {
  try {
    return validateSourceUnsafe(fileName, bytes, options);
  } catch (e) {
    return {
      problems: [
        error(fileName, `internal error while validating this file: ${e instanceof Error ? e.message : String(e)}`, {
          suggestion: 'please report this with the file attached',
        }),
      ],
    };
  }
}

/** What the rules see for one file, plus the problems found while reading and parsing it. */
type BuiltContext = {
  ctx: EntryContext;
  /** Problems from reading (encoding, size, frontmatter block) and YAML parsing. */
  problems: Problem[];
  /** Fields a rule has explained (the schema's issues there are dropped). */
  claimed: Set<string>;
};

/** Reads and parses one file's contents into the context rules run on. Exported for rule tests and tools. */
export function buildContext(file: string, bytes: Uint8Array | string, options: ValidateOptions = {}): BuiltContext {
  const now = options.now ?? new Date();
  const fileName = basename(file.replace(/\\/g, '/'));
  const claimed = new Set<string>();
  const read = readEntry(file, bytes);
  const split = read.ok ? read.entry : undefined;
  const fm = split?.parsed;
  const problems = [...read.problems, ...(fm?.problems ?? [])];
  const data = fm?.data;

  let scan: MarkdownScan | undefined;
  let scanned = false;
  const ctx: EntryContext = {
    file,
    fileName,
    ...(split ? { split } : {}),
    ...(fm ? { frontmatter: fm } : {}),
    ...(data ? { data } : {}),
    markdown() {
      if (!scanned && split) {
        scanned = true;
        scan = scanBody(split.body);
      }
      return scan;
    },
    locate: (field) => fm?.locations.get(field),
    at(field) {
      const loc = fm?.locations.get(field);
      return loc ? { line: loc.line, col: loc.col, field } : { field };
    },
    claim: (field) => void claimed.add(field),
    now,
  };
  return { ctx, problems, claimed };
}

function validateSourceUnsafe(file: string, bytes: Uint8Array | string, options: ValidateOptions): SourceResult {
  const { ctx, problems, claimed } = buildContext(file, bytes, options);
  const { data, split, frontmatter: fm, fileName, now } = ctx;

  for (const rule of ENTRY_RULES) {
    // A file that could not be read or parsed only gets the file-name rule (and no body checks on a broken file).
    if (!data && rule.id !== 'file-name') continue;
    problems.push(...rule.check(ctx));
  }

  let entry: ValidatedEntry | undefined;
  if (data && split) {
    const parsed = entrySchema.safeParse(data);
    if (parsed.success) {
      const scan = ctx.markdown();
      if (!hasErrors(problems) && scan?.ok) {
        entry = {
          file,
          slug: slugOf(fileName),
          data: parsed.data,
          body: split.body,
          bodyStartLine: split.bodyStartLine,
          html: scan.html,
          headings: scan.headings,
        };
      }
    } else {
      const isClaimed = (field: string) => [...claimed].some((c) => covers(c, field));
      const fromSchema = zodIssuesToProblems(parsed.error.issues, {
        file,
        data,
        locate: (field) => fm?.locations.get(field),
        missingLine: split.closeLine,
        now,
      }).filter((p) => !p.field || !isClaimed(p.field) || /^unknown field/.test(p.message));
      problems.push(...fromSchema);
    }
  }

  return {
    problems: sortProblems(dedupe(problems)),
    ...(entry ? { entry } : {}),
    ...(data ? { data } : {}),
    ...(fm ? { locations: fm.locations } : {}),
  };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}|${p.line}|${p.col}|${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Several in-memory files as ONE set: each is validated, then duplicates and slug clashes are checked across them. */
export function validateSources(
  files: ReadonlyArray<{ fileName: string; contents: Uint8Array | string }>,
  options: ValidateOptions = {},
): ValidationResult {
  const results = files.map((f) => ({ fileName: f.fileName, result: validateSource(f.fileName, f.contents, options) }));
  return combine(results, true);
}

/** Each file's result, then the checks across files (duplicates, slug clashes) when `asSet`. */
export function combine(results: Array<{ fileName: string; result: SourceResult }>, asSet: boolean): ValidationResult {
  const problems = results.flatMap((r) => r.result.problems);
  if (asSet) {
    const items: SetItem[] = results.map(({ fileName, result }) => ({
      file: fileName,
      fileName: basename(fileName.replace(/\\/g, '/')),
      ...(result.data ? { data: result.data } : {}),
      locate: (field) => {
        const loc = result.locations?.get(field);
        return loc ? { line: loc.line, col: loc.col } : undefined;
      },
    }));
    for (const rule of SET_RULES) {
      try {
        problems.push(...rule.check(items));
      } catch (e) {
        problems.push(error(items[0]?.file ?? '.', `internal error in the ${rule.id} check: ${e instanceof Error ? e.message : String(e)}`));
      }
    }
  }
  const bad = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const entries = results
    .map((r) => r.result.entry)
    .filter((e): e is ValidatedEntry => e !== undefined && !bad.has(e.file));
  return { problems: sortProblems(dedupe(problems)), entries, files: results.length };
}

/** Reads a file (its size checked before reading) and validates it. Never throws. */
function readAndValidate(path: string, options: ValidateOptions, shown = displayPath(path)): SourceResult {
  try {
    const info = statSync(path);
    if (!info.isFile()) return { problems: [error(shown, 'not a regular file')] };
    if (info.size > LIMITS.fileBytes) {
      return {
        problems: [
          error(shown, `file is ${formatSize(info.size)}; the limit is ${formatSize(LIMITS.fileBytes)}`, {
            suggestion: 'link the PDF instead of copying its text',
          }),
        ],
      };
    }
    return validateSource(shown, new Uint8Array(readFileSync(path)), options);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      problems: [error(shown, code === 'ENOENT' ? 'file not found' : `cannot read the file: ${(e as Error).message}`)],
    };
  }
}

/** One file on disk, on its own (no set checks). */
export async function validateFile(path: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const result = readAndValidate(path, options);
  return combine([{ fileName: displayPath(path), result: options.entries === false ? withoutEntry(result) : result }], false);
}

/** Files on disk as ONE set (duplicates and slug clashes are checked across them). */
async function validateSet(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidationResult> {
  const results: Array<{ fileName: string; result: SourceResult }> = [];
  for (const path of paths) {
    const shown = displayPath(path);
    const result = readAndValidate(path, options, shown);
    results.push({ fileName: shown, result: options.entries === false ? withoutEntry(result) : result });
  }
  return combine(results, true);
}

function withoutEntry(result: SourceResult): SourceResult {
  if (!result.entry) return result;
  const { entry: _entry, ...rest } = result;
  return rest;
}

/** Thrown by `validatePaths` for a path that does not exist (the CLI turns it into a usage error). */
export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`no such file or directory: ${path}`);
    this.name = 'PathNotFoundError';
  }
}

/** Entry files in a folder, recursively: `*.md` (and `*.markdown`/`*.MD`, which the file-name rule reports). */
export async function listEntryFiles(dir: string): Promise<string[]> {
  const hidden = (path: string) => relative(dir, path).split(sep).some((part) => part.startsWith('.') || part === 'node_modules');
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile() && /\.(?:md|markdown)$/i.test(d.name))
    .map((d) => join(d.parentPath, d.name))
    .filter((path) => !hidden(path))
    .sort();
}

/** The CLI's semantics: each folder is validated as one set, each file on its own. */
export async function validatePaths(args: readonly string[], options: ValidateOptions = {}): Promise<ValidationResult> {
  const all: ValidationResult = { problems: [], entries: [], files: 0 };
  for (const arg of args) {
    let info;
    try {
      info = await lstat(arg);
    } catch {
      throw new PathNotFoundError(arg);
    }
    const result = info.isDirectory() ? await validateSet(await listEntryFiles(arg), options) : await validateFile(arg, options);
    all.problems.push(...result.problems);
    all.entries.push(...result.entries);
    all.files += result.files;
  }
  all.problems = sortProblems(all.problems);
  return all;
}

/** Paths in problems: relative to the working directory when inside it, with `/` separators. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
  return shown.split(sep).join('/');
}
