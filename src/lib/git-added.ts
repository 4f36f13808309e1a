/**
 * The date an entry was added to the catalogue, when its file leaves `added` out: the day of the commit that first
 * added the file (renames followed), as `git log --diff-filter=A --follow --format=%as -- <file> | tail -1` says.
 *
 * Fallback, when git has no history of the file (a new file not yet committed, a shallow clone that cut the commit
 * off, no git at all): the day the file was last modified. For a file being written that is today; in a shallow
 * clone it is the checkout's day, so a deploy should fetch the whole history (`fetch-depth: 0`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

export type AddedDate = { date: string; from: 'git' | 'file' };

/**
 * Looks dates up for entry files. The first question about a folder runs ONE `git log` over it (a thousand entries
 * cost one process, not a thousand); only a file that log does not explain (renamed) costs one more.
 */
export function addedDates(): (file: string) => AddedDate {
  const histories = new Map<string, History>();
  return (file) => {
    const path = resolve(file);
    const folder = dirname(path);
    let history = histories.get(folder);
    if (!history) histories.set(folder, (history = readHistory(folder)));
    const date = history.firstAdded.get(path) ?? (history.followRenames ? followedDate(path) : undefined);
    return date ? { date, from: 'git' } : { date: fileDate(path), from: 'file' };
  };
}

/**
 * An entry's data with `added` known: as written, else from git. The site's one hook (src/lib/load-catalogue.ts)
 * calls it for every entry; `file` is the entry's path (relative to the working directory, or absolute).
 */
export function withAdded<T extends { added?: string | undefined }>(
  data: T,
  file: string | undefined,
  lookup: (file: string) => AddedDate,
): T & { added: string } {
  if (data.added !== undefined) return data as T & { added: string };
  return { ...data, added: file === undefined ? fileDate('') : lookup(file).date };
}

type History = {
  /** Absolute path → the day of the oldest commit that added it under that name. */
  firstAdded: Map<string, string>;
  /** False in a shallow clone or without git: a renamed file's older history is not there to follow. */
  followRenames: boolean;
};

const NO_HISTORY: History = { firstAdded: new Map(), followRenames: false };

function git(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined; // not a repository, git not installed, or nothing to say
  }
}

function readHistory(folder: string): History {
  const top = git(folder, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) return NO_HISTORY;
  // Newest commit first; each header line is followed by the files that commit added (renames are not additions).
  const log = git(top, ['log', '--diff-filter=A', '--name-only', '--format=@@%H %as', '--', relative(top, folder) || '.']);
  if (log === undefined) return NO_HISTORY;
  // In a shallow clone the oldest commit kept seems to add every file: its dates say nothing about when.
  const shallow = new Set(readShallowBoundary(top));
  const firstAdded = new Map<string, string>();
  let date: string | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('@@')) {
      const [hash, day] = line.slice(2).split(' ');
      date = hash && shallow.has(hash) ? undefined : day;
    } else if (line) {
      const path = resolve(top, line);
      // Older commits come later: the last one seen is the first addition. A cut-off one leaves the date unknown.
      if (date) firstAdded.set(path, date);
      else firstAdded.delete(path);
    }
  }
  return { firstAdded, followRenames: shallow.size === 0 };
}

function readShallowBoundary(top: string): string[] {
  if (git(top, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'true') return [];
  const file = git(top, ['rev-parse', '--git-path', 'shallow'])?.trim();
  if (!file) return [];
  try {
    return readFileSync(isAbsolute(file) ? file : resolve(top, file), 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** One file's first addition, following renames (only asked for files the folder's log did not date). */
function followedDate(path: string): string | undefined {
  const out = git(dirname(path), ['log', '--diff-filter=A', '--follow', '--format=%as', '--', path]);
  return out?.trim().split('\n').filter(Boolean).at(-1);
}

/** The day (local calendar, YYYY-MM-DD) the file was last modified; today when it cannot be read. */
export function fileDate(path: string): string {
  let when = new Date();
  try {
    when = statSync(path).mtime;
  } catch {
    // keep today
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}
