/**
 * `npm run new`: in a terminal with no entry flags it asks (see interactive.ts); with flags it works without a
 * terminal, for scripts. Exit codes: 0 written (or a dry run passed), 1 the entry was refused (invalid, a
 * duplicate, or stopped by the editor: nothing written), 2 the command itself was wrong (unknown flag, no folder,
 * no terminal and no flags).
 */
import { stat, writeFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatProblems } from '../validate/format';
import { error, hasErrors, type Problem } from '../validate/problem';
import { closest } from '../validate/suggest';
import { prepare, type Answers } from './compose';
import { CONTENT_DIR } from './editor-links';
import { loadExisting } from './existing';
import { checkField, QUESTIONS, type FieldName } from './fields';
import { interview } from './interactive';

export const USAGE = `usage:
  npm run new                      ask for each field in the terminal
  npm run new -- --title TEXT --category KEY --summary TEXT [options]   without questions, for scripts

entry options (the fields of CONTRIBUTING.md):
  --title TEXT            title as printed on the publication (required)
  --title-supplied        the title was written by the catalogue (shown in [brackets])
  --title-language CODE   ISO 639-1 code of a title not in English, e.g. ar (sets its direction)
  --author NAME           an author as credited; repeat for each author
  --year YYYY             year of publication
  --region NAME           a region from the list; repeat for each region
  --country CODES         ISO 3166-1 alpha-2 codes, e.g. --country NG,GH (or repeat the option)
  --category KEY          report, toolkit, manual, … (required)
  --language CODES        ISO 639-1 codes, e.g. --language en,fr (or repeat the option)
  --summary TEXT          2–4 sentences in your own words (required)
  --link URL              https:// address of the publication
  --source KEY            where the details come from (default: editor); repeat for several

other options:
  --dir FOLDER            where to write the file (default: ${CONTENT_DIR})
  --dry-run               check and show the file, write nothing
  -h, --help              this help

exit codes: 0 written (or dry run passed), 1 entry refused (nothing written), 2 usage error`;

/** Flag → field, and whether the flag may be repeated. Plural spellings are accepted too. */
const FLAGS: Record<string, { field: FieldName; multiple: boolean }> = {
  title: { field: 'title', multiple: false },
  'title-supplied': { field: 'title_supplied', multiple: false },
  'title-language': { field: 'title_language', multiple: false },
  author: { field: 'authors', multiple: true },
  authors: { field: 'authors', multiple: true },
  year: { field: 'year', multiple: false },
  region: { field: 'region', multiple: true },
  regions: { field: 'region', multiple: true },
  country: { field: 'country', multiple: true },
  countries: { field: 'country', multiple: true },
  category: { field: 'category', multiple: false },
  language: { field: 'languages', multiple: true },
  languages: { field: 'languages', multiple: true },
  summary: { field: 'summary', multiple: false },
  link: { field: 'link', multiple: false },
  source: { field: 'source', multiple: true },
  sources: { field: 'source', multiple: true },
};

const OPTIONS = {
  ...Object.fromEntries(
    Object.entries(FLAGS).map(([flag, f]) => [
      flag,
      flag === 'title-supplied' ? { type: 'boolean' as const } : { type: 'string' as const, multiple: f.multiple },
    ]),
  ),
  dir: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export interface RunIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stdin and stdout are a terminal. */
  interactive: boolean;
  now?: Date;
}

export async function runNew(argv: readonly string[], io: RunIo): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    return usageError(io, explainArgError(e));
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = typeof values.dir === 'string' ? values.dir : CONTENT_DIR;
  try {
    if (!(await stat(dir)).isDirectory()) return usageError(io, `--dir ${dir} is not a folder`);
  } catch {
    return usageError(io, `no folder ${dir}${values.dir === undefined ? ' (run this from the repository folder, or pass --dir)' : ''}`);
  }
  const existing = await loadExisting(dir);
  const dryRun = values['dry-run'] === true;
  const write = (path: string, text: string) => writeFile(path, text, { flag: 'wx' });
  const entryFlags = Object.keys(FLAGS).filter((flag) => values[flag] !== undefined);

  if (entryFlags.length === 0) {
    if (!io.interactive) {
      return usageError(io, 'no terminal to ask questions in: pass the fields as options (see below), or run it in a terminal');
    }
    const outcome = await interview(
      { input: io.stdin, output: io.stdout, terminal: true },
      { dir, existing, dryRun, write, ...(io.now ? { now: io.now } : {}) },
    );
    return outcome.kind === 'written' || outcome.kind === 'dry-run' ? 0 : 1;
  }

  // Without questions: every field is checked, every problem reported at once.
  const answers: Answers = {};
  const problems: Problem[] = [];
  const given = (field: FieldName): string[] | undefined => {
    const parts = Object.entries(FLAGS)
      .filter(([flag, f]) => f.field === field && values[flag] !== undefined)
      .flatMap(([flag]) => {
        const v = values[flag];
        return v === true ? ['y'] : Array.isArray(v) ? v : [String(v)];
      });
    return parts.length ? parts : undefined;
  };
  for (const q of QUESTIONS) {
    const answer = given(q.field);
    if (answer === undefined && q.required && q.defaultAnswer === undefined) {
      problems.push(error('npm run new', `missing --${flagFor(q.field)}`, { field: q.field, suggestion: q.help }));
      continue;
    }
    const checked = checkField(q.field, answer ?? [], 'npm run new', io.now);
    if (checked.ok) answers[q.field] = checked.value;
    else problems.push(...checked.problems);
  }
  if (hasErrors(problems)) return refuse(io, problems);

  const prepared = prepare(dir, existing, answers, io.now);
  if (hasErrors(prepared.problems)) return refuse(io, prepared.problems);
  io.stderr.write(formatProblems(prepared.problems, 'text'));
  if (dryRun) {
    io.stdout.write(prepared.text);
    io.stderr.write(`Dry run: ${prepared.file} was not written.\n`);
    return 0;
  }
  await write(prepared.path, prepared.text);
  // The path alone on stdout, so scripts can use it; the rest goes to stderr.
  io.stdout.write(`${prepared.file}\n`);
  io.stderr.write(`Wrote ${prepared.file}. Check it with "npm run validate", then commit it and open a pull request.\n`);
  return 0;
}

function flagFor(field: FieldName): string {
  return Object.entries(FLAGS).find(([, f]) => f.field === field)![0];
}

function refuse(io: RunIo, problems: readonly Problem[]): number {
  io.stderr.write(formatProblems(problems, 'text'));
  io.stderr.write('Nothing was written.\n');
  return 1;
}

function usageError(io: RunIo, message: string): number {
  io.stderr.write(`${message}\n\n${USAGE}\n`);
  return 2;
}

/** node:util's parse errors, in words, with a did-you-mean for a mistyped option. */
function explainArgError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const unknown = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const name = unknown.replace(/^-+/, '').split('=')[0]!.toLowerCase();
    const guess = closest(name, Object.keys(OPTIONS).map((o) => ({ key: o, value: o })))[0];
    return `unknown option ${unknown}${guess ? ` (did you mean --${guess}?)` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `${message.replace(/\. .*$/, '')}: put every value after its option, in quotes if it has spaces (e.g. --title "Global Report")`;
  }
  return message;
}
