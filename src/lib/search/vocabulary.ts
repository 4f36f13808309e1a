import { indexWords, isSpellable } from './text';

/**
 * The spelling vocabulary: every word the search index can match (as Pagefind normalizes words), most frequent
 * first. The search-index step (build-index.ts) writes it at build time to VOCABULARY_PATH; the search page fetches it only
 * when a query finds nothing, to suggest the closest known word (spelling.ts). Not part of the first query's
 * bytes.
 */
export const VOCABULARY_PATH = '/search/vocabulary.json';
export const VOCABULARY_FILE = 'search/vocabulary.json';

export interface VocabularyFile {
  version: 1;
  /** Most frequent (by number of pages) first; ties alphabetical. */
  words: string[];
}

/** The words of one page's indexed text (body and hidden expansion) a reader might misspell, each once. */
export function pageWords(...texts: string[]): string[] {
  return [...new Set(texts.flatMap(indexWords).filter(isSpellable))];
}

/** Counts in how many pages each word occurs. */
export class VocabularyBuilder {
  private readonly pages = new Map<string, number>();

  /** One page's words (`pageWords`). */
  addPage(words: readonly string[]): void {
    for (const word of words) this.pages.set(word, (this.pages.get(word) ?? 0) + 1);
  }

  get size(): number {
    return this.pages.size;
  }

  toFile(): VocabularyFile {
    const words = [...this.pages]
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
      .map(([word]) => word);
    return { version: 1, words };
  }
}

export function parseVocabulary(json: unknown): string[] {
  const file = json as Partial<VocabularyFile> | null;
  if (!file || file.version !== 1 || !Array.isArray(file.words)) throw new Error('Unexpected vocabulary file');
  return file.words.filter((w): w is string => typeof w === 'string');
}
