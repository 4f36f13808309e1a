/** Problems printed as compiler-like text lines, a JSON array, or GitHub workflow commands (`::error file=…::…`). */
import type { Problem } from './problem';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** One line (no newline inside): newlines in messages are shown as spaces. */
export function formatText(p: Problem): string {
  let where = p.file;
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.col !== undefined) where += `:${p.col}`;
  const parts = [where, p.severity];
  if (p.field) parts.push(p.field);
  parts.push(p.message + (p.suggestion ? `  (${p.suggestion})` : ''));
  return parts.join('  ').replace(/\r\n|\r|\n/g, ' ');
}

/** GitHub's escaping for the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for property values (file, title): also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(p: Problem): string {
  const props = [`file=${escapeProperty(p.file)}`];
  if (p.line !== undefined) props.push(`line=${p.line}`);
  if (p.col !== undefined) props.push(`col=${p.col}`);
  if (p.field) props.push(`title=${escapeProperty(p.field)}`);
  const message = p.message + (p.suggestion ? ` (${p.suggestion})` : '');
  return `::${p.severity} ${props.join(',')}::${escapeData(message)}`;
}

/** The whole output for a list of problems (ends with a newline when not empty). */
export function formatProblems(problems: readonly Problem[], format: Format): string {
  if (format === 'json') return `${JSON.stringify(problems, null, 2)}\n`;
  const lines = problems.map(format === 'github' ? formatGithub : formatText);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** "2 errors, 1 warning in 3 files (10 checked)" */
export function summary(problems: readonly Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const withProblems = new Set(problems.map((p) => p.file)).size;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (!problems.length) return `${plural(files, 'file')} checked, no problems`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(withProblems, 'file')} (${files} checked)`;
}
