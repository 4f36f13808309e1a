/**
 * How search text is cut into words, kept the same everywhere: the index-time expansion (expand.ts), the
 * vocabulary written at build time (vocabulary.ts) and the spelling help in the browser (spelling.ts).
 *
 * It follows what Pagefind 1.5 does with a query (measured, see tests/unit/search-text.test.ts): lower case, and
 * every punctuation character removed from inside a word, so "re-trafficking" → "retrafficking", "COVID-19" →
 * "covid19", "U.S." → "us", "8.7" → "87". Accents are folded ("Türkiye" → "turkiye") because Pagefind matches
 * "cafe" with "café" by default and a suggestion should too. Pure and dependency-free (it ships to the browser).
 */

/** Punctuation Pagefind drops from a query (all of \p{P} except connectors such as "_"). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const COMBINING_MARKS = /\p{M}/gu;
/** Possessive endings, removed before punctuation so "IOM's" is the word "IOM". */
const POSSESSIVE = /['’]s$/i;

/** Plain letters and digits only: nothing to strip or fold (most words; the fast path at build time). */
const PLAIN = /^[A-Za-z0-9]*$/;

/** One word as Pagefind would search for it, or "" when nothing is left (a dash on its own). */
export function normalizeWord(raw: string): string {
  return stripWord(raw).toLowerCase();
}

/** The same without lower-casing: for telling an acronym ("US", "ILO") from an ordinary word ("us", "Ilo"). */
export function stripWord(raw: string): string {
  if (PLAIN.test(raw)) return raw;
  return raw.replace(POSSESSIVE, '').normalize('NFKD').replace(COMBINING_MARKS, '').replace(PUNCTUATION, '');
}

/** Text cut on white space into words as Pagefind searches for them (empty ones dropped). */
export function words(text: string): string[] {
  return text
    .split(/\s+/u)
    .map(normalizeWord)
    .filter((w) => w !== '');
}

/**
 * The words a piece of text makes findable: each word whole, and for a word joined by hyphens or slashes
 * ("counter-trafficking", "and/or") also its parts, as Pagefind's indexer does.
 */
export function indexWords(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/\s+/u)) {
    const whole = normalizeWord(chunk);
    if (whole === '') continue;
    out.push(whole);
    if (/[-‐‑‒–—/]/u.test(chunk)) {
      for (const part of chunk.split(/[-‐‑‒–—/]+/u)) {
        const w = normalizeWord(part);
        if (w !== '' && w !== whole) out.push(w);
      }
    }
  }
  return out;
}

/** True when the word is something a reader might misspell: letters, at least three of them. */
export function isSpellable(word: string): boolean {
  return word.length >= 3 && /^\p{L}+$/u.test(word);
}

/**
 * Prefixes written joined, hyphenated or apart ("counter-trafficking", "countertrafficking", "counter trafficking").
 * Pagefind finds "re-trafficking" by "retrafficking" (it indexes the word whole and in parts), but ranks a query
 * written apart ("re trafficking") as two unrelated words. So expand.ts adds the joined word when an entry writes
 * the prefix apart, and the search page searches the joined word when a query does and the index has it.
 */
export const COMPOUND_PREFIXES: ReadonlySet<string> = new Set([
  'anti', 'counter', 're', 'co', 'cross', 'non', 'post', 'pre', 'inter', 'multi', 'self', 'cyber', 'sub',
]);

/**
 * Words that say nothing about a subject: question words, articles, prepositions, auxiliaries. The search page
 * leaves them out of a query (Pagefind matches every query word as a prefix, so "in" would find "increasing" and
 * send a reader to the wrong section of a long text), unless the query is nothing else or is a quoted phrase.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before', 'being',
  'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does', 'during', 'each', 'either', 'for', 'from',
  'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'may', 'me', 'might', 'must', 'my',
  'no', 'nor', 'not', 'of', 'on', 'or', 'other', 'our', 'shall', 'should', 'so', 'some', 'such', 'than', 'that',
  'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'to', 'under', 'upon', 'us', 'was',
  'we', 'were', 'what', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will',
  'with', 'within', 'would', 'you', 'your',
]);

/** Words of this many letters or fewer are searched as whole words only ("UN" must not find "unaccompanied"). */
const SHORT_WORD = 2;

export interface QueryPlan {
  /** What Pagefind searches (prefix matching): the query without stop words and short words. */
  term: string;
  /** Short words kept ("UN", "EU", "5"), each required as a whole word (an exact search). */
  exact: string[];
  /** The words searched, as typed: what "how many of the words" counts. */
  words: string[];
  /** Stop words left out, as typed (for saying so). */
  dropped: string[];
}

/**
 * How a query is searched. A quoted phrase is searched as typed. Otherwise stop words are left out (an acronym in
 * capitals, "US", is not a stop word), and short words become whole-word conditions. A query of stop words only
 * ("who") is searched as typed.
 */
export function planQuery(q: string): QueryPlan {
  const typed = q.trim();
  if (/["“”]/u.test(typed)) return { term: typed, exact: [], words: typed === '' ? [] : [typed], dropped: [] };
  const kept: string[] = [];
  const exact: string[] = [];
  const dropped: string[] = [];
  for (const raw of typed.split(/\s+/u)) {
    const exactForm = stripWord(raw);
    const word = exactForm.toLowerCase();
    if (word === '') continue;
    const acronym = (exactForm.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
    if (STOP_WORDS.has(word) && !acronym) dropped.push(raw);
    else if (word.length <= SHORT_WORD) exact.push(raw);
    else kept.push(raw);
  }
  if (kept.length === 0 && exact.length === 0) {
    const all = typed.split(/\s+/u).filter((w) => normalizeWord(w) !== '');
    return { term: typed, exact: [], words: all, dropped: [] };
  }
  return { term: kept.join(' '), exact, words: [...kept, ...exact], dropped };
}
