/** One thing wrong (or worth a look) in one entry file: every part of the validator reports in this shape. */
type Severity = 'error' | 'warning';

export type Problem = {
  /** The file as the user named it (a path relative to the working directory, or the name given to `validateSource`). */
  file: string;
  /** 1-based line in the FILE (not in the frontmatter or body). */
  line?: number;
  /** 1-based column in characters (code points). */
  col?: number;
  /** The frontmatter field, as a path: `title`, `region[1]`, `authors[0]`. Absent for file-level problems. */
  field?: string;
  severity: Severity;
  /** What is wrong, in plain words. */
  message: string;
  /** How to fix it, when the validator can tell. */
  suggestion?: string;
};

/** A location in a file. */
export type Position = { line: number; col: number };

type Extra = Omit<Partial<Problem>, 'file' | 'message' | 'severity'>;
export const error = (file: string, message: string, extra: Extra = {}) => clean({ file, severity: 'error', message, ...extra });
export const warning = (file: string, message: string, extra: Extra = {}) => clean({ file, severity: 'warning', message, ...extra });

/** Drops undefined optional properties and keeps a stable key order, so JSON output and snapshots stay tidy. */
function clean(p: Problem): Problem {
  return {
    file: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.col !== undefined ? { col: p.col } : {}),
    ...(p.field !== undefined ? { field: p.field } : {}),
    severity: p.severity,
    message: p.message,
    ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}),
  };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sorts by file, then line, then column; problems without a line come first in their file. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0),
  );
}

/** Quotes a value for a message: strings in "…", others as JSON; long values are shortened. */
export function quote(value: unknown, max = 80): string {
  let s: string;
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (value instanceof Date) s = value.toISOString();
  else if (value === undefined) s = 'nothing';
  else {
    try {
      s = JSON.stringify(value) ?? String(value);
    } catch {
      s = String(value);
    }
  }
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}
