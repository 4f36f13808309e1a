import { error, type Problem } from '../problem';
import { slugify } from '../../slug';
import type { SetItem, SetRule } from './types';

/** The slug a file name gives (what the page URL will be): `Foo-Bar.md` and `foo-bar.md` both give `foo-bar`. */
export function slugOf(fileName: string): string {
  return slugify(fileName.replace(/\.[^.]*$/, ''));
}

/** Two files whose names give the same slug would produce the same page. */
export const slugClash: SetRule = {
  id: 'slug-clash',
  description: 'no two file names give the same slug (e.g. Foo-Bar.md and foo-bar.md)',
  check(items) {
    const groups = new Map<string, SetItem[]>();
    for (const item of items) {
      const slug = slugOf(item.fileName);
      const list = groups.get(slug) ?? [];
      list.push(item);
      groups.set(slug, list);
    }
    const problems: Problem[] = [];
    for (const [slug, list] of groups) {
      if (list.length < 2) continue;
      for (const item of list) {
        const others = list.filter((o) => o !== item).map((o) => o.file);
        problems.push(
          error(item.file, `file name gives the slug "${slug}", the same as ${others.join(', ')}`, {
            suggestion: 'rename one of them (e.g. add the year: ' + `${slug}-2019.md), or merge them if they are the same publication`,
          }),
        );
      }
    }
    return problems;
  },
};
