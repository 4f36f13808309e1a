/**
 * The file name of a new entry: the title through THE slug rule (`src/lib/slug.ts`), at most 60 characters, cut
 * at a hyphen, and unique in the folder. When the plain slug is taken, the year is added (as the catalogue already
 * does for editions: `toolkit-to-combat-trafficking-in-persons-2006`), then -2, -3, …
 */
import { SLUG_PATTERN } from '../schema/entry';
import { slugify } from '../slug';

/** Longest file slug, as in the catalogue (`tests/unit/catalogue.test.ts`). */
export const MAX_SLUG_LENGTH = 60;

/** Small words a cut slug should not end on ("…-west-africa-a", "…-trafficking-in"). */
const DANGLING = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);

/** `text` cut to at most `max` characters, at a hyphen when there is one, never ending in "-" or a small word. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const hyphen = head.lastIndexOf('-');
  if (hyphen <= 0) return text.slice(0, max).replace(/-+$/, '');
  const words = head.slice(0, hyphen).split('-');
  while (words.length > 1 && DANGLING.has(words.at(-1)!)) words.pop();
  return words.join('-');
}

export function entrySlug(title: string, year: number | undefined, taken: (slug: string) => boolean): string {
  const base = cut(slugify(title), MAX_SLUG_LENGTH);
  const withSuffix = (suffix: string) => `${cut(base, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
  const candidates = [base];
  if (year !== undefined && !base.split('-').includes(String(year))) candidates.push(withSuffix(String(year)));
  for (const slug of candidates) if (!taken(slug)) return check(slug);
  const last = candidates.at(-1)!;
  for (let n = 2; ; n++) {
    const suffix = last === base ? String(n) : `${year}-${n}`;
    const slug = withSuffix(suffix);
    if (!taken(slug)) return check(slug);
  }
}

function check(slug: string): string {
  // slugify's output always matches; this guards the contract should either rule change.
  if (!SLUG_PATTERN.test(slug)) throw new Error(`internal error: ${JSON.stringify(slug)} is not a valid file slug`);
  return slug;
}
