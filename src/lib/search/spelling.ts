import { distance } from 'fastest-levenshtein';
import { isSpellable, normalizeWord } from './text';

/**
 * Spelling help: when a query finds nothing, the closest word the index has for each word it does not have.
 * Runs in the browser over the vocabulary the build writes (see vocabulary.ts).
 */

/**
 * fastest-levenshtein's distance, with one swap of neighbouring letters counted as one edit: the commonest typing
 * slip ("tarfficking", "unocd"), which Levenshtein counts as two.
 */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
}

/** How many slips a word of this length may have and still get a suggestion. */
function allowedDistance(length: number): number {
  return length <= 4 ? 1 : 2;
}

/** The indexed words, most frequent first (the order the build writes them in). */
export interface Vocabulary {
  words: readonly string[];
  has: (word: string) => boolean;
}

export function makeVocabulary(words: readonly string[]): Vocabulary {
  const set = new Set(words);
  return { words, has: (word) => set.has(word) };
}

/**
 * The closest indexed word to one the index does not have, or undefined. Closest = fewest edits; among equals,
 * one that starts with the same letter, then the more frequent.
 */
export function suggestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const max = allowedDistance(word.length);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of vocabulary.words) {
    if (Math.abs(candidate.length - word.length) > max) continue;
    const edits = editDistance(word, candidate);
    if (edits > max) continue;
    // Rank: distance first, then a different first letter costs half an edit; earlier (more frequent) wins ties.
    const score = edits + (candidate[0] === word[0] ? 0 : 0.5);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
      if (score === 1) break;
    }
  }
  return best;
}

/** The suggestion written like the typed word: "ECOWSA" → "ECOWAS", "Afganistan" → "Afghanistan". */
function inCaseOf(typed: string, word: string): string {
  const letters = typed.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toLocaleUpperCase('en')) return word.toLocaleUpperCase('en');
  if (/^\p{Lu}/u.test(letters)) return word.charAt(0).toLocaleUpperCase('en') + word.slice(1);
  return word;
}

export interface QuerySuggestion {
  /** The query with each unknown word replaced by its suggestion, as it will be searched and shown. */
  query: string;
  /** The words replaced, for "Showing results for …". */
  replaced: Array<{ from: string; to: string }>;
}

/**
 * The query with every word the index does not have replaced by the closest word it has. Undefined when every
 * word is known or no unknown word has a close match. Words are kept as typed otherwise (quotes included).
 * The vocabulary lists whole words; Pagefind also matches the start of a word and word stems, so the caller says
 * which words Pagefind really found nothing for (`unknown`).
 */
export function suggestQuery(
  query: string,
  vocabulary: Vocabulary,
  /** Only these (normalized) words may be replaced; default: every word the vocabulary lacks. */
  unknown?: ReadonlySet<string>,
): QuerySuggestion | undefined {
  const replaced: QuerySuggestion['replaced'] = [];
  const parts = query.trim().split(/(\s+)/u);
  const out = parts.map((part) => {
    if (/^\s*$/u.test(part)) return part;
    const [, open = '', core = '', close = ''] = /^(["“”'‘]*)(.*?)(["“”'’]*)$/u.exec(part) ?? [];
    const word = normalizeWord(core);
    if (!isSpellable(word) || vocabulary.has(word) || (unknown && !unknown.has(word))) return part;
    const suggestion = suggestWord(word, vocabulary);
    if (!suggestion) return part;
    const shown = inCaseOf(core, suggestion);
    replaced.push({ from: core, to: shown });
    return `${open}${shown}${close}`;
  });
  if (replaced.length === 0) return undefined;
  return { query: out.join(''), replaced };
}
