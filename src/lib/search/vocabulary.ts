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

interface WordCount {
  word: string;
  /** Pages the word occurs in. */
  pages: number;
  /** The last page counted (addPage's running number), so that a word is counted once per page. */
  lastPage: number;
}

/** Counts in how many pages each word occurs. */
export class VocabularyBuilder {
  private readonly counts = new Map<string, WordCount>();
  /**
   * The counters of the spellable words in each distinct chunk of text (a word as written, between spaces), worked
   * out once: the same words recur on every page, and cutting and looking them up again was most of this class's
   * time at 10,000 pages.
   */
  private readonly chunks = new Map<string, readonly WordCount[]>();
  private page = 0;

  /** One page's indexed text (body and hidden expansion). */
  addPage(...texts: string[]): void {
    const page = ++this.page;
    for (const text of texts) {
      for (const chunk of text.split(/\s+/u)) {
        for (const count of this.countsOf(chunk)) {
          if (count.lastPage === page) continue;
          count.lastPage = page;
          count.pages += 1;
        }
      }
    }
  }

  private countsOf(chunk: string): readonly WordCount[] {
    let found = this.chunks.get(chunk);
    if (found === undefined) {
      found = indexWords(chunk)
        .filter(isSpellable)
        .map((word) => {
          let count = this.counts.get(word);
          if (!count) this.counts.set(word, (count = { word, pages: 0, lastPage: 0 }));
          return count;
        });
      this.chunks.set(chunk, found);
    }
    return found;
  }

  get size(): number {
    return this.counts.size;
  }

  toFile(): VocabularyFile {
    const words = [...this.counts.values()]
      .sort((a, b) => b.pages - a.pages || (a.word < b.word ? -1 : 1))
      .map(({ word }) => word);
    return { version: 1, words };
  }
}

export function parseVocabulary(json: unknown): string[] {
  const file = json as Partial<VocabularyFile> | null;
  if (!file || file.version !== 1 || !Array.isArray(file.words)) throw new Error('Unexpected vocabulary file');
  return file.words.filter((w): w is string => typeof w === 'string');
}
