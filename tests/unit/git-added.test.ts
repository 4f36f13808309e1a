/**
 * `added` from git (src/lib/git-added.ts) on real repositories made for the test: the first commit that added a file,
 * renames followed, and the documented fallback (the file's modification day) for a new file, a shallow clone and a
 * folder outside git.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addedDates, fileDate, withAdded } from '../../src/lib/git-added';

const work = mkdtempSync(join(tmpdir(), 'git-added-'));
const repo = join(work, 'repo');
const dir = join(repo, 'content/publications');

function git(cwd: string, date: string | undefined, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', '-c', 'protocol.file.allow=always', ...args], {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` } : {}) },
  });
}

const entry = (title: string) => `---\ntitle: ${title}\ncategory: report\nsummary: Two sentences. Here.\n---\n`;

/** A file's modification time set to a known day, so the fallback is checkable. */
function setMtime(path: string, day: string): void {
  const when = new Date(`${day}T12:00:00`);
  utimesSync(path, when, when);
}

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  git(repo, undefined, 'init', '-q');
  writeFileSync(join(dir, 'first.md'), entry('First'));
  writeFileSync(join(dir, 'old-name.md'), entry('Renamed'));
  git(repo, '2024-03-05', 'add', '-A');
  git(repo, '2024-03-05', 'commit', '-q', '-m', 'two entries');
  // An edit later does not change when the entry was added.
  writeFileSync(join(dir, 'first.md'), entry('First, edited'));
  writeFileSync(join(dir, 'second.md'), entry('Second'));
  git(repo, '2025-01-20', 'add', '-A');
  git(repo, '2025-01-20', 'commit', '-q', '-m', 'edit one, add one');
  renameSync(join(dir, 'old-name.md'), join(dir, 'new-name.md'));
  git(repo, '2025-06-30', 'add', '-A');
  git(repo, '2025-06-30', 'commit', '-q', '-m', 'rename');
  // Written, not committed yet: what an editor previews.
  writeFileSync(join(dir, 'uncommitted.md'), entry('Uncommitted'));
  setMtime(join(dir, 'uncommitted.md'), '2026-02-14');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('added from git', () => {
  it('is the day of the first commit that added the file, not of a later edit', () => {
    const lookup = addedDates();
    expect(lookup(join(dir, 'first.md'))).toEqual({ date: '2024-03-05', from: 'git' });
    expect(lookup(join(dir, 'second.md'))).toEqual({ date: '2025-01-20', from: 'git' });
  });

  it('follows a rename back to the first addition', () => {
    expect(addedDates()(join(dir, 'new-name.md'))).toEqual({ date: '2024-03-05', from: 'git' });
  });

  it('falls back to the file modification day for a file git has no history of', () => {
    expect(addedDates()(join(dir, 'uncommitted.md'))).toEqual({ date: '2026-02-14', from: 'file' });
  });

  it('falls back to the modification day in a shallow clone, where the one commit kept seems to add every file', () => {
    const shallow = join(work, 'shallow');
    git(work, undefined, 'clone', '-q', '--depth', '1', `file://${repo}`, shallow);
    const file = join(shallow, 'content/publications/first.md');
    setMtime(file, '2026-03-01');
    expect(addedDates()(file)).toEqual({ date: '2026-03-01', from: 'file' });
  });

  it('falls back to the modification day outside any git repository', () => {
    const outside = mkdtempSync(join(tmpdir(), 'git-added-outside-'));
    try {
      const file = join(outside, 'entry.md');
      writeFileSync(file, entry('Outside'));
      setMtime(file, '2025-12-31');
      expect(addedDates()(file)).toEqual({ date: '2025-12-31', from: 'file' });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('withAdded keeps a written date and fills a missing one', () => {
    const lookup = addedDates();
    expect(withAdded<{ title: string; added?: string }>({ title: 'x', added: '2020-01-02' }, join(dir, 'first.md'), lookup).added).toBe('2020-01-02');
    expect(withAdded<{ title: string; added?: string }>({ title: 'x' }, join(dir, 'first.md'), lookup).added).toBe('2024-03-05');
    expect(fileDate(join(work, 'no-such-file'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
