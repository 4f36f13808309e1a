import { SLUG_PATTERN } from '../../schema/entry';
import { error } from '../problem';
import { slugify } from '../../slug';
import type { Rule } from './types';

/** The file name is the entry's slug (its URL): lower-case kebab-case, ending in `.md`. */
export const fileName: Rule = {
  id: 'file-name',
  description: 'the file name is a lower-case kebab-case slug ending in .md',
  check({ file, fileName }) {
    const m = /^(.*?)(\.[^.]*)?$/.exec(fileName)!;
    const stem = m[1] ?? '';
    const ext = m[2] ?? '';
    // The suggested name is only worked out when there is something to suggest.
    const slug = () => slugify(stem) || 'untitled';
    if (ext !== '.md') {
      return [
        error(file, `file name "${fileName}" must end in .md`, {
          suggestion: `rename it to ${slug()}.md`,
        }),
      ];
    }
    if (!SLUG_PATTERN.test(stem)) {
      return [
        error(file, `file name "${fileName}" is not a valid slug (lower-case letters, digits and single hyphens)`, {
          suggestion: `rename it to ${slug()}.md`,
        }),
      ];
    }
    return [];
  },
};
