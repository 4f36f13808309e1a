import { isCountryCode, countryName } from '../../schema/countries';
import { error, type Problem } from '../problem';
import { countryCodeForName } from '../suggest';
import type { Rule } from './types';

/**
 * Scrapers split country names at "and": `[Trinidad, Tobago]`, `[Bosnia, Herzegovina]`. When two consecutive items
 * are not codes and "A and B" (or "A and the B") is a country's name, suggest its code.
 */
export const countrySplit: Rule = {
  id: 'country-split',
  description: 'a country name split at "and" into two items',
  check(ctx) {
    const value = ctx.data?.country;
    if (!Array.isArray(value)) return [];
    const problems: Problem[] = [];
    for (let i = 0; i + 1 < value.length; i++) {
      const a = value[i];
      const b = value[i + 1];
      if (typeof a !== 'string' || typeof b !== 'string' || isCountryCode(a) || isCountryCode(b)) continue;
      const code = joinedCountry(a, b);
      if (!code) continue;
      ctx.claim(`country[${i}]`);
      ctx.claim(`country[${i + 1}]`);
      problems.push(
        error(ctx.file, `country items ${JSON.stringify(a)} and ${JSON.stringify(b)} are one country split at "and"`, {
          ...ctx.at(`country[${i}]`),
          suggestion: `replace them with ${code} (${countryName(code)})`,
        }),
      );
      i++;
    }
    return problems;
  },
};

export function joinedCountry(a: string, b: string): string | undefined {
  for (const joined of [`${a} and ${b}`, `${a} and the ${b}`, `${a} & ${b}`, `${a}-${b}`]) {
    const code = countryCodeForName(joined);
    if (code) return code;
  }
  return undefined;
}
