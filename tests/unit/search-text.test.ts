import { describe, expect, it } from 'vitest';
import { canonicalSpelling, searchExpansion, spellingVariants, synonymMatches } from '../../src/lib/search/expand';
import { catalogueSynonyms, htmlToText, publicationText } from '../../src/lib/search/page-text';
import type { EntryData } from '../../src/lib/schema/entry';
import { editDistance, makeVocabulary, suggestQuery, suggestWord } from '../../src/lib/search/spelling';
import { SYNONYMS } from '../../src/lib/search/synonyms';
import { indexWords, normalizeWord, words } from '../../src/lib/search/text';
import { pageWords, VocabularyBuilder, parseVocabulary } from '../../src/lib/search/vocabulary';

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

describe('publication text', () => {
  const data = {
    title: 'Forced labour in fishing',
    authors: ['International Organization for Migration (IOM)'],
    publisher: 'A & B',
    region: ['Asia'],
    country: ['TH'],
    category: 'report',
    languages: ['en'],
    year: 2019,
    summary: 'Crew members recruited through debt bondage.',
    notes: 'Reader note.',
    source: ['editor'],
  } as unknown as EntryData;

  it('is the record, the summary, the rendered body as text and the reader notes; never the sources', () => {
    const text = publicationText(data, '<h2 id="a">Debt &amp; bondage</h2><p>Boats&#x27; crews&nbsp;at sea</p>');
    for (const part of ['Forced labour in fishing', 'International Organization for Migration (IOM)', 'A & B', 'Thailand', '2019', 'debt bondage.', "Debt & bondage Boats' crews at sea", 'Reader note.']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain('editor');
    expect(publicationText(data, undefined)).not.toContain('undefined');
    expect(htmlToText('<script>var a = "<b>";</script>x<style>p{}</style>')).toBe('x');
    expect(htmlToText('&lt;&#x27;&#8217;&unknown;')).toBe("<'’&unknown;");
  });

  it("adds the acronyms the catalogue spells out to the synonym table, once per catalogue", () => {
    const entries = [{ data }];
    const synonyms = catalogueSynonyms(entries);
    expect(catalogueSynonyms(entries)).toBe(synonyms);
    const spelled = [{ data: { ...data, publisher: 'Zonal Xylophone Quorum (ZXQ)' } }];
    expect(searchExpansion('ZXQ report', catalogueSynonyms(spelled))).toContain('Zonal Xylophone Quorum');
    expect(searchExpansion('ZXQ report', synonyms)).toEqual([]);
  });
});

describe('spelling suggestions', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('unocd', 'unodc')).toBe(1);
    expect(editDistance('trafficing', 'trafficking')).toBe(1);
    expect(editDistance('labuor', 'labour')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abcdefgh', 'zzzzzzzz')).toBe(8);
    expect(editDistance('cats', 'acst')).toBe(3); // two swaps: Levenshtein's count
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
    builder.addPage(pageWords('Forced labour in fishing', 'labor'));
    builder.addPage(pageWords('Labour migration, labour rights 2023'));
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
    builder.addPage(pageWords('trafficking trafficking trafficking', 'trafficking'));
    builder.addPage(pageWords('labour'));
    builder.addPage(pageWords('Labour, labour!'));
    expect(builder.toFile().words.slice(0, 2)).toEqual(['labour', 'trafficking']);
  });
});
