/**
 * npm run report [-- --dir FOLDER] [--format text|json] [--all]
 *
 * The catalogue's health: publications per facet value, entries missing a year, authors, languages or a link,
 * supplied titles, possible duplicates and editions. The same report as the /about/data/ page
 * (src/lib/report.ts). Entries with errors are left out and counted; `npm run validate` explains them.
 * Exit 0 with a report, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { CONTENT_DIR } from '../src/lib/new-entry/editor-links';
import { buildReport, formatReport } from '../src/lib/report';
import { PathNotFoundError, validatePaths } from '../src/lib/validate/index';
import { addedDates, withAdded } from '../src/lib/git-added';

const USAGE = 'usage: npm run report -- [--dir FOLDER] [--format text|json] [--all]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { dir: { type: 'string' }, format: { type: 'string' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    process.stderr.write(`unknown format "${format}"\n${USAGE}\n`);
    return 2;
  }
  const dir = values.dir ?? CONTENT_DIR;
  let result;
  try {
    result = await validatePaths([dir]);
  } catch (e) {
    if (e instanceof PathNotFoundError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const added = addedDates();
  const report = buildReport(result.entries.map((e) => ({ slug: e.slug, data: withAdded(e.data, e.file, added) })));
  const left = result.files - result.entries.length;
  process.stdout.write(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, { all: values.all === true, source: dir }));
  if (left > 0) process.stderr.write(`${left} file${left === 1 ? ' has' : 's have'} errors and ${left === 1 ? 'is' : 'are'} left out: run "npm run validate" to see why.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`report: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
