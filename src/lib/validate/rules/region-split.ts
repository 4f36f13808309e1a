import { isRegion, REGIONS } from '../../schema/regions';
import { error, type Problem } from '../problem';
import { fold } from '../suggest';
import type { Rule } from './types';

/**
 * Scrapers split region names at their commas and "and"s: `[Central, North America, Caribbean]`. When two or more
 * consecutive items are not regions but all are parts of the same region name, suggest that whole name.
 */
export const regionSplit: Rule = {
  id: 'region-split',
  description: 'a region name split at its commas into several items',
  check(ctx) {
    const value = ctx.data?.region;
    if (!Array.isArray(value)) return [];
    const problems: Problem[] = [];
    let i = 0;
    while (i < value.length) {
      if (typeof value[i] !== 'string' || isRegion(value[i] as string)) {
        i++;
        continue;
      }
      let j = i;
      while (j < value.length && typeof value[j] === 'string' && !isRegion(value[j] as string)) j++;
      // Within a run of non-regions, find the longest stretch (2+ items) that is one region's name in pieces.
      let found: { start: number; end: number; region: string } | undefined;
      for (let start = i; start < j - 1 && !found; start++) {
        for (let end = j; end >= start + 2; end--) {
          const region = wholeRegion(value.slice(start, end) as string[]);
          if (region) {
            found = { start, end, region };
            break;
          }
        }
      }
      if (found) {
        const run = value.slice(found.start, found.end) as string[];
        for (let k = found.start; k < found.end; k++) ctx.claim(`region[${k}]`);
        problems.push(
          error(ctx.file, `region items ${run.map((r) => JSON.stringify(r)).join(', ')} are one region split at its commas`, {
            ...ctx.at(`region[${found.start}]`),
            suggestion: `replace them with the one item "${found.region}"`,
          }),
        );
        i = found.end;
        continue;
      }
      i = j;
    }
    return problems;
  },
};

/** The region whose name contains every part (as whole words), if exactly one does. */
export function wholeRegion(parts: readonly string[]): string | undefined {
  const folded = parts.map((p) => fold(p).replace(/^(?:and|the)\s+|\s+(?:and|the)$/g, '')).filter(Boolean);
  if (folded.length < 2) return undefined;
  const hits = REGIONS.filter((r) => {
    const name = ` ${fold(r)} `;
    return folded.every((p) => name.includes(` ${p} `));
  });
  return hits.length === 1 ? hits[0] : undefined;
}
