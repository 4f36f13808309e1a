/**
 * The newcomer's and the editor's path (issue 20), with the README's own commands typed through npm in a fresh copy
 * of the project: `npm start` with no dist/, again when it is up to date, after a failed build, after
 * `touch content/publications/*.md` (it starts to build; Ctrl+C), after `npm run build`; an entry written by hand
 * with only the fields an editor must type; `npm run dev` showing a page and the page after the file is saved. Any
 * stack trace fails the test. Two full builds in all (a build takes 30–60 s on two cores): npm start's own build
 * runs once, with no dist/; the decision to build again is checked here and in tests/unit/build-state.test.ts.
 *
 * The copy holds what a clone of the current work holds (git's tracked and new files, `git init`ed and committed) and
 * the project's installed node_modules as hard links: `npm ci` takes minutes and the network here, and gives the same
 * tree (the README's `npm ci` is checked by hand in a fresh clone, see the issue's closing note). The caches Astro and
 * Vite write into node_modules are not linked, so nothing the copy writes can reach the project.
 */
import { formatDate } from '../../src/lib/catalogue';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const STACK_TRACE = /^\s+at .+(?::\d+:\d+\)?|\(native\))$/m;

let work: string;
let project: string;

/** The environment a person's shell has: no npm variables or node_modules/.bin of the `npm test` that runs us. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_|^INIT_CWD$|^NODE_OPTIONS$|^VITEST|^CATALOGUE_/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes(`node_modules${'/'}.bin`))
    .join(delimiter);
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

type Done = { code: number | null; output: string };

/** `npm <args>` in the copy, to its end. */
function npm(args: string[], env: Record<string, string> = {}): Promise<Done> {
  return new Promise((done, fail) => {
    const child = spawn('npm', args, { cwd: project, env: userEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

type Running = { child: ChildProcess; url: string; output: () => string };

/** Starts a long-running `npm <args>` in its own process group; resolves once `ready` matches its output. */
function npmServer(args: string[], ready: RegExp, env: Record<string, string> = {}): Promise<Running> {
  return new Promise((done, fail) => {
    const child = spawn('npm', args, { cwd: project, env: userEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const check = () => {
      // eslint-disable-next-line no-control-regex -- terminal colour codes are what it removes
      const m = ready.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) done({ child, url: m[1]!.replace(/\/$/, ''), output: () => output });
    };
    child.stdout!.on('data', (d) => ((output += d), check()));
    child.stderr!.on('data', (d) => ((output += d), check()));
    child.on('error', fail);
    child.on('close', (code) => fail(new Error(`npm ${args.join(' ')} ended (exit ${code}) before it was ready:\n${output}`)));
  });
}

function stop(running: Running | undefined): void {
  if (!running?.child.pid) return;
  try {
    process.kill(-running.child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** `npm start` on a free port; returns what it printed up to "Serving …" and stops it after `look`. */
async function npmStart(look: (url: string) => Promise<void>): Promise<string> {
  const running = await npmServer(['start'], /Serving dist\/ at (http:\/\/127\.0\.0\.1:\d+\/)/, { PORT: '0' });
  try {
    await look(running.url);
    return running.output();
  } finally {
    stop(running);
  }
}

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Like `touch content/publications/*.md`: every entry file modified now. */
function touchEntries(): void {
  const dir = join(project, 'content/publications');
  const now = new Date();
  for (const name of readdirSync(dir)) if (name.endsWith('.md')) utimesSync(join(dir, name), now, now);
}

const entryPath = (slug: string) => join(project, 'content/publications', `${slug}.md`);

/** The README's example minus `source` and `added`: what an editor must type, nothing more. */
const MINIMAL_SLUG = 'newcomer-test-minimal-entry';
const MINIMAL = `---
title: Newcomer Test Minimal Entry on Labour Recruitment
year: 2024
region: [Worldwide]
category: report
summary: A short summary in our own words, written by hand to check that an editor's entry needs only these fields.
---
`;

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'catalogue-newcomer-'));
  project = join(work, 'catalogue');
  // What a clone of the current work holds: tracked and new (not ignored) files, as they are on disk now.
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
  for (const file of files) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    cpSync(join(ROOT, file), join(project, file));
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Newcomer', '-c', 'user.email=newcomer@example.org', ...args], {
      cwd: project,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-23T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-23T12:00:00Z' },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'clone');
  // `npm ci`'s result, as hard links; the caches the build and the dev server write are left out.
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(project, 'node_modules')]);
  for (const cache of ['.astro', '.vite', '.cache']) rmSync(join(project, 'node_modules', cache), { recursive: true, force: true });
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the newcomer runs the README in a fresh copy', { timeout: 600_000 }, () => {
  it('npm start builds when dist/ is missing, then serves the home page and a publication', async () => {
    expect(existsSync(join(project, 'dist'))).toBe(false);
    const output = await npmStart(async (url) => {
      const home = await get(`${url}/`);
      expect(home.status).toBe(200);
      expect(home.text).toContain('<h1');
      const slug = readdirSync(join(project, 'content/publications'))[0]!.replace(/\.md$/, '');
      expect((await get(`${url}/publications/${slug}/`)).status).toBe(200);
      expect((await get(`${url}/pagefind/pagefind.js`)).status).toBe(200);
    });
    expect(output).toMatch(/Building first: dist\/ has not been built yet/);
    expect(output).not.toMatch(STACK_TRACE);
  });

  it('a second npm start serves the up-to-date dist/ without building', async () => {
    const output = await npmStart(async (url) => expect((await get(`${url}/`)).status).toBe(200));
    expect(output).toContain('dist/ is up to date');
    expect(output).not.toMatch(/astro build|Building first/);
    expect(output).not.toMatch(STACK_TRACE);
  });

  it('npm start with a broken entry: the validator says where, exit 1, no stack trace', async () => {
    const broken = entryPath('newcomer-test-broken-entry');
    writeFileSync(broken, '---\ntitle: A Broken Entry\ncategory: reportt\nsummary: Two sentences. Here.\n---\n');
    try {
      const result = await npm(['start'], { PORT: '0' });
      expect(result.code).toBe(1);
      expect(result.output).toMatch(/content\/publications\/newcomer-test-broken-entry\.md:3:\d+ +error +category/);
      expect(result.output).toContain('npm start: the build failed');
      expect(result.output).not.toMatch(STACK_TRACE);
    } finally {
      unlinkSync(broken);
    }
  });

  it('after a content change npm start builds again; stopped with Ctrl+C there, npm run build and npm start take over', async () => {
    // A minimal hand-written entry, valid with no warning.
    writeFileSync(entryPath(MINIMAL_SLUG), MINIMAL);
    const validate = await npm(['run', 'validate']);
    expect(validate.code).toBe(0);
    expect(validate.output).not.toMatch(/ (?:error|warning) /);
    expect(validate.output).toMatch(/files checked, no problems/);
    // `touch content/publications/*.md`, then npm start: it decides to build (the build itself is step one's), and
    // the person presses Ctrl+C while it does.
    touchEntries();
    const started = await npmServer(['start'], /(Building first: content changed since dist\/ was built)/, { PORT: '0' });
    process.kill(-started.child.pid!, 'SIGINT');
    await new Promise((done) => started.child.once('close', done));
    expect(started.output()).not.toMatch(STACK_TRACE);
    // `npm run build`, then `npm start` serves what it built, without building again.
    const build = await npm(['run', 'build']);
    expect(build.code, build.output).toBe(0);
    expect(build.output).not.toMatch(STACK_TRACE);
    const output = await npmStart(async (url) => {
      const page = await get(`${url}/publications/${MINIMAL_SLUG}/`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Newcomer Test Minimal Entry on Labour Recruitment');
      // `added` from git's history, which has none for a new file: the day it was written. `source`: an editor.
      expect(page.text).toContain(`<dd>${formatDate(today())}</dd>`);
      expect(page.text).toContain('Catalogued by an editor from the publication itself');
      // Acknowledgements are for editors: they never reach a page.
      const toolkit = await get(`${url}/publications/toolkit-to-combat-trafficking-in-persons-2006/`);
      expect(toolkit.status).toBe(200);
      expect(toolkit.text).not.toContain('validate-ignore');
    });
    expect(output).toContain('dist/ is up to date');
    expect(output).not.toMatch(/Building first/);
    expect(output).not.toMatch(STACK_TRACE);
  });

  it('npm run dev serves a page on 127.0.0.1 and shows the saved change', async () => {
    const port = await freePort();
    const dev = await npmServer(['run', 'dev', '--', '--port', String(port)], /(http:\/\/127\.0\.0\.1:\d+\/)/);
    try {
      expect(dev.url).toBe(`http://127.0.0.1:${port}`);
      const before = await get(`${dev.url}/publications/${MINIMAL_SLUG}/`);
      expect(before.status).toBe(200);
      expect(before.text).toContain('Newcomer Test Minimal Entry on Labour Recruitment');
      writeFileSync(entryPath(MINIMAL_SLUG), MINIMAL.replace('on Labour Recruitment', 'on Fair Recruitment'));
      let after = '';
      for (let i = 0; i < 40 && !after.includes('on Fair Recruitment'); i++) {
        await new Promise((r) => setTimeout(r, 500));
        after = (await get(`${dev.url}/publications/${MINIMAL_SLUG}/`)).text;
      }
      expect(after).toContain('Newcomer Test Minimal Entry on Fair Recruitment');
      expect(dev.output()).not.toMatch(STACK_TRACE);
    } finally {
      stop(dev);
    }
  });
});
