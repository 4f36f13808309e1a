/**
 * `npm run new` end to end: through a pseudo-terminal (util-linux `script`), as an editor types, and through
 * flags, as a script calls it. Every file is written into a temporary folder with --dir, never into content/, and
 * every written file is checked by the validator.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { today } from '../../src/lib/new-entry/compose';
import { runNew } from '../../src/lib/new-entry/run';
import { validateFile, validatePaths } from '../../src/lib/validate/index';

const TSX = resolve('node_modules/.bin/tsx');
const NEW = resolve('scripts/new.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'new-entry-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run new` with flags as its own process, without a terminal. */
function spawnFlags(args: string[]) {
  const run = spawnSync(TSX, [NEW, '--dir', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, in this process (what scripts/new.ts calls), for the many cases that need no process of their own. */
async function runFlags(args: string[]) {
  const collect = () => {
    let text = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        text += chunk;
        done();
      },
    });
    return { stream, text: () => text };
  };
  const stdout = collect();
  const stderr = collect();
  const code = await runNew(['--dir', dir, ...args], {
    stdin: new PassThrough(),
    stdout: stdout.stream,
    stderr: stderr.stream,
    interactive: false,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const files = () => readdirSync(dir).sort();

/** A terminal session: what the program printed (escape codes removed), and a way to type into it. */
class Terminal {
  private raw = '';
  private cursor = 0;
  readonly exited: Promise<number | null>;
  private readonly child;

  constructor(args: string[]) {
    const command = [TSX, NEW, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // `script` gives the program a real pseudo-terminal: raw mode, line editing and Tab completion as an editor has.
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, TERM: 'xterm', COLUMNS: '200', LINES: '50' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk) => (this.raw += chunk));
    this.child.stderr.on('data', (chunk) => (this.raw += chunk));
    this.exited = new Promise((done) => this.child.on('close', (code) => done(code)));
  }

  get text(): string {
    return this.raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  /** Waits until `expected` appears after everything already waited for. */
  async waitFor(expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      const rest = this.text.slice(this.cursor);
      const match = typeof expected === 'string' ? { index: rest.indexOf(expected), length: expected.length } : (() => {
        const m = expected.exec(rest);
        return { index: m ? m.index : -1, length: m ? m[0].length : 0 };
      })();
      if (match.index >= 0) {
        this.cursor += match.index + match.length;
        return;
      }
      if (Date.now() - started > timeoutMs) throw new Error(`waited for ${String(expected)}; the terminal shows:\n${this.text}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Types a line and presses Enter. */
  line(text: string): void {
    this.child.stdin.write(`${text}\r`);
  }

  /** Sends keys on their own (readline treats a multi-character chunk as a paste and does not complete in it). */
  async keys(text: string): Promise<void> {
    this.child.stdin.write(text);
    await new Promise((r) => setTimeout(r, 150));
  }

  /** Answers the question `prompt` with `answer`. */
  async answer(prompt: string, answer: string): Promise<void> {
    await this.waitFor(prompt);
    this.line(answer);
  }
}

// Each run starts tsx (a few seconds on a busy machine): generous time limits, no timings asserted. The terminal is
// util-linux `script` (Debian, Ubuntu, CI); other systems' `script` takes other options.
describe.skipIf(process.platform !== 'linux')('npm run new in a terminal', { timeout: 90_000 }, () => {
  it('asks each field, completes a region with Tab, corrects a wrong country with the did-you-mean, and writes a valid file', async () => {
    const t = new Terminal(['--dir', dir]);
    await t.answer('Title: ', 'Child Trafficking in West Africa: Policy Responses');
    await t.answer('(y/N): ', '');
    await t.answer('Author 1: ', 'UNICEF Innocenti Research Centre');
    await t.answer('Author 2: ', 'International Labour Organization');
    await t.answer('Author 3: ', '');
    await t.answer('Year: ', '2002');
    await t.waitFor('Region 1: ');
    await t.keys('West and');
    await t.keys('\t');
    await t.waitFor('Central Africa');
    t.line('');
    await t.answer('Region 2: ', '');
    // "Ghanna" is not a code: the validator suggests GH and offers the corrected line; Enter accepts it.
    await t.answer('Countries: ', 'NG, BJ, Ghanna');
    await t.waitFor('"Ghanna" is not a country code (did you mean GH (Ghana)?)');
    await t.waitFor('Countries: NG, BJ, GH');
    t.line('');
    await t.answer('Category: ', 'report');
    await t.answer('Languages: ', 'en, French');
    await t.answer('Summary: ', 'A review of laws and programmes against child trafficking in West and Central Africa. It covers Nigeria, Benin and Ghana and recommends regional cooperation.');
    await t.answer('Link: ', 'https://www.unicef-irc.org/publications/pdf/insight9e.pdf');
    await t.answer('Source [editor]: ', '');
    await t.answer('(Y/n) ', '');
    await t.waitFor('✓ Wrote');
    await expect(t.exited).resolves.toBe(0);

    const slug = 'child-trafficking-in-west-africa-policy-responses';
    expect(files()).toEqual([`${slug}.md`]);
    const result = await validateFile(join(dir, `${slug}.md`));
    expect(result.problems).toEqual([]);
    expect(result.entries[0]!.data).toMatchObject({
      title: 'Child Trafficking in West Africa: Policy Responses',
      authors: ['UNICEF Innocenti Research Centre', 'International Labour Organization'],
      year: 2002,
      region: ['West and Central Africa'],
      country: ['NG', 'BJ', 'GH'],
      category: 'report',
      languages: ['en', 'fr'],
      source: ['editor'],
      added: today(),
    });
    expect(result.entries[0]!.data).not.toHaveProperty('title_supplied');
  });

  it('refuses a duplicate of an existing entry as soon as title and year are known, naming the existing file', async () => {
    expect((await runFlags(['--title', 'Global Report on Trafficking in Persons', '--year', '2020', '--category', 'report', '--summary', 'The first. The second.'])).code).toBe(0);
    const before = files();

    const t = new Terminal(['--dir', dir]);
    // Different case and spacing: the validator's normalisation still sees the same title.
    await t.answer('Title: ', 'GLOBAL REPORT  on trafficking in persons');
    await t.waitFor('has the same title (2020)');
    await t.answer('(y/N): ', 'n');
    await t.answer('Author 1: ', '');
    await t.answer('Year: ', '2020');
    await t.waitFor(/the same publication is also in \S*global-report-on-trafficking-in-persons\.md/);
    await t.waitFor('nothing was written');
    await expect(t.exited).resolves.toBe(1);
    expect(files()).toEqual(before);
  });

  it('asks again until an answer passes, and Ctrl+C stops without writing', async () => {
    const t = new Terminal(['--dir', dir]);
    await t.answer('Title: ', '');
    await t.waitFor('title is required');
    await t.answer('Title: ', 'A title');
    await t.answer('(y/N): ', 'maybe');
    await t.waitFor('answer y or n');
    await t.answer('(y/N): ', 'y');
    await t.answer('Author 1: ', '');
    await t.answer('Year: ', '3020');
    await t.waitFor('year 3020 is in the future');
    await t.waitFor('Year: ');
    await t.keys('\x03');
    await t.waitFor('Stopped: nothing was written.');
    await expect(t.exited).resolves.toBe(1);
    expect(files()).toEqual([]);
  });
});

describe('npm run new with flags (no terminal)', { timeout: 90_000 }, () => {
  const valid = [
    '--title', 'Handbook on Anti-Trafficking Responses: "Protect" & Prosecute',
    '--author', 'Organization for Security and Co-operation in Europe',
    '--year', '2014',
    '--region', 'South-Eastern Europe, Eastern Europe and Central Asia',
    '--country', 'XK,AL',
    '--country', 'MK',
    '--category', 'handbook',
    '--language', 'en',
    '--summary', 'A handbook for police and prosecutors in the Western Balkans. It explains referral and victim protection.',
    '--link', 'https://www.osce.org/handbook',
  ];

  it('writes a valid file, prints its path on stdout and exits 0 (as its own process)', async () => {
    const run = spawnFlags(valid);
    expect(run.stderr).toContain('Wrote');
    expect(run.code).toBe(0);
    const slug = 'handbook-on-anti-trafficking-responses-protect-prosecute';
    expect(run.stdout.trim()).toBe(join(dir, `${slug}.md`));
    const result = await validatePaths([dir]);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]!.data).toMatchObject({
      title: 'Handbook on Anti-Trafficking Responses: "Protect" & Prosecute',
      region: ['South-Eastern Europe, Eastern Europe and Central Asia'],
      country: ['XK', 'AL', 'MK'],
      source: ['editor'],
      added: today(),
    });
  });

  it('gives an edition of an existing title a slug with its year, and a duplicate exit 1 naming the file', async () => {
    expect((await runFlags(valid)).code).toBe(0);
    const edition = await runFlags(valid.map((v) => (v === '2014' ? '2016' : v)));
    expect(edition.code).toBe(0);
    // The slug stays within 60 characters: the title's slug is cut at a hyphen to make room for the year.
    expect(edition.stdout).toContain('/handbook-on-anti-trafficking-responses-protect-2016.md');
    const duplicate = await runFlags(valid);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(
      /^\S+handbook-on-anti-trafficking-responses-protect-2014\.md {2}error {2}title {2}the same publication is also in \S+handbook-on-anti-trafficking-responses-protect-prosecute\.md \(same title and year 2014\)/m,
    );
    expect(duplicate.stderr).toContain('Nothing was written.');
    expect(files()).toHaveLength(2);
  });

  it('reports every wrong field at once in the validator format, with did-you-mean, exit 1, writes nothing', async () => {
    const run = await runFlags([
      '--title', 'Trafficking in Kosovo',
      '--country', 'Kosova',
      '--category', 'reprot',
      '--language', 'Englsh',
      '--region', 'West Africa',
      '--link', 'http://example.org/report',
      '--summary', 'One. Two.',
    ]);
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain('npm run new  error  country[0]  "Kosova" is not a country code  (did you mean XK (Kosovo)?)');
    expect(lines).toContain('npm run new  error  category  "reprot" is not a category  (did you mean "report"?)');
    expect(run.stderr).toMatch(/language code .*did you mean en \(English\)/);
    expect(run.stderr).toMatch(/"West Africa" is not a region .*West and Central Africa/);
    expect(run.stderr).toMatch(/link .*https:\/\//);
    expect(lines.at(-1)).toBe('Nothing was written.');
    expect(files()).toEqual([]);
  });

  it('names missing required fields as the options to add', async () => {
    const run = await runFlags(['--title', 'Only a title']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm run new  error  category  missing --category');
    expect(run.stderr).toContain('npm run new  error  summary  missing --summary');
  });

  it('--dry-run prints the file and writes nothing', async () => {
    const run = await runFlags([...valid, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^---\ntitle: 'Handbook on Anti-Trafficking Responses: "Protect" & Prosecute'\n/);
    expect(run.stdout).toContain('country: [XK, AL, MK]');
    expect(files()).toEqual([]);
  });

  it('exits 2 for an unknown option (with a did-you-mean), a missing folder, or no terminal and no options', async () => {
    const unknown = spawnFlags(['--titel', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --titel (did you mean --title?)');
    const noDir = await runFlags(['--dir', join(dir, 'missing'), '--title', 'x']);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toContain('no folder');
    const noTerminal = await runFlags([]);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain('no terminal to ask questions in');
    const help = await runFlags(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('exit codes: 0 written');
    expect(files()).toEqual([]);
  });

  it('takes --title-language for a title in another script, and shows the validator warning without it', async () => {
    const arabic = ['--title', 'دليل الصحفيين حول الاتجار بالبشر', '--category', 'toolkit', '--summary', 'A toolkit for journalists. It covers the Arab region.'];
    const without = await runFlags([...arabic, '--dry-run']);
    expect(without.code).toBe(0);
    expect(without.stderr).toMatch(/warning {2}title {2}title is in Arabic script but title_language is not set/);
    const withLanguage = await runFlags([...arabic, '--title-language', 'ar']);
    expect(withLanguage.code).toBe(0);
    expect(withLanguage.stderr).not.toContain('warning');
    const result = await validatePaths([dir]);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]!.data.title_language).toBe('ar');
    expect(result.entries[0]!.slug).toMatch(/^n-[0-9a-f]{8}$/);
  });

  it('never writes over an existing file', async () => {
    expect((await runFlags(valid)).code).toBe(0);
    const path = join(dir, files()[0]!);
    const before = readFileSync(path, 'utf8');
    expect((await runFlags(valid.map((v) => (v === '2014' ? '2015' : v)))).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});
