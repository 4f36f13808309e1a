import { isRightToLeft } from '../../schema/languages';
import { warning } from '../problem';
import type { Rule } from './types';

const SCRIPTS: Array<{ test: RegExp; code: string; name: string }> = [
  { test: /\p{Script=Arabic}/gu, code: 'ar', name: 'Arabic' },
  { test: /\p{Script=Hebrew}/gu, code: 'he', name: 'Hebrew' },
];

const ANY_SCRIPT = new RegExp(SCRIPTS.map((s) => s.test.source).join('|'), 'u');

/**
 * A title mostly in a right-to-left script needs `title_language` so the site sets `dir="rtl"`; otherwise the
 * punctuation is displayed in the wrong place.
 */
export const titleScript: Rule = {
  id: 'title-script',
  description: 'a right-to-left title (Arabic, Hebrew script) has title_language set',
  check(ctx) {
    const data = ctx.data;
    const title = data?.title;
    if (typeof title !== 'string') return [];
    const language = typeof data?.title_language === 'string' ? data.title_language : undefined;
    if (isRightToLeft(language)) return [];
    // No letter of any script below: nothing can reach half of the letters.
    if (!ANY_SCRIPT.test(title)) return [];
    const letters = title.match(/\p{L}/gu)?.length ?? 0;
    if (letters === 0) return [];
    for (const s of SCRIPTS) {
      const n = title.match(s.test)?.length ?? 0;
      if (n / letters >= 0.5) {
        return [
          warning(ctx.file, `title is in ${s.name} script but title_language ${language ? `is "${language}"` : 'is not set'}`, {
            ...ctx.at('title'),
            suggestion: `add title_language: ${s.code} (or the right code for its language, e.g. fa, ur) so it displays right to left`,
          }),
        ];
      }
    }
    return [];
  },
};
