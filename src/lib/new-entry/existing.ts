/**
 * The entries already in the folder, read just far enough (frontmatter only) to refuse a duplicate with the
 * validator's own set rule, and to know which file names are taken.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseFrontmatter } from '../entry/parse';
import { readEntry } from '../entry/read';
import { normaliseTitle } from '../validate/rules/duplicates';
import { duplicates } from '../validate/rules/duplicates';
import type { SetItem } from '../validate/rules/types';
import { displayPath, listEntryFiles } from '../validate/index';
import type { Problem } from '../validate/problem';

export interface Existing {
  items: SetItem[];
  /** Slugs (file names without `.md`) already in the folder. */
  slugs: Set<string>;
}

/** Reads the folder's entries. A file that cannot be read is still counted for its name (the validator reports it). */
export async function loadExisting(dir: string): Promise<Existing> {
  const paths = await listEntryFiles(dir);
  const items: SetItem[] = [];
  const slugs = new Set<string>();
  for (const path of paths) {
    const fileName = basename(path);
    slugs.add(fileName.replace(/\.[^.]*$/, '').toLowerCase());
    const file = displayPath(path);
    const read = readEntry(file, new Uint8Array(await readFile(path)));
    if (!read.ok) continue;
    const fm = parseFrontmatter(file, read.entry.frontmatter, read.entry.yamlStartLine);
    if (!fm.data) continue;
    items.push({ file, fileName, data: fm.data, locate: (field) => fm.locations.get(field) });
  }
  return { items, slugs };
}

/**
 * The validator's duplicate rule run on the existing entries plus the new one: errors (same title and year) refuse
 * the entry, warnings (same title, only one has a year) are shown.
 */
export function duplicateProblems(existing: Existing, file: string, title: string, year: number | undefined): Problem[] {
  const candidate: SetItem = {
    file,
    fileName: basename(file),
    data: { title, ...(year !== undefined ? { year } : {}) },
    locate: () => undefined,
  };
  // Only entries with the same normalised title can be duplicates: the rule need not see the rest.
  const key = normaliseTitle(title);
  const same = existing.items.filter((item) => typeof item.data?.title === 'string' && normaliseTitle(item.data.title) === key);
  return duplicates.check([...same, candidate]).filter((p) => p.file === file);
}

/** Existing entries whose title is the same (any year): worth a note as soon as the title is typed. */
export function sameTitle(existing: Existing, title: string): Array<{ file: string; year?: unknown }> {
  const key = normaliseTitle(title);
  return existing.items
    .filter((item) => typeof item.data?.title === 'string' && normaliseTitle(item.data.title) === key)
    .map((item) => ({ file: item.file, year: item.data?.year }));
}
