/**
 * Answers → the new file: its slug, path and text, checked by the validator exactly as `npm run validate` would
 * check it, plus the validator's duplicate rule against the folder.
 */
import { join } from 'node:path';
import type { EntryInput } from '../schema/entry';
import { displayPath, validateSource } from '../validate/index';
import type { Problem } from '../validate/problem';
import { duplicateProblems, type Existing } from './existing';
import { FIELD_NAMES, type FieldName, type FieldValue } from './fields';
import { entrySlug } from './slug';
import { entryToMarkdown } from './write';

export type Answers = Partial<Record<FieldName, FieldValue>>;

/** The calendar date in the editor's own time zone, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function composeEntry(answers: Answers, now = new Date()): EntryInput {
  const entry: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) if (answers[field] !== undefined) entry[field] = answers[field];
  entry.added = today(now);
  return entry as EntryInput;
}

/** Where the entry goes: a unique slug in `dir` and the path as problems show it. */
export function target(dir: string, existing: Existing, title: string, year: number | undefined): { slug: string; path: string; file: string } {
  const slug = entrySlug(title, year, (s) => existing.slugs.has(s));
  const path = join(dir, `${slug}.md`);
  return { slug, path, file: displayPath(path) };
}

export interface Prepared {
  slug: string;
  path: string;
  file: string;
  text: string;
  /** The validator's problems with the file, and duplicates of entries in the folder. */
  problems: Problem[];
}

export function prepare(dir: string, existing: Existing, answers: Answers, now = new Date()): Prepared {
  const entry = composeEntry(answers, now);
  const title = String(entry.title ?? '');
  const year = typeof entry.year === 'number' ? entry.year : undefined;
  const where = target(dir, existing, title, year);
  const text = entryToMarkdown(entry);
  const problems = [...validateSource(where.file, text, { now }).problems, ...duplicateProblems(existing, where.file, title, year)];
  return { ...where, text, problems };
}
