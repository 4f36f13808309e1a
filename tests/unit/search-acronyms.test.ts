import { describe, expect, it } from 'vitest';
import { catalogueAcronyms, spelledOut } from '../../src/lib/search/acronyms';
import { compileSynonyms, searchExpansion } from '../../src/lib/search/expand';
import { SYNONYMS } from '../../src/lib/search/synonyms';
import { resultFile, resultSlugs, splitRecords } from '../../src/lib/search/export-results';

/** Acronyms the catalogue spells out become synonyms (issue 19), written from the catalogue's own spellings. */
describe('acronyms spelt out in the catalogue', () => {
  const at = (text: string) => spelledOut(text, text.lastIndexOf('('), /\(([^)]+)\)/.exec(text.slice(text.lastIndexOf('(')))![1]!);

  it('finds the name whose initials spell the acronym, small words inside it', () => {
    expect(at('International Secretariat of the Organization of the Black Sea Economic Cooperation (BSEC)')).toBe(
      'Black Sea Economic Cooperation',
    );
    expect(at('Council on Foreign Relations (CFR)')).toBe('Council on Foreign Relations');
    expect(at('Moldovan National Institute of Justice (NIJ)')).toBe('National Institute of Justice');
    expect(at('A Protection, Gender & Inclusion (PGI)')).toBe('Protection, Gender & Inclusion');
    expect(at('Inter-Parliamentary Union (IPU)')).toBe('Inter-Parliamentary Union');
  });

  it('leaves brackets alone when the words before do not spell them', () => {
    expect(at('Saint Lucia (LC)')).toBeUndefined();
    expect(at('Gender and Inclusion (PGI)')).toBeUndefined();
    expect(at('a guide for (NGO)')).toBeUndefined();
  });

  it('makes synonym groups beside the hand-kept table, which then expand a page in both directions', () => {
    const groups = catalogueAcronyms(
      [
        'COVID-19 Impact on Trafficking in Persons - A Protection, Gender & Inclusion (PGI) Technical Guidance Note',
        'United Nations Office on Drugs and Crime (UNODC)',
        'Council on Foreign Relations (CFR)',
        'Saint Lucia (LC)',
      ],
      SYNONYMS,
    );
    // UNODC and CFR are in the table already; LC is not an acronym of what precedes it.
    expect(groups).toEqual([{ kind: 'organisation', names: ['PGI', 'Protection, Gender & Inclusion'] }]);
    const synonyms = compileSynonyms([...SYNONYMS, ...groups]);
    expect(searchExpansion('A PGI note on forced labour', synonyms)).toContain('Protection, Gender & Inclusion');
    expect(searchExpansion('Protection, Gender & Inclusion in a crisis', synonyms)).toContain('PGI');
    // Without the catalogue's groups, the table alone does not know it.
    expect(searchExpansion('A PGI note')).not.toContain('Protection, Gender & Inclusion');
  });
});

describe('a result set cut out of the whole catalogue file', () => {
  const csv = '\uFEFFslug,title\r\na,"One, ""quoted""\r\nline"\r\nb,Two\r\nc,Three\r\n';
  const ris = 'TY  - RPRT\nID  - a\nTI  - One\nER  - \n\nTY  - BOOK\nID  - b\nTI  - Two\nER  - \n';
  const bib = '@techreport{a,\n  title = {One},\n}\n\n@book{b,\n  title = {Two},\n}\n';

  it('keeps the header and the records of the results, in the results’ order', () => {
    expect(resultFile('csv', csv, ['c', 'a']).text).toBe('\uFEFFslug,title\r\nc,Three\r\na,"One, ""quoted""\r\nline"\r\n');
    expect(resultFile('ris', ris, ['b', 'a']).text).toBe('TY  - BOOK\nID  - b\nTI  - Two\nER  - \n\nTY  - RPRT\nID  - a\nTI  - One\nER  - \n');
    expect(resultFile('bib', bib, ['b']).text).toBe('@book{b,\n  title = {Two},\n}\n');
    expect(resultFile('bib', bib, ['x'])).toEqual({ text: '', missing: 1 });
  });

  it('gives back the whole file when every record is asked for', () => {
    for (const [format, text] of [['csv', csv], ['ris', ris], ['bib', bib]] as const) {
      const all = [...splitRecords(format, text).records.keys()];
      expect(resultFile(format, text, all).text).toBe(text);
    }
  });

  it('names each result’s record, asking the page itself only where two shards share its id', async () => {
    const asked: string[] = [];
    const result = (id: string, url: string) => ({ id, data: async () => (asked.push(id), { url }) });
    const results = [
      result('en_b', '/publications/two-in-shard-1/'),
      result('en_a', '/publications/one/'),
      result('en_gone', '/publications/gone/'),
    ];
    expect(await resultSlugs(results, { en_a: 'one', en_b: null })).toEqual(['two-in-shard-1', 'one']);
    expect(asked).toEqual(['en_b']);
  });
});
