import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayTitle, type Publication } from '../../src/lib/catalogue';
import { toBibTeX } from '../../src/lib/cite/bibtex';
import { coinsContextObject } from '../../src/lib/cite/coins';
import { itemLanguage, toCslJson } from '../../src/lib/cite/csl';
import { itemKind } from '../../src/lib/cite/kind';
import { classifyAuthors } from '../../src/lib/cite/names';
import { displayPublisher, recordUrl } from '../../src/lib/cite/record';
import { RIS_NAME_COMMA, toRIS } from '../../src/lib/cite/ris';
import { readCataloguePublications, readFixturePublications } from '../support/fixture-publications';
import { readBibtex, readCoins, readCslJson, readRis, type ZoteroCreator, type ZoteroItem } from '../support/zotero-rules';

/**
 * Every record of the real catalogue and of the fixtures, as Zotero's translators read our page markup (COinS)
 * and our RIS, BibTeX and CSL-JSON downloads (the rules are in tests/support/zotero-rules.ts): the same item type
 * everywhere, organisations as one-field creators and persons split, no date or language the record lacks, the
 * publisher, the URL and the summary as abstract.
 */
const catalogue: Publication[] = await readCataloguePublications();
const fixtures = readFixturePublications();
const all = [...catalogue, ...fixtures];

function expectedCreators(publication: Publication, corporate = (name: string) => name): ZoteroCreator[] {
  return classifyAuthors(publication.data.authors).map((a) =>
    a.kind === 'organization' ? { lastName: corporate(a.name), fieldMode: 1 } : { lastName: a.family, firstName: a.given },
  );
}

function expectRecord(item: ZoteroItem | undefined, publication: Publication, format: string, overrides: Partial<ZoteroItem> = {}) {
  const { data } = publication;
  const where = `${publication.slug} (${format})`;
  expect(item, where).toBeDefined();
  expect(item!.itemType, where).toBe(itemKind(data.category));
  expect(item!.title, where).toBe(displayTitle(data));
  expect(item!.creators, where).toEqual(overrides.creators ?? expectedCreators(publication));
  expect(item!.date, where).toBe(data.year === undefined ? undefined : String(data.year));
  expect(item!.language, where).toBe(itemLanguage(data));
  expect(item!.publisher, where).toBe('publisher' in overrides ? overrides.publisher : displayPublisher(data));
  expect(item!.url, where).toBe(recordUrl(publication));
  expect(item!.abstractNote, where).toBe(data.summary);
}

describe('Zotero reads every record the same way from the page and from each download', () => {
  it('has the whole catalogue and the fixtures to check', () => {
    expect(catalogue.length).toBe(readdirSync('content/publications').filter((name) => name.endsWith('.md')).length);
    expect(fixtures.length).toBeGreaterThan(3);
  });

  it('COinS (the page): report/book, organisations one field in credited order, no date or language it lacks', () => {
    for (const publication of all) expectRecord(readCoins(coinsContextObject(publication)), publication, 'COinS');
  });

  it('RIS: RPRT/BOOK (never GEN), organisations with commas kept whole, PB, UR and N2', () => {
    const ris = toRIS(all);
    expect(ris).not.toMatch(/^TY {2}- GEN/m);
    const items = readRis(ris);
    expect(items).toHaveLength(all.length);
    for (const [i, publication] of all.entries()) {
      expectRecord(items[i], publication, 'RIS', {
        creators: expectedCreators(publication, (name) => name.replaceAll(',', RIS_NAME_COMMA)),
      });
    }
  });

  it('BibTeX: @techreport/@book, {Organisations} one field, institution, url and abstract', () => {
    const items = readBibtex(toBibTeX(all));
    expect(items).toHaveLength(all.length);
    for (const [i, publication] of all.entries()) {
      const firstOrganisation = classifyAuthors(publication.data.authors).find((a) => a.kind === 'organization')?.name;
      const institution = displayPublisher(publication.data) ?? (itemKind(publication.data.category) === 'report' ? firstOrganisation : undefined);
      expectRecord(items[i], publication, 'BibTeX', { publisher: institution });
    }
  });

  it('CSL-JSON: report/book, literal organisations, publisher, URL and abstract', () => {
    const items = readCslJson(toCslJson(all));
    for (const [i, publication] of all.entries()) expectRecord(items[i], publication, 'CSL-JSON');
  });
});

describe('the translator rules our markup relies on', () => {
  it('COinS: rft.aucorp is one field, rft.au "Family, Given" is split, corporate names go first in reverse order', () => {
    const item = readCoins(
      'rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=report&rft.btitle=T&rft.au=Bigio%2C%20Jamille&rft.aucorp=B%20Org&rft.aucorp=A%20Org',
    );
    expect(item?.itemType).toBe('report');
    expect(item?.creators).toEqual([
      { lastName: 'A Org', fieldMode: 1 },
      { lastName: 'B Org', fieldMode: 1 },
      { lastName: 'Bigio', firstName: 'Jamille' },
    ]);
  });

  it('COinS: book format without genre is a Book; "+" reads as a space, so our values never rely on one', () => {
    expect(readCoins('rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.btitle=C%2B%2B')).toMatchObject({ itemType: 'book', title: 'C  ' });
    for (const publication of all) expect(coinsContextObject(publication), publication.slug).not.toMatch(/%2B/i);
  });

  it('RIS: a comma splits a name (why corporate commas are written as U+201A); GEN imports as a journal article', () => {
    const [item] = readRis('TY  - GEN\r\nAU  - Institute of Social Sciences, New Delhi\r\nAU  - Walk Free Foundation\r\nER  - \r\n');
    expect(item!.itemType).toBe('journalArticle');
    expect(item!.creators).toEqual([
      { lastName: 'Institute of Social Sciences', firstName: 'New Delhi' },
      { lastName: 'Walk Free Foundation', fieldMode: 1 },
    ]);
    const [kept] = readRis(`TY  - RPRT\r\nAU  - Institute of Social Sciences${RIS_NAME_COMMA} New Delhi\r\nER  - \r\n`);
    expect(kept!.creators).toEqual([{ lastName: `Institute of Social Sciences${RIS_NAME_COMMA} New Delhi`, fieldMode: 1 }]);
  });

  it('the catalogue has organisations with commas, organisations and persons, and undated records to check', () => {
    const names = catalogue.flatMap((p) => classifyAuthors(p.data.authors));
    expect(names.filter((a) => a.kind === 'organization' && a.name.includes(',')).length).toBeGreaterThanOrEqual(3);
    expect(names.some((a) => a.kind === 'person')).toBe(true);
    expect(catalogue.filter((p) => p.data.year === undefined).length).toBeGreaterThan(50);
    expect(catalogue.filter((p) => !p.data.languages?.length && !p.data.title_language).length).toBeGreaterThan(80);
  });
});
