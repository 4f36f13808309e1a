/**
 * Acknowledged warnings, like a linter's inline disable: a YAML comment in the entry's frontmatter (so it reaches no
 * page), `# validate-ignore title: why`, covers that file's warnings about that field. Errors cannot be acknowledged.
 */
import { readFileSync } from 'node:fs';
import { sortProblems, warning, type Problem } from './problem';

export type Acknowledgement = {
  /** The field as the warning names it: `title`, `authors`, `authors[2]`. */
  field: string;
  /** Empty when the editor forgot to say why. */
  reason: string;
  line: number;
};

const COMMENT = /^\s*#\s*validate-ignore\b\s*([^\s:]*)\s*(?::\s*(.*?))?\s*$/;

/** The acknowledgements in a file's frontmatter (comments in the Markdown body are text for readers, not these). */
export function readAcknowledgements(text: string): Acknowledgement[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trimEnd() !== '---') return [];
  const found: Acknowledgement[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(?:---|\.\.\.)\s*$/.test(line)) break;
    const m = COMMENT.exec(line);
    if (m) found.push({ field: m[1] ?? '', reason: m[2] ?? '', line: i + 1 });
  }
  return found;
}

/** True when an acknowledgement of `field` covers a warning about `problemField` (the field or a part of it). */
export function covers(field: string, problemField: string | undefined): boolean {
  if (!problemField || !field) return false;
  return problemField === field || problemField.startsWith(`${field}[`) || problemField.startsWith(`${field}.`);
}

export type AcknowledgedProblem = Problem & { acknowledged: string };

export type Sorted = {
  /** What to print: errors, new warnings, and any acknowledgement that is missing its field or its reason. */
  shown: Problem[];
  /** Warnings an entry has acknowledged, with the reason appended to the message (`--all` prints them). */
  acknowledged: AcknowledgedProblem[];
};

/**
 * Splits problems into those to show and those the entries acknowledge. Only files with a warning are read again
 * (`read` is for tests). A file that cannot be read keeps all its warnings.
 */
export function acknowledge(
  problems: readonly Problem[],
  read: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): Sorted {
  const byFile = new Map<string, Acknowledgement[]>();
  const shown: Problem[] = [];
  const acknowledged: AcknowledgedProblem[] = [];
  for (const file of new Set(problems.filter((p) => p.severity === 'warning').map((p) => p.file))) {
    let found: Acknowledgement[];
    try {
      found = readAcknowledgements(read(file));
    } catch {
      found = [];
    }
    const usable = found.filter((a) => a.field && a.reason);
    byFile.set(file, usable);
    for (const bad of found.filter((a) => !usable.includes(a))) {
      shown.push(
        warning(file, `this acknowledgement is ignored: it must name the field and say why`, {
          line: bad.line,
          col: 1,
          suggestion: `write it as  # validate-ignore ${bad.field || 'title'}: the reason the warning is right to ignore`,
        }),
      );
    }
  }
  for (const p of problems) {
    const ack = p.severity === 'warning' ? byFile.get(p.file)?.find((a) => covers(a.field, p.field)) : undefined;
    if (ack) acknowledged.push({ ...p, message: `${p.message} [acknowledged on line ${ack.line}: ${ack.reason}]`, acknowledged: ack.reason });
    else shown.push(p);
  }
  return { shown: sortProblems(shown), acknowledged };
}

/** The summary's tail: ", 2 acknowledged warnings (--all shows them)", or nothing. */
export function acknowledgedNote(count: number, all: boolean): string {
  if (count === 0) return '';
  return `; ${count} acknowledged warning${count === 1 ? '' : 's'} ${all ? 'shown' : 'not shown (--all shows them)'}`;
}
