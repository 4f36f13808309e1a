/**
 * The documents of a catalogue, for the search-index step: the entries are the ones it read through the validator
 * (the one way an entry is read), and each named document's pages come from extractDocument (from the cache when
 * unchanged).
 */
import { existsSync } from 'node:fs';
import type { ValidatedEntry } from '../validate';
import { extractDocument } from './extract';
import { documentPageRecords, documentsDirFor, type DocumentOwner, type PageRecord } from './records';
import { join } from 'node:path';

export interface IndexedDocument {
  publication: DocumentOwner;
  records: PageRecord[];
}

/** Every valid entry's document as search records. A catalogue without a documents folder costs nothing. */
export async function loadDocuments(
  entries: ReadonlyArray<Pick<ValidatedEntry, 'slug' | 'data'>>,
  contentDir: string,
  cacheDir?: string,
): Promise<IndexedDocument[]> {
  const documentsDir = documentsDirFor(contentDir);
  if (!existsSync(documentsDir)) return [];
  const out: IndexedDocument[] = [];
  for (const { slug, data } of entries) {
    if (!data.document) continue;
    const result = await extractDocument(join(documentsDir, data.document), data.document, cacheDir);
    // A bad document is the validator's error (npm run build stops before this step); nothing to index here.
    if (!result.ok) continue;
    const publication = { slug, data };
    out.push({ publication, records: documentPageRecords(publication, result.document.pages) });
  }
  return out;
}
