/**
 * `npm run new` in a terminal: one question per field, Tab completion over the controlled values, every answer
 * checked as it is typed, a did-you-mean correction offered ready to accept with Enter, duplicates refused as soon
 * as title and year are known, and a preview before anything is written.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { formatProblems } from '../validate/format';
import { hasErrors, type Problem } from '../validate/problem';
import type { Answers } from './compose';
import { prepare, target } from './compose';
import { duplicateProblems, sameTitle, type Existing } from './existing';
import { checkField, complete, QUESTIONS, type Question } from './fields';

export interface TerminalIo {
  input: Readable;
  output: Writable;
  /** Whether `output` is a terminal (completion and line editing). */
  terminal: boolean;
}

export type Outcome =
  | { kind: 'written'; path: string; file: string; slug: string }
  | { kind: 'dry-run'; file: string }
  | { kind: 'refused'; problems: Problem[] }
  | { kind: 'cancelled' };

class Cancelled extends Error {}

export async function interview(
  io: TerminalIo,
  options: { dir: string; existing: Existing; dryRun: boolean; now?: Date; write: (path: string, text: string) => Promise<void> },
): Promise<Outcome> {
  let current: Question | undefined;
  const rl = createInterface({
    input: io.input,
    output: io.output,
    terminal: io.terminal,
    completer: (line: string) => (current ? complete(current, line) : [[], line]),
    // Answers typed here are entry data, not commands: no shared history file.
    historySize: 0,
  });
  let closed = false;
  rl.on('close', () => (closed = true));
  rl.on('SIGINT', () => rl.close());
  const say = (text = '') => io.output.write(`${text}\n`);

  /** One line of input; `prefill` is put on the line ready to edit or accept with Enter. */
  const ask = (prompt: string, prefill?: string) =>
    new Promise<string>((resolve, reject) => {
      if (closed) return reject(new Cancelled());
      const onClose = () => reject(new Cancelled());
      rl.once('close', onClose);
      rl.question(prompt, (answer) => {
        rl.off('close', onClose);
        resolve(answer);
      });
      if (prefill) rl.write(prefill);
    });

  const showProblems = (problems: readonly Problem[]) => {
    for (const p of problems) {
      say(`  ${p.severity === 'error' ? '✗' : '!'} ${p.message}${p.suggestion ? ` (${p.suggestion})` : ''}`);
    }
  };

  try {
    say('New catalogue entry. Answer each question and press Enter.');
    say('Optional questions can be left empty. Tab completes names and codes. Ctrl+C stops without writing anything.');
    const answers: Answers = {};
    for (const q of QUESTIONS) {
      if (q.when && !q.when(answers)) continue;
      current = q;
      say();
      say(q.help);
      if (q.menu && q.choices) {
        q.choices.forEach((c, i) => say(`  ${String(i + 1).padStart(2)}  ${c.label ? `${c.value} (${c.label})` : c.value}`));
      }
      answers[q.field] = q.kind === 'lines' ? await askList(q) : await askOne(q);

      if (q.field === 'title' && typeof answers.title === 'string') {
        for (const other of sameTitle(options.existing, answers.title)) {
          say(`  ! ${other.file} has the same title${typeof other.year === 'number' ? ` (${other.year})` : ' (no year)'}: a second entry needs a different year.`);
        }
      }
      if (q.field === 'year') {
        const { file } = target(options.dir, options.existing, String(answers.title), answers.year as number | undefined);
        const duplicates = duplicateProblems(options.existing, file, String(answers.title), answers.year as number | undefined);
        showProblems(duplicates);
        if (hasErrors(duplicates)) {
          say('This publication is already in the catalogue, so nothing was written. To correct it, edit that file.');
          return { kind: 'refused', problems: duplicates };
        }
      }
    }
    current = undefined;

    const prepared = prepare(options.dir, options.existing, answers, options.now);
    say();
    say(`${prepared.file}:`);
    say(prepared.text.trimEnd());
    say();
    if (hasErrors(prepared.problems)) {
      io.output.write(formatProblems(prepared.problems, 'text'));
      say('The entry has the problems above, so nothing was written. Run `npm run new` again to start over.');
      return { kind: 'refused', problems: prepared.problems };
    }
    showProblems(prepared.problems);
    if (options.dryRun) {
      say(`Dry run: ${prepared.file} was not written.`);
      return { kind: 'dry-run', file: prepared.file };
    }
    const confirm = await ask(`Write ${prepared.file}? (Y/n) `);
    if (/^\s*n/i.test(confirm)) {
      say('Nothing was written.');
      return { kind: 'cancelled' };
    }
    await options.write(prepared.path, prepared.text);
    say(`✓ Wrote ${prepared.file}`);
    say(`Next: check it with "npm run validate", see it with "npm start" at /publications/${prepared.slug}/,`);
    say('then commit the file and open a pull request (CONTRIBUTING.md shows how).');
    return { kind: 'written', path: prepared.path, file: prepared.file, slug: prepared.slug };
  } catch (e) {
    if (e instanceof Cancelled) {
      say();
      say('Stopped: nothing was written.');
      return { kind: 'cancelled' };
    }
    throw e;
  } finally {
    rl.close();
  }

  /** A one-line answer, asked again until it passes; a did-you-mean correction is offered on the line. */
  async function askOne(q: Question) {
    let prefill: string | undefined;
    for (;;) {
      const answer = await ask(`${q.label}${q.defaultAnswer && q.kind !== 'yes-no' ? ` [${q.defaultAnswer}]` : ''}: `, prefill);
      if (answer.trim() === '' && q.required && q.defaultAnswer === undefined) {
        say(`  ✗ ${q.label.toLowerCase()} is required`);
        prefill = undefined;
        continue;
      }
      const checked = checkField(q.field, answer, q.field, options.now);
      if (checked.ok) return checked.value;
      showProblems(checked.problems);
      if (checked.corrected) say('  Press Enter to accept the correction, or edit it:');
      // A correction is offered on the line; so is a long answer (a summary), to fix rather than retype.
      prefill = checked.corrected ? checked.corrected.join(', ') : answer.trim().length > 20 ? answer.trim() : undefined;
    }
  }

  /** One item per line until an empty line; each item is checked as it is typed. */
  async function askList(q: Question) {
    for (;;) {
      const items: string[] = [];
      let prefill: string | undefined;
      for (;;) {
        const line = (await ask(`${q.label} ${items.length + 1}: `, prefill)).trim();
        prefill = undefined;
        if (line === '') break;
        const checked = checkField(q.field, [line], q.field, options.now);
        if (!checked.ok) {
          showProblems(checked.problems);
          if (checked.corrected) say('  Press Enter to accept the correction, or edit it:');
          prefill = checked.corrected?.[0] ?? (line.length > 20 ? line : undefined);
          continue;
        }
        items.push(line);
      }
      const checked = checkField(q.field, items, q.field, options.now);
      if (checked.ok) return checked.value;
      // Every item passed on its own but the list as a whole did not: start the list again.
      showProblems(checked.problems);
      say('  Please type the list again.');
    }
  }
}
