import { SPELLING_VARIANTS, SYNONYMS, VARIANT_ENDINGS, type SynonymGroup } from './synonyms';
import { COMPOUND_PREFIXES, indexWords, normalizeWord, stripWord } from './text';

/**
 * Index-time expansion: the words and names an entry does not use but a reader may type for it. Each publication
 * page carries them as a hidden, searchable metadata field (`aka`, SearchData.astro), never shown on the page or in
 * excerpts. Three kinds:
 *
 * 1. synonyms: when the text names something in the synonym table, every other name of it ("IOM" ↔ "International
 *    Organization for Migration", "Burma" ↔ "Myanmar", "smuggling of migrants" ↔ "migrant smuggling");
 * 2. spelling variants: the other spelling of every US/UK word it uses ("labor" ↔ "labour", "organized" ↔
 *    "organised", "programme" ↔ "program");
 * 3. joined forms: "counter trafficking" → "countertrafficking"; "SDG 8.7" → "sdg87"; "COVID 19" → "covid19"
 *    (Pagefind drops the punctuation of a query, so "SDG8.7" is searched as "sdg87").
 *
 * Pure: text in, words out, so it is unit-tested without building a site.
 */

// ---------------------------------------------------------------------------------------------------------------
// Spelling variants

const ISE_ONLY = new Set([
  'exercise', 'enterprise', 'expertise', 'advertise', 'otherwise', 'franchise', 'merchandise', 'compromise',
  'supervise', 'revise', 'devise', 'promise', 'premise', 'surprise', 'comprise', 'improvise', 'televise', 'chastise',
  'despise', 'disguise', 'paradise', 'concise', 'precise', 'demise', 'praise', 'cruise', 'treatise', 'excise',
  'incise', 'circumcise', 'reprise', 'apprise', 'clockwise', 'likewise', 'noise', 'poise', 'raise', 'arise',
  'rise', 'wise', 'size', 'seize', 'prize', 'baptize', 'capsize', 'belize', 'citizen',
]);
const IZE = /^(\p{L}{3,})i([sz])(e|es|ed|ing|ation|ations|ational|er|ers)$/u;
const YZE = /^(\p{L}{3,})y([sz])(e|es|ed|ing|er|ers)$/u;

/** "centre" + "ed" → "centred", "licence" + "ing" → "licencing", "labour" + "ed" → "laboured". */
function withEnding(base: string, ending: string): string {
  return base.endsWith('e') && /^[aeiou]/u.test(ending) ? base.slice(0, -1) + ending : base + ending;
}

const US_TO_UK = new Map<string, string>();
const UK_TO_US = new Map<string, string>();
for (const [us, uk] of SPELLING_VARIANTS) {
  for (const ending of VARIANT_ENDINGS) {
    const usWord = normalizeWord(withEnding(us, ending));
    const ukWord = normalizeWord(withEnding(uk, ending));
    if (usWord === ukWord) continue;
    US_TO_UK.set(usWord, ukWord);
    UK_TO_US.set(ukWord, usWord);
  }
}

/** The -ise and -ize forms of a word that has them ("organised" → ["organised", "organized"]), or undefined. */
function iseIze(word: string): { s: string; z: string } | undefined {
  const m = IZE.exec(word) ?? (/(al|ol)y[sz]/u.test(word) ? YZE.exec(word) : null);
  if (!m) return undefined;
  const vowel = m[0]!.charAt(m[1]!.length);
  if (ISE_ONLY.has(`${m[1]}${vowel}se`) || ISE_ONLY.has(`${m[1]}${vowel}ze`)) return undefined;
  return { s: `${m[1]}${vowel}s${m[3]}`, z: `${m[1]}${vowel}z${m[3]}` };
}

/** Words recur across thousands of pages: each is worked out once per build. */
const VARIANTS = new Map<string, string[]>();
const CANONICAL = new Map<string, string>();

/** The other spellings of a (normalized) word: "labour" → ["labor"], "organised" → ["organized"], "cat" → []. */
export function spellingVariants(word: string): string[] {
  let variants = VARIANTS.get(word);
  if (!variants) {
    const listed = US_TO_UK.get(word) ?? UK_TO_US.get(word);
    const forms = listed ? undefined : iseIze(word);
    variants = listed ? [listed] : forms ? [forms.s === word ? forms.z : forms.s] : [];
    VARIANTS.set(word, variants);
  }
  return variants;
}

/** One spelling for comparing names: the US one ("labour" → "labor", "organisation" → "organization"). */
export function canonicalSpelling(word: string): string {
  let canonical = CANONICAL.get(word);
  if (canonical === undefined) {
    canonical = UK_TO_US.get(word) ?? iseIze(word)?.z ?? word;
    CANONICAL.set(word, canonical);
  }
  return canonical;
}

// ---------------------------------------------------------------------------------------------------------------
// Synonyms

export interface Token {
  /** The word as written ("co-operation", "U.S."). */
  raw: string;
  /** Punctuation removed, case kept ("U.S." → "US"), for acronyms. */
  exact: string;
  /** Punctuation removed, lower case ("us"): the word as Pagefind indexes it. */
  lower: string;
  /** Lower case, US spelling, for everything else. */
  canonical: string;
  /** Written with two or more capitals (see isAcronym). */
  acronym: boolean;
  /** Joined by hyphens or slashes: Pagefind also indexes its parts. */
  hyphenated: boolean;
}

const HYPHENS = /[-‐‑‒–—/]/u;

/**
 * Each distinct word as written, worked out once per build: the same few tens of thousands recur across every
 * page, and working them out again was most of the expansion's time (bench/analysis.md). Null: nothing left once
 * punctuation is removed.
 */
const TOKENS = new Map<string, Token | null>();

function token(raw: string): Token | null {
  let found = TOKENS.get(raw);
  if (found === undefined) {
    const exact = stripWord(raw);
    const lower = exact.toLowerCase();
    found =
      exact === ''
        ? null
        : { raw, exact, lower, canonical: canonicalSpelling(lower), acronym: isAcronym(exact), hyphenated: HYPHENS.test(raw) };
    TOKENS.set(raw, found);
  }
  return found;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const raw of text.split(/\s+/u)) {
    const found = token(raw);
    if (found) out.push(found);
  }
  return out;
}

/** A word written with two or more capitals ("US", "ILO", "CoE", "SDGs") only matches itself in capitals. */
function isAcronym(exact: string): boolean {
  return (exact.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

export interface CompiledName {
  name: string;
  words: Token[];
}
export interface CompiledGroup {
  group: SynonymGroup;
  names: CompiledName[];
}

/** Synonym groups made ready for a single pass over a text: every name, keyed by its first word. */
export type CompiledSynonyms = Map<string, Array<{ group: CompiledGroup; name: CompiledName }>>;

export function compileSynonyms(groups: readonly SynonymGroup[]): CompiledSynonyms {
  const byFirstWord: CompiledSynonyms = new Map();
  for (const group of groups) {
    const compiled: CompiledGroup = { group, names: group.names.map((name) => ({ name, words: tokens(name) })) };
    for (const name of compiled.names) {
      const first = name.words[0];
      if (!first) continue;
      const list = byFirstWord.get(first.canonical) ?? [];
      list.push({ group: compiled, name });
      byFirstWord.set(first.canonical, list);
    }
  }
  return byFirstWord;
}

/** The hand-kept table (synonyms.ts). */
const TABLE = compileSynonyms(SYNONYMS);

function matchesAt(text: Token[], at: number, name: CompiledName): boolean {
  if (at + name.words.length > text.length) return false;
  return name.words.every((word, k) => {
    const token = text[at + k]!;
    return word.acronym ? token.exact === word.exact : token.canonical === word.canonical;
  });
}

/** The synonym groups a text names, each with the names it uses. */
export function synonymMatches(text: string | Token[], synonyms: CompiledSynonyms = TABLE): Map<SynonymGroup, Set<string>> {
  const found = new Map<SynonymGroup, Set<string>>();
  const list = typeof text === 'string' ? tokens(text) : text;
  for (let i = 0; i < list.length; i++) {
    for (const { group, name } of synonyms.get(list[i]!.canonical) ?? []) {
      if (!matchesAt(list, i, name)) continue;
      const used = found.get(group.group) ?? new Set<string>();
      used.add(name.name);
      found.set(group.group, used);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// The expansion

/**
 * The hidden words for a publication's text: other names of what it names, other spellings of its words, joined
 * forms. Each once, none the text already has (as a whole name or word).
 */
export function searchExpansion(text: string, synonyms: CompiledSynonyms = TABLE): string[] {
  const list = tokens(text);
  const out = new Set<string>();
  for (const [group, used] of synonymMatches(list, synonyms)) {
    for (const name of group.names) if (!used.has(name)) out.add(name);
  }

  // The words Pagefind indexes: each whole, and the parts of a hyphenated one (as indexWords does).
  const present = new Set<string>();
  const hyphenated: Token[] = [];
  for (const token of list) {
    present.add(token.lower);
    if (token.hyphenated) {
      hyphenated.push(token);
      for (const part of indexWords(token.raw)) present.add(part);
    }
  }
  for (const word of present) {
    for (const variant of spellingVariants(word)) if (!present.has(variant)) out.add(variant);
  }
  // "victim-centred" is indexed as "victimcentred" too: add "victimcentered" for a query typed "victim-centered".
  for (const token of hyphenated) {
    const parts = token.raw.split(/[-‐‑]+/u).map(normalizeWord);
    if (parts.length < 2 || parts.some((p) => p === '')) continue;
    const swapped = parts.map((p) => spellingVariants(p)[0] ?? p);
    if (swapped.some((p, i) => p !== parts[i])) out.add(swapped.join(''));
  }

  for (let i = 0; i + 1 < list.length; i++) {
    const here = list[i]!;
    const next = list[i + 1]!;
    if (COMPOUND_PREFIXES.has(here.lower) && /^\p{L}{3,}$/u.test(next.lower)) out.add(here.lower + next.lower);
    if (here.acronym && /^\p{Lu}+$/u.test(here.exact) && /^\d+$/u.test(next.exact)) out.add(here.lower + next.lower);
  }
  return [...out].filter((term) => !present.has(normalizeWord(term)));
}
