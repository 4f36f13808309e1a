import type { SynonymGroup } from './synonyms';

/**
 * Synonyms the catalogue itself spells out: a name followed by its acronym in brackets, in a title, an author or a
 * publisher ("Council on Foreign Relations (CFR)", "A Protection, Gender & Inclusion (PGI) Technical Guidance
 * Note"). Each becomes a group {acronym, name} beside the hand-kept table (synonyms.ts), so the acronym finds the
 * name and the name the acronym, without anyone adding it by hand.
 *
 * A name is the words just before the brackets whose initials spell the acronym, read backwards: capitalised
 * words give their initial (a hyphenated one may give each part's: "Inter-Parliamentary Union" → IPU), small
 * words ("of", "the", "and", "&") give none. Brackets whose letters the words before do not spell ("Saint Lucia
 * (LC)", "(Conveners)") are not acronyms of them and are left alone.
 */

const ACRONYM_IN_BRACKETS = /\(([A-Z][A-Za-z]{0,9}[A-Z])\)/g;
/** Small words that a name may contain without their initial in the acronym. */
const SMALL = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'against', 'de', 'des', 'du', 'la', 'le', 'et', '&', 'y']);
const MAX_NAME_WORDS = 14;

/** The name before position `end` of `text` whose initials spell `acronym`, or undefined. */
export function spelledOut(text: string, end: number, acronym: string): string | undefined {
  const letters = acronym.replace(/[^A-Z]/g, '');
  if (letters.length < 2) return undefined;
  const words = text.slice(0, end).trimEnd().split(/\s+/u).slice(-MAX_NAME_WORDS);
  let need = letters.length;
  let i = words.length - 1;
  for (; i >= 0 && need > 0; i--) {
    const word = words[i]!.replace(/^[^\p{L}&]+|[^\p{L}]+$/gu, '');
    if (word === '' || SMALL.has(word.toLowerCase())) {
      if (i === words.length - 1) return undefined; // a name ends with a word of its own
      continue;
    }
    if (!/^\p{Lu}/u.test(word)) return undefined;
    const parts = word.split(/[-‐‑]/u).filter((p) => /^\p{Lu}/u.test(p));
    // Whole-word initial first; then each hyphenated part's ("Inter-Parliamentary").
    const whole = [word[0]!];
    const each = parts.map((p) => p[0]!);
    const fits = (initials: string[]) => letters.slice(need - initials.length, need) === initials.join('');
    if (each.length > 1 && need >= each.length && fits(each)) need -= each.length;
    else if (fits(whole)) need -= 1;
    else return undefined;
  }
  if (need > 0) return undefined;
  const name = words
    .slice(i + 1)
    .join(' ')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return name.split(/\s+/u).length >= 2 ? name : undefined;
}

/** Every {acronym, name} the texts spell out, once each (the first spelling of an acronym's name wins). */
export function catalogueAcronyms(texts: Iterable<string>, known: readonly SynonymGroup[] = []): SynonymGroup[] {
  const knownNames = new Set(known.flatMap((group) => group.names.map((name) => name.toLowerCase())));
  const found = new Map<string, Set<string>>();
  for (const text of texts) {
    for (const match of text.matchAll(ACRONYM_IN_BRACKETS)) {
      const acronym = match[1]!;
      const name = spelledOut(text, match.index, acronym);
      if (!name) continue;
      // Already in the hand-kept table, as the acronym or the name: that group already joins them.
      if (knownNames.has(acronym.toLowerCase()) && knownNames.has(name.toLowerCase())) continue;
      const names = found.get(acronym) ?? new Set<string>();
      names.add(name);
      found.set(acronym, names);
    }
  }
  return [...found].map(([acronym, names]) => ({ kind: 'organisation', names: [acronym, ...names] }));
}
