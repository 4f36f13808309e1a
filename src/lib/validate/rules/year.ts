import { FIRST_YEAR } from '../../schema/entry';
import { error, quote } from '../problem';
import type { Rule } from './types';

/** What the schema cannot say about `year`: HOW it is not a plain whole number (YAML reads `0x7E3` as 2019). */
export const year: Rule = {
  id: 'year',
  description: 'year is written as a plain whole number (not a date, text, float, hex or quoted)',
  check(ctx) {
    const data = ctx.data;
    if (!data || !('year' in data)) return [];
    const value = data.year;
    const loc = ctx.locate('year');
    const source = loc?.source?.trim() ?? '';
    const style = loc?.style ?? 'PLAIN';
    const fail = (message: string, suggestion: string) => {
      ctx.claim('year');
      return [error(ctx.file, message, { ...ctx.at('year'), suggestion })];
    };
    const found = /(?:^|\D)(\d{4})(?:\D|$)/.exec(String(value));
    const fix = found && Number(found[1]) >= FIRST_YEAR ? `year: ${found[1]}` : 'year: 2019';

    if (typeof value === 'string') {
      if (/^\d{4}-\d{1,2}-\d{1,2}(?:[T ].*)?$/.test(value.trim())) {
        return fail(`year is a full date (${value.trim()}); it must be the year alone`, `write ${fix} (put the full date in notes if it matters)`);
      }
      if (/^\d+$/.test(value.trim()) && style !== 'PLAIN') {
        return fail(`year is quoted text ${quote(value)}; it must be a number`, `remove the quotes: year: ${value.trim()}`);
      }
      return fail(`year ${quote(value)} is not a whole number`, `write ${fix}; put anything else, such as a letter, "circa" or a range, in notes`);
    }
    if (typeof value === 'number' && style === 'PLAIN' && source !== '' && !/^[+]?\d+$/.test(source)) {
      if (Number.isInteger(value)) {
        return fail(`year is written as ${source}; write a plain whole number`, `write year: ${value}`);
      }
      return fail(`year ${source} is not a whole number`, `write ${fix}`);
    }
    return [];
  },
};
