/**
 * The validator's check of `document:` fields: each named file is read the way the search index reads it, so a
 * document that would not index is a problem in `npm run validate`, not a surprise in the build.
 */
import { dirname, join } from 'node:path';
import type { Entry } from '../schema/entry';
import { error, warning, type Problem } from '../validate/problem';
import { extractDocument } from './extract';
import { documentsDirFor } from './records';

/** One entry as the check needs it: where it is, its data, and the line of its `document:` key when known. */
export interface DocumentEntry {
  file: string;
  data: Pick<Entry, 'document' | 'document_redistributable' | 'link'>;
  line?: number;
}

/**
 * Problems of every entry's document, in entry order. Documents are looked for beside the entry's folder
 * (`content/publications/x.md` → `content/documents/`), unless `documentsDir` says where.
 */
export async function documentProblems(
  entries: readonly DocumentEntry[],
  { documentsDir, cacheDir }: { documentsDir?: string; cacheDir?: string } = {},
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const { file, data, line } of entries) {
    const at = { field: 'document', ...(line === undefined ? {} : { line, col: 1 }) };
    if (!data.document) {
      if (data.document_redistributable !== undefined) {
        problems.push(warning(file, 'document_redistributable is set but there is no document', { ...at, field: 'document_redistributable', suggestion: 'add `document:` or remove `document_redistributable`' }));
      }
      continue;
    }
    const dir = documentsDir ?? documentsDirFor(dirname(file));
    const result = await extractDocument(join(dir, data.document), `${dir}/${data.document}`, cacheDir);
    for (const problem of result.problems) {
      problems.push((problem.severity === 'error' ? error : warning)(file, problem.message, { ...at, suggestion: problem.fix }));
    }
    if (result.ok && !data.document_redistributable && !data.link) {
      problems.push(
        warning(file, 'the document is indexed but not published and there is no link: search can name its pages, not open them', {
          ...at,
          suggestion: 'add the publisher\'s `link`, or `document_redistributable: true` if its licence allows publishing it',
        }),
      );
    }
  }
  return problems;
}

/** The file line of a top-level key (`document:`), for pointing a problem at it; undefined when not found. */
export function keyLine(text: string, key: string): number | undefined {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
