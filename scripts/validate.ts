/**
 * npm run validate -- [--format text|json|github] [--all] [PATH ...]
 *
 * Validates entry files. No PATH: `content/`. A folder is validated as one set (duplicates, slug clashes); a file
 * on its own. Warnings an entry acknowledges (`# validate-ignore field: reason`, src/lib/validate/acknowledge.ts)
 * are left out unless --all. Exit 0 when there is no error (warnings allowed), 1 when there is any error, 2 on a
 * usage error.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { documentProblems, keyLine, type DocumentEntry } from '../src/lib/documents/check';
import { documentsDirFor } from '../src/lib/documents/records';
import { acknowledge, acknowledgedNote } from '../src/lib/validate/acknowledge';
import { FORMATS, formatProblems, isFormat, summary, type Format } from '../src/lib/validate/format';
import { sortProblems } from '../src/lib/validate/problem';

const USAGE = `usage: npm run validate -- [--format ${FORMATS.join('|')}] [--all] [PATH ...]`;

/** The options, or a one-line usage error. */
function readArgs(args: string[]): { format: Format; paths: string[]; all: boolean; help: boolean } | string {
  try {
    const options = {
      format: { type: 'string', default: 'text' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    } as const;
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
    if (!isFormat(values.format)) return `unknown format ${JSON.stringify(values.format)}`;
    return { format: values.format, paths: positionals, all: values.all, help: values.help };
  } catch (e) {
    const option = /'(--?[^' ]+)/.exec((e as Error).message)?.[1];
    return (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option ${option}` : `${option} needs a value`;
  }
}

/** Whether the entries under `path` may name documents (a documents/ folder beside or inside it). */
function hasDocuments(path: string): boolean {
  return existsSync(join(path, 'documents')) || existsSync(documentsDirFor(path)) || existsSync(documentsDirFor(dirname(path)));
}

/** The named documents are read as the search index reads them (src/lib/documents/check.ts). */
async function checkDocuments(entries: ReadonlyArray<{ file: string; data: DocumentEntry['data'] }>) {
  const named = entries.filter((entry) => entry.data.document || entry.data.document_redistributable !== undefined);
  const located = await Promise.all(
    named.map(async (entry) => ({ ...entry, line: keyLine(await readFile(entry.file, 'utf8'), 'document') })),
  );
  return documentProblems(located, { cacheDir: process.env.CATALOGUE_CACHE_DIR ?? 'node_modules/.astro' });
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const paths = args.paths.length ? args.paths : ['content'];
  const missing = paths.find((p) => !existsSync(p));
  if (missing !== undefined) {
    process.stderr.write(`no such file or directory: ${missing}\n${USAGE}\n`);
    return 2;
  }
  // The validator (schema, YAML, Markdown) is loaded only once the arguments are known to be usable.
  const { validatePaths } = await import('../src/lib/validate/index');
  // Only problems are printed: the valid entries are kept only where documents must be checked too.
  const documents = paths.some(hasDocuments);
  const result = await validatePaths(paths, { entries: documents });
  if (documents) result.problems = sortProblems([...result.problems, ...(await checkDocuments(result.entries))]);
  const { shown, acknowledged } = acknowledge(result.problems);
  const printed = args.all ? sortProblems([...shown, ...acknowledged]) : shown;
  process.stdout.write(formatProblems(printed, args.format));
  if (args.format === 'text') {
    process.stderr.write(`${summary(shown, result.files)}${acknowledgedNote(acknowledged.length, args.all)}\n`);
  }
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`validate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
