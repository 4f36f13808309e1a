/**
 * Acknowledged warnings (src/lib/validate/acknowledge.ts): the comment's syntax, what it covers (warnings about its
 * field in its file, never errors), and the CLI as an editor and CI run it: acknowledged warnings are not printed,
 * `--all` shows them marked, `--format github` annotates only what is new.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acknowledge, covers, readAcknowledgements } from '../../../src/lib/validate/acknowledge';
import { error, warning } from '../../../src/lib/validate/problem';
import { ROOT } from './fixtures';

describe('readAcknowledgements', () => {
  it('reads `# validate-ignore field: reason` lines in the frontmatter only', () => {
    const text = [
      '---',
      '# validate-ignore title: the two editions share a title',
      'title: A Toolkit',
      '  #   validate-ignore   authors[1]  :  a committee, as credited   ',
      'category: report',
      '# validate-ignore year',
      '---',
      '# validate-ignore summary: a Markdown heading in the body, not an acknowledgement',
    ].join('\n');
    expect(readAcknowledgements(text)).toEqual([
      { field: 'title', reason: 'the two editions share a title', line: 2 },
      { field: 'authors[1]', reason: 'a committee, as credited', line: 4 },
      { field: 'year', reason: '', line: 6 },
    ]);
    expect(readAcknowledgements('no frontmatter\n# validate-ignore title: x\n')).toEqual([]);
    expect(readAcknowledgements('\uFEFF---\r\n# validate-ignore title: with a BOM and CRLF\r\n---\r\n')).toEqual([
      { field: 'title', reason: 'with a BOM and CRLF', line: 2 },
    ]);
  });

  it('an acknowledged field covers its items and parts, not a field that merely starts the same', () => {
    expect(covers('authors', 'authors[2]')).toBe(true);
    expect(covers('title', 'title')).toBe(true);
    expect(covers('title', 'title_language')).toBe(false);
    expect(covers('', 'title')).toBe(false);
    expect(covers('title', undefined)).toBe(false);
  });
});

describe('acknowledge', () => {
  const files: Record<string, string> = {
    'a.md': '---\n# validate-ignore title: checked by hand\ntitle: T\n---\n',
    'b.md': '---\n# validate-ignore title\ntitle: T\n---\n',
  };
  const read = (file: string) => {
    const text = files[file];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };

  it('hides the acknowledged warning, keeps errors and other fields, and says why when asked', () => {
    const problems = [
      warning('a.md', 'possibly the same publication', { line: 3, col: 8, field: 'title' }),
      error('a.md', 'must not be empty', { line: 3, col: 8, field: 'title' }),
      warning('a.md', 'looks like several people', { line: 5, col: 5, field: 'authors[0]' }),
    ];
    const { shown, acknowledged } = acknowledge(problems, read);
    expect(shown.map((p) => `${p.severity} ${p.field}`)).toEqual(['error title', 'warning authors[0]']);
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]!.acknowledged).toBe('checked by hand');
    expect(acknowledged[0]!.message).toBe('possibly the same publication [acknowledged on line 2: checked by hand]');
  });

  it('an acknowledgement without a reason acknowledges nothing and is itself reported', () => {
    const { shown, acknowledged } = acknowledge([warning('b.md', 'possibly the same publication', { line: 3, field: 'title' })], read);
    expect(acknowledged).toEqual([]);
    expect(shown.map((p) => [p.line, p.message])).toEqual([
      [2, 'this acknowledgement is ignored: it must name the field and say why'],
      [3, 'possibly the same publication'],
    ]);
  });

  it('keeps every warning of a file it cannot read again', () => {
    const { shown } = acknowledge([warning('gone.md', 'w', { field: 'title' })], read);
    expect(shown).toHaveLength(1);
  });
});

describe('npm run validate with acknowledgements', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acknowledge-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const set = join(dir, 'publications');
  mkdirSync(set);
  // Two editions sharing a title, only one dated: the duplicates rule warns on both; only the first acknowledges it.
  const edition = (extra: string) =>
    `---\n${extra}title: A Shared Title\ncategory: toolkit\nsummary: Two sentences. Here.\nsource: [editor]\nadded: 2026-01-01\n---\n`;
  writeFileSync(join(set, 'shared-title-2006.md'), edition('# validate-ignore title: the first edition; the other is the updated one\nyear: 2006\n'));
  writeFileSync(join(set, 'shared-title-updated.md'), edition(''));
  const run = (...args: string[]) => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/validate.ts'), ...args, set], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints only the new warning, and counts the acknowledged one', () => {
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^publications\/shared-title-updated\.md:2:8 {2}warning {2}title {2}possibly the same/)]);
    expect(r.stderr).toContain('0 errors, 1 warning in 1 file (2 checked); 1 acknowledged warning not shown (--all shows them)');
  });

  it('--all shows the acknowledged warning, marked with its reason', () => {
    const r = run('--all');
    expect(r.stdout).toMatch(/shared-title-2006\.md:4:8 {2}warning {2}title {2}possibly the same .*\[acknowledged on line 2: the first edition; the other is the updated one\]/);
    expect(r.stdout).toMatch(/shared-title-updated\.md:2:8 {2}warning/);
  });

  it('--format github annotates only the new warning', () => {
    const r = run('--format', 'github');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=publications\/shared-title-updated\.md,line=2,col=8,title=title::possibly the same/);
  });
});
