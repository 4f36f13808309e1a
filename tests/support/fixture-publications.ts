import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Publication } from '../../src/lib/catalogue';
import { entrySchema, type EntryInput } from '../../src/lib/schema/entry';
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

/** The fixture site's entries as publications (slug and validated data). */
export function readFixturePublications(dir = FIXTURE_SITE_DIR): Publication[] {
  return readEntries(dir).map(({ slug, data }) => ({ slug, data }));
}

/** A valid publication with only the fields a test cares about. */
export function makePublication(slug: string, data: Partial<EntryInput>): Publication {
  return {
    slug,
    data: entrySchema.parse({ title: 'A title', category: 'report', summary: 'S.', source: ['editor'], added: '2026-01-01', ...data }),
  };
}
