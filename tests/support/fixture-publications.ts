import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Publication } from '../../src/lib/catalogue';
import { entrySchema, type EntryInput } from '../../src/lib/schema/entry';

/** The fixture site's folder (tests/fixtures/site/publications). */
export const FIXTURE_SITE_DIR = 'tests/fixtures/site/publications';

/** The fixture site's entries, read and validated the way the build reads them (sorted by file name). */
export function readFixturePublications(dir = FIXTURE_SITE_DIR): Publication[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, name), 'utf8'))![1]!;
      return { slug: name.replace(/\.md$/, ''), data: entrySchema.parse(parseYaml(frontmatter)) };
    });
}

/** A valid publication with only the fields a test cares about. */
export function makePublication(slug: string, data: Partial<EntryInput>): Publication {
  return {
    slug,
    data: entrySchema.parse({ title: 'A title', category: 'report', summary: 'S.', source: ['editor'], added: '2026-01-01', ...data }),
  };
}
