import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Publication } from '../../src/lib/catalogue';
import { addedDates, withAdded } from '../../src/lib/git-added';
import { entrySchema, type Entry, type EntryInput } from '../../src/lib/schema/entry';
import { formatText } from '../../src/lib/validate/format';
import { validateSource, type ValidatedEntry } from '../../src/lib/validate/index';

/** The fixture site's folder (tests/fixtures/site/publications). */
export const FIXTURE_SITE_DIR = 'tests/fixtures/site/publications';

/** A folder's entries, read by the build's own pipeline (the validator), sorted by file name; throws on a bad file. */
export function readEntries(dir: string): ValidatedEntry[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const { entry, problems } = validateSource(join(dir, name), readFileSync(join(dir, name)));
      if (!entry) throw new Error(problems.map(formatText).join('\n'));
      return entry;
    });
}

/** The fixture site's entries as publications (slug and validated data), with `added` filled the site's way. */
export function readFixturePublications(dir = FIXTURE_SITE_DIR): Publication[] {
  const added = addedDates();
  return readEntries(dir).map(({ slug, data, file }) => ({ slug, data: withAdded(data, file, added) }));
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
  const added = addedDates();
  return readEntries(dir).map(({ slug, data, file }) => ({ slug, data: withAdded(data, file, added) }));
}
