import { describe, expect, it } from 'vitest';
import { canonicalSpelling, searchExpansion, spellingVariants, synonymMatches } from '../../src/lib/search/expand';
import {
  decodeEntities,
  htmlToText,
  indexedDocument,
  indexedText,
  withExpansion,
  withoutFieldList,
  withoutTexts,
} from '../../src/lib/search/page-text';
import { editDistance, makeVocabulary, suggestQuery, suggestWord } from '../../src/lib/search/spelling';
import { SYNONYMS } from '../../src/lib/search/synonyms';
import { indexWords, normalizeWord, words } from '../../src/lib/search/text';
import { VocabularyBuilder, parseVocabulary } from '../../src/lib/search/vocabulary';

describe('words as Pagefind searches them', () => {
  it('drops punctuation inside words and lower-cases, as Pagefind 1.5 does with a query', () => {
    expect(normalizeWord('re-trafficking')).toBe('retrafficking');
    expect(normalizeWord('COVID-19')).toBe('covid19');
    expect(normalizeWord('8.7')).toBe('87');
    expect(normalizeWord('U.S.')).toBe('us');
    expect(normalizeWord('IOM’s')).toBe('iom');
    expect(normalizeWord('Türkiye')).toBe('turkiye');
    expect(normalizeWord('—')).toBe('');
    expect(words('SDG 8.7, “Alliance” —')).toEqual(['sdg', '87', 'alliance']);
  });

  it('indexes a hyphenated word whole and in parts', () => {
    expect(indexWords('counter-trafficking and/or')).toEqual(['countertrafficking', 'counter', 'trafficking', 'andor', 'and', 'or']);
  });
});

describe('spelling variants', () => {
  it('pairs US and UK spellings, with endings', () => {
    expect(spellingVariants('labour')).toEqual(['labor']);
    expect(spellingVariants('labor')).toEqual(['labour']);
    expect(spellingVariants('labourers')).toEqual(['laborers']);
    expect(spellingVariants('programmes')).toEqual(['programs']);
    expect(spellingVariants('centre')).toEqual(['center']);
    expect(spellingVariants('defence')).toEqual(['defense']);
    expect(spellingVariants('centred')).toEqual(['centered']);
    expect(spellingVariants('centering')).toEqual(['centring']);
    expect(spellingVariants('licensed')).toEqual(['licenced']);
    expect(spellingVariants('catalogued')).toEqual(['cataloged']);
  });

  it('swaps -ise and -ize, -isation and -ization, -yse and -yze', () => {
    expect(spellingVariants('organised')).toEqual(['organized']);
    expect(spellingVariants('organization')).toEqual(['organisation']);
    expect(spellingVariants('criminalisation')).toEqual(['criminalization']);
    expect(spellingVariants('analyse')).toEqual(['analyze']);
    expect(spellingVariants('recognizing')).toEqual(['recognising']);
  });

  it('leaves alone words that only look like it', () => {
    for (const word of ['laboratory', 'exercise', 'enterprise', 'advertising', 'size', 'raised', 'citizen', 'promise', 'crisis', 'analysis']) {
      expect(spellingVariants(word), word).toEqual([]);
    }
  });

  it('compares names in one spelling', () => {
    expect(canonicalSpelling('labour')).toBe('labor');
    expect(canonicalSpelling('organisation')).toBe('organization');
    expect(canonicalSpelling('organization')).toBe('organization');
  });
});

describe('the synonym table', () => {
  it('has each name once (in two groups, a name would expand to two unrelated things)', () => {
    const seen = new Map<string, number>();
    SYNONYMS.forEach((group, i) => {
      for (const name of group.names) {
        const key = words(name).join(' ');
        expect(seen.get(key), `"${name}" is in groups ${seen.get(key)} and ${i}`).toBeUndefined();
        seen.set(key, i);
      }
    });
  });

  it('covers the organisations the issue names, each with its full name', () => {
    for (const acronym of ['IOM', 'UNODC', 'ICAT', 'CFR', 'OSCE', 'UNHCR', 'ILO', 'UNICEF', 'UN Women', 'ODIHR', 'EU']) {
      const group = SYNONYMS.find((g) => g.names.includes(acronym));
      expect(group, acronym).toBeDefined();
      expect(group!.names.length, acronym).toBeGreaterThan(1);
    }
  });
});

describe('index-time expansion', () => {
  it('adds the full name for an acronym and the acronym for a full name', () => {
    expect(searchExpansion('A toolkit by UNODC for prosecutors')).toContain('United Nations Office on Drugs and Crime');
    expect(searchExpansion('Published by the International Organization for Migration')).toContain('IOM');
    expect(searchExpansion('The Organisation for Security and Co-operation in Europe')).toContain('OSCE');
    expect(searchExpansion('UN Women and partners')).toContain('United Nations Entity for Gender Equality and the Empowerment of Women');
  });

  it('matches acronyms only in capitals', () => {
    expect(searchExpansion('Let us talk about a tip')).not.toContain('United States');
    expect(searchExpansion('Policy of the U.S. government')).toContain('United States of America');
    expect(synonymMatches('un jour').size).toBe(0);
  });

  it('adds other names of places, and needs a whole name', () => {
    expect(searchExpansion('Forced labour in Burma')).toContain('Myanmar');
    // Words are worked out once per build and reused: the second page with the same words gets the same answer.
    expect(searchExpansion('Forced labour in Burma')).toEqual(searchExpansion('Forced labour in Burma'));
    expect(searchExpansion('Countries: Congo - Kinshasa')).toContain('Democratic Republic of the Congo');
    expect(searchExpansion('Central America and the Caribbean')).not.toContain('United States');
  });

  it('adds the other spelling of words, and joined forms', () => {
    const added = searchExpansion('Forced labor by organized groups; counter trafficking; SDG 8.7; COVID 19');
    expect(added).toEqual(expect.arrayContaining(['labour', 'organised', 'countertrafficking', 'sdg87', 'covid19']));
    expect(searchExpansion('A victim-centred approach')).toEqual(expect.arrayContaining(['centered', 'victimcentered']));
  });

  it('adds nothing the text already has', () => {
    const added = searchExpansion('The ILO (International Labour Organization) on labour and labor');
    expect(added).not.toContain('ILO');
    expect(added).not.toContain('labor');
    expect(added).not.toContain('labour');
    expect(added).toContain('International Labour Office');
  });
});

describe('page text', () => {
  const page =
    '<html><body><header>Site search</header><article data-pagefind-body><h1>A &amp; B&#39;s <b>title</b></h1>' +
    '<p>Body</p><ul><li>Source listing: part B: IOM, UNHCR, UN, …</li></ul></article><footer>x</footer></body></html>';

  it('reads only the indexed article, as text', () => {
    expect(indexedText(page)).toBe("A & B's title Body Source listing: part B: IOM, UNHCR, UN, …");
    expect(indexedText('<html><body><p>no body</p></body></html>')).toBeUndefined();
    expect(htmlToText('<script>var a = "<b>";</script>x<style>p{}</style>')).toBe('x');
    expect(decodeEntities('&lt;&#x27;&#8217;&nbsp;&unknown;')).toBe("<'’ &unknown;");
  });

  it('adds the expansion as hidden, escaped metadata inside the article', () => {
    const out = withExpansion(page, ['IOM', 'A <b> & "c"']);
    expect(out).toContain(
      '<div hidden data-pagefind-ignore><span data-pagefind-meta="aka">IOM · A &lt;b&gt; &amp; &quot;c&quot;</span></div></article>',
    );
    expect(withExpansion(page, [])).toBe(page);
  });

  it('hands Pagefind the indexed article alone, and refuses a page with Pagefind attributes outside it', () => {
    const article = page.slice(page.indexOf('<article'), page.indexOf('</article>') + '</article>'.length);
    expect(indexedDocument(page)).toBe(`<!doctype html><html><body>${article}</body></html>`);
    expect(indexedText(indexedDocument(page)!)).toBe(indexedText(page));
    expect(indexedDocument('<html><body><p>no body</p></body></html>')).toBeUndefined();
    const stray = page.replace('<footer>', '<footer data-pagefind-filter="region">');
    expect(() => indexedDocument(stray)).toThrow(/"data-pagefind-filter" is outside the page's <article data-pagefind-body>/);
  });

  it('removes given texts (provenance labels) from the article only', () => {
    const out = withoutTexts(page, ['Source listing: part B: IOM, UNHCR, UN, …']);
    expect(indexedText(out)).toBe("A & B's title Body");
    expect(out).toContain('<footer>x</footer>');
  });

  it("hands Pagefind the article without the record's field list, which it is told to skip anyway", () => {
    const article =
      '<article data-pagefind-body><h1 data-pagefind-meta="title">T</h1><dl class="fields"><dt>Country</dt>' +
      '<dd><a href="/countries/jo/">Jordan</a></dd></dl><p>Summary</p><dl><dt>Other</dt><dd>kept</dd></dl></article>';
    expect(withoutFieldList(article)).toBe(
      '<article data-pagefind-body><h1 data-pagefind-meta="title">T</h1><p>Summary</p><dl><dt>Other</dt><dd>kept</dd></dl></article>',
    );
  });
});

describe('spelling suggestions', () => {
  it('counts a swap of two letters as one edit, and stops past the limit', () => {
    expect(editDistance('unocd', 'unodc')).toBe(1);
    expect(editDistance('trafficing', 'trafficking')).toBe(1);
    expect(editDistance('labuor', 'labour')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  const vocabulary = makeVocabulary(['trafficking', 'persons', 'labour', 'labor', 'unodc', 'smuggling', 'migrants', 'trafficked', 'person']);

  it('suggests the closest known word, the more frequent among equals', () => {
    expect(suggestWord('trafficing', vocabulary)).toBe('trafficking');
    expect(suggestWord('labuor', vocabulary)).toBe('labour');
    expect(suggestWord('unocd', vocabulary)).toBe('unodc');
    expect(suggestWord('zebra', vocabulary)).toBeUndefined();
  });

  it('rewrites only the unknown words of a query, keeping quotes', () => {
    expect(suggestQuery('traficking in pesons', vocabulary)).toEqual({
      query: 'trafficking in persons',
      replaced: [
        { from: 'traficking', to: 'trafficking' },
        { from: 'pesons', to: 'persons' },
      ],
    });
    expect(suggestQuery('"smugling of migrants"', vocabulary)?.query).toBe('"smuggling of migrants"');
    expect(suggestQuery('trafficking persons', vocabulary)).toBeUndefined();
    expect(suggestQuery('UNOCD Labuor', vocabulary)?.query).toBe('UNODC Labour');
    expect(suggestQuery('smugling pesons', vocabulary, new Set(['pesons']))?.query).toBe('smugling persons');
  });
});

describe('the vocabulary file', () => {
  it('lists spellable words by the number of pages they are on', () => {
    const builder = new VocabularyBuilder();
    builder.addPage('Forced labour in fishing', 'labor');
    builder.addPage('Labour migration, labour rights 2023');
    const file = builder.toFile();
    expect(file.words.slice(0, 1)).toEqual(['labour']);
    expect(file.words).toEqual(expect.arrayContaining(['forced', 'fishing', 'labor', 'migration', 'rights']));
    expect(file.words).not.toContain('2023');
    expect(file.words).not.toContain('in');
    expect(parseVocabulary(JSON.parse(JSON.stringify(file)))).toEqual(file.words);
    expect(() => parseVocabulary({ words: 'x' })).toThrow();
  });

  it('counts a word once per page however often the page repeats it', () => {
    const builder = new VocabularyBuilder();
    builder.addPage('trafficking trafficking trafficking', 'trafficking');
    builder.addPage('labour');
    builder.addPage('Labour, labour!');
    expect(builder.toFile().words.slice(0, 2)).toEqual(['labour', 'trafficking']);
  });
});
