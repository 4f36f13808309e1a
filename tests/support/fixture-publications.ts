import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Publication } from '../../src/lib/catalogue';
import { addedDates, withAdded } from '../../src/lib/git-added';
import { entrySchema, type Entry, type EntryInput } from '../../src/lib/schema/entry';

/** The fixture site's folder (tests/fixtures/site/publications). */
export const FIXTURE_SITE_DIR = 'tests/fixtures/site/publications';

/** The fixture site's entries, read and validated the way the build reads them (sorted by file name). */
export function readFixturePublications(dir = FIXTURE_SITE_DIR): Publication[] {
  const added = addedDates();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, name), 'utf8'))![1]!;
      const data = entrySchema.parse(parseYaml(frontmatter));
      return { slug: name.replace(/\.md$/, ''), data: withAdded(data, join(dir, name), added) };
    });
}

/** A valid publication with only the fields a test cares about. */
export function makePublication(slug: string, data: Partial<EntryInput>): Publication {
  return { slug, data: parseEntry({ title: 'A title', category: 'report', summary: 'S.', source: ['editor'], added: '2026-01-01', ...data }) };
}

/** An entry for a unit test, through the schema; `added` (which the site takes from git when a file leaves it out) set. */
export function parseEntry(input: unknown, added = '2026-01-01'): Entry {
  const parsed = entrySchema.parse(input);
  return { ...parsed, added: parsed.added ?? added };
}

/** The real catalogue's valid entries, read by the validator (as the site reads them), with `added` filled the site's way. */
export async function readCataloguePublications(dir = 'content/publications'): Promise<Publication[]> {
  const { validatePaths } = await import('../../src/lib/validate');
  const added = addedDates();
  const { entries } = await validatePaths([dir]);
  return entries.map((e) => ({ slug: e.slug, data: withAdded(e.data, e.file, added) }));
}
