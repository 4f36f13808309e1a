import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Publication } from '../catalogue';
import { entrySchema } from '../schema/entry';
import { catalogueDataPath } from './formats';

/**
 * The publications as a build validated them, read back from the site's own /data/catalogue.json and checked against
 * the schema: the steps after `astro build` (citation downloads, the search index) take the built catalogue from it.
 */
export async function readCatalogueExport(siteDir: string): Promise<Publication[]> {
  const file = join(siteDir, catalogueDataPath('json'));
  let dataset: { entries?: Array<Record<string, unknown>> };
  try {
    dataset = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new Error(`${file}, the whole-catalogue export, is missing or unreadable: run astro build first`, { cause });
  }
  // Read back from the output, so checked again: a changed export format fails here, not in a reference manager.
  return (dataset.entries ?? []).map(({ slug, url: _url, ...data }) => {
    const parsed = entrySchema.parse(data);
    if (parsed.added === undefined) throw new Error(`${file}: the record ${String(slug)} has no added date`);
    return { slug: String(slug), data: { ...parsed, added: parsed.added } };
  });
}
