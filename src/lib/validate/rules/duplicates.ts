import { error, warning, type Problem } from '../problem';
import type { SetItem, SetRule } from './types';

/** Title as compared across files: NFKC, case-folded, dashes and quotes unified, whitespace collapsed. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The same publication in two files: same normalised title and the same year (or both without a year). */
export const duplicates: SetRule = {
  id: 'duplicates',
  description: 'the same publication (same title after normalisation, same year) is not in two files',
  check(items) {
    const groups = new Map<string, SetItem[]>();
    for (const item of items) {
      const title = item.data?.title;
      if (typeof title !== 'string' || title.trim() === '') continue;
      const key = normaliseTitle(title);
      const list = groups.get(key) ?? [];
      list.push(item);
      groups.set(key, list);
    }
    const problems: Problem[] = [];
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      for (const item of list) {
        const y = yearOf(item);
        const same = list.filter((o) => o !== item && yearOf(o) === y);
        const maybe = list.filter((o) => o !== item && (yearOf(o) === undefined) !== (y === undefined));
        const pos = item.locate('title');
        const at = { ...(pos ? { line: pos.line, col: pos.col } : {}), field: 'title' };
        if (same.length) {
          problems.push(
            error(item.file, `the same publication is also in ${same.map((o) => o.file).join(', ')} (same title${y === undefined ? ', no year' : ` and year ${y}`})`, {
              ...at,
              suggestion: 'keep one file and merge anything useful from the other into it',
            }),
          );
        } else if (maybe.length) {
          problems.push(
            warning(item.file, `possibly the same publication as ${maybe.map((o) => o.file).join(', ')} (same title; only one has a year)`, {
              ...at,
              suggestion: 'if it is the same publication, keep one file; if not, add the year to both',
            }),
          );
        }
      }
    }
    return problems;
  },
};

function yearOf(item: SetItem): unknown {
  return item.data?.year ?? undefined;
}
