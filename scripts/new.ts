/**
 * npm run new [-- options]
 *
 * Adds a publication: asks for each field in a terminal, or takes them as options (see --help). The work is done
 * by src/lib/new-entry/; this file only connects it to the process.
 */
import { runNew } from '../src/lib/new-entry/run';

runNew(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`new: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
