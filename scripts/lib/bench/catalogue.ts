import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import {
  generateEntries,
  profileFromEntries,
  toMarkdown,
  type CatalogueProfile,
  type SyntheticEntry,
} from '../../../src/lib/bench/synthetic';

/** The file side of the synthetic catalogues: reading the real catalogue's profile and writing generated entries. */

export const PROFILE_FILE = 'bench/profile.json';

/** Reads every entry of a real catalogue folder (read only) and summarises it. */
export function measureProfile(contentDir: string): CatalogueProfile {
  const files = readdirSync(contentDir).filter((f) => f.endsWith('.md')).sort();
  const entries = files.map((file) => {
    // The `---js` engine is switched off, as everywhere in the project.
    const parsed = matter(readFileSync(join(contentDir, file), 'utf8'), {
      engines: { js: () => ({}), javascript: () => ({}) },
    });
    return { data: parsed.data as Record<string, unknown>, body: parsed.content };
  });
  let commit = 'uncommitted';
  try {
    commit = execFileSync('git', ['log', '-1', '--format=%h', '--', contentDir], { encoding: 'utf8' }).trim() || commit;
  } catch {
    // not a git checkout
  }
  return profileFromEntries(entries, `${contentDir} at ${commit} (${files.length} entries)`);
}

/**
 * The profile the generator draws from: bench/profile.json, measured from content/publications once and kept, so
 * results stay comparable while the real catalogue grows. `refresh` (or a missing file) measures it again.
 */
export function loadProfile(options: { refresh?: boolean; contentDir?: string } = {}): {
  profile: CatalogueProfile;
  refreshed: boolean;
} {
  const contentDir = options.contentDir ?? 'content/publications';
  if (!options.refresh && existsSync(PROFILE_FILE)) {
    return { profile: JSON.parse(readFileSync(PROFILE_FILE, 'utf8')) as CatalogueProfile, refreshed: false };
  }
  const count = existsSync(contentDir) ? readdirSync(contentDir).filter((f) => f.endsWith('.md')).length : 0;
  if (count === 0) throw new Error(`No entries in ${contentDir} to measure a profile from, and no ${PROFILE_FILE}.`);
  const profile = measureProfile(contentDir);
  // One key per line, number lists on one line each: readable in a diff.
  const text = JSON.stringify(profile, null, 1).replace(/\[\s*([-\d.,\s]+?)\s*\]/g, (_, list: string) => `[${list.replace(/\s+/g, '')}]`);
  writeFileSync(PROFILE_FILE, `${text}\n`);
  return { profile, refreshed: true };
}

/** Writes N generated entries as Markdown files into `dir` (created). Returns the entries. */
export function writeCatalogue(dir: string, profile: CatalogueProfile, count: number, seed: string): SyntheticEntry[] {
  mkdirSync(dir, { recursive: true });
  const entries = generateEntries(profile, count, { seed, currentYear: new Date().getFullYear() });
  for (const entry of entries) writeFileSync(join(dir, `${entry.slug}.md`), toMarkdown(entry));
  return entries;
}

/**
 * The editor's check: adds entry N (the next one the generator makes after the N already written, so the catalogue
 * is the N + 1 catalogue) to `dir` and returns it.
 */
export function writeNextEntry(dir: string, profile: CatalogueProfile, count: number, seed: string): SyntheticEntry {
  const entry = generateEntries(profile, count + 1, { seed, currentYear: new Date().getFullYear() })[count]!;
  writeFileSync(join(dir, `${entry.slug}.md`), toMarkdown(entry));
  return entry;
}
