/**
 * The CLI as people and CI run it. Spawning tsx costs ~0.5–1 s, so fixtures share calls where one call checks the
 * same thing (each file given on the command line is validated on its own).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, VALID, committedCases, writeGeneratedCases } from './fixtures';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = join(ROOT, 'scripts/validate.ts');

type Run = { code: number | null; stdout: string; stderr: string };

function run(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [SCRIPT, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');
const tmp = mkdtempSync(join(tmpdir(), 'validate-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Generous test timeouts: on a shared two-core machine a spawn can wait for CPU; the 10 s budget is per process.
describe('npm run validate', { timeout: 60_000 }, () => {
  it('names file:line and field for every reject fixture, exit 1 (one call with all of them)', async () => {
    const cases = [...committedCases('reject'), ...writeGeneratedCases(join(tmp, 'generated'))];
    const result = await run(cases.map((c) => rel(c.path)));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const lines = result.stdout.split('\n');
    for (const c of cases) {
      const where = c.expected.line === null ? `${rel(c.path)}  ` : `${rel(c.path)}:${c.expected.line}`;
      const hit = lines.find(
        (l) =>
          l.startsWith(where) &&
          l.includes('  error  ') &&
          (c.expected.field === null || l.includes(`  ${c.expected.field}  `)) &&
          l.includes(c.expected.messageIncludes),
      );
      expect(hit, `${c.name}: expected a line starting with ${where}\n${result.stdout}`).toBeDefined();
    }
  });

  it('exits 1 for one reject file and 0 for one accept file, each within 10 s', async () => {
    const bad = await run([rel(join(FIXTURES, 'reject/region-typo.md'))]);
    const good = await run([rel(join(FIXTURES, 'accept/rtl-arabic-title.md'))]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatchInlineSnapshot(`
      "tests/fixtures/entries/reject/region-typo.md:7:5  error  region[0]  "Carribean" is not a region  (did you mean "Central and North America and the Caribbean"?)
      "
    `);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('');
    expect(good.stderr).toContain('1 file checked, no problems');
  });

  it('exits 0 for the accept folder and for warnings only', async () => {
    const [accept, warn] = await Promise.all([
      run([rel(join(FIXTURES, 'accept'))]),
      run([rel(join(FIXTURES, 'warn'))]),
    ]);
    expect(accept.code).toBe(0);
    expect(accept.stdout).toBe('');
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain('  warning  authors[0]  ');
  });

  it('validates content/ when given no path', async () => {
    const cwd = join(tmp, 'site');
    mkdirSync(join(cwd, 'content/publications'), { recursive: true });
    writeFileSync(join(cwd, 'content/publications/handbook.md'), VALID);
    const result = await run([], cwd);
    expect(result.stderr).toContain('1 file checked, no problems');
    expect(result.code).toBe(0);
  });

  it('exits 2 with a one-line usage message for usage errors', async () => {
    const [flag, missing, format] = await Promise.all([
      run(['--strict']),
      run(['no/such/folder']),
      run(['--format', 'xml', 'content']),
    ]);
    for (const r of [flag, missing, format]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(2);
      expect(r.stderr).toContain('usage: npm run validate -- [--format text|json|github] [--all] [PATH ...]');
    }
    expect(flag.stderr).toMatch(/^unknown option --strict\n/);
    expect(missing.stderr).toMatch(/^no such file or directory: no\/such\/folder\n/);
  });

  it('--format json prints an array of problems', async () => {
    const result = await run(['--format', 'json', rel(join(FIXTURES, 'reject/country-name-typo.md'))]);
    expect(result.code).toBe(1);
    const problems = JSON.parse(result.stdout) as unknown[];
    expect(problems).toEqual([
      {
        file: 'tests/fixtures/entries/reject/country-name-typo.md',
        line: 8,
        col: 11,
        field: 'country[0]',
        severity: 'error',
        message: '"Nigerai" is not a country code',
        suggestion: 'did you mean NG (Nigeria)?',
      },
    ]);
  });

  it('--format github prints workflow commands', async () => {
    const result = await run([
      '--format=github',
      rel(join(FIXTURES, 'reject/link-http.md')),
      rel(join(FIXTURES, 'warn/authors-comma-joined-item.md')),
    ]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=tests\/fixtures\/entries\/reject\/link-http\.md,line=12,col=7,title=link::link uses http:\/\//);
    expect(lines[1]).toMatch(/^::warning file=tests\/fixtures\/entries\/warn\/authors-comma-joined-item\.md,line=4,col=5,title=authors\[0\]::/);
  });
});
