import type { PagefindApi } from '../../lib/search/pagefind-types';
import { RANKING } from '../../lib/search/ranking';
import { makeVocabulary, type Vocabulary } from '../../lib/search/spelling';
import { parseVocabulary, VOCABULARY_PATH } from '../../lib/search/vocabulary';

/**
 * Loads Pagefind the first time it is needed (a query in the URL, or the reader focusing the search box), never
 * on pages that do not search. Its index chunks then load per query.
 */
let pagefind: Promise<PagefindApi> | undefined;

/** Whether Pagefind has been asked for (so showing the catalogue's filter totals costs nothing more). */
export function pagefindRequested(): boolean {
  return pagefind !== undefined;
}

export function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const path = '/pagefind/pagefind.js';
    const api = (await import(/* @vite-ignore */ path)) as PagefindApi;
    await api.options({ ranking: RANKING, excerptLength: 26 });
    await api.init?.();
    return api;
  })();
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The spelling vocabulary: fetched once, and only when a query finds nothing. */
let vocabulary: Promise<Vocabulary | undefined> | undefined;

export function loadVocabulary(): Promise<Vocabulary | undefined> {
  vocabulary ??= fetch(VOCABULARY_PATH)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
    .then((json) => makeVocabulary(parseVocabulary(json)))
    .catch(() => {
      vocabulary = undefined;
      return undefined;
    });
  return vocabulary;
}
