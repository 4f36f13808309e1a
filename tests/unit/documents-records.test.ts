import { describe, expect, it } from 'vitest';
import { documentPageHref, documentPageRecords, documentsDirFor, type DocumentOwner } from '../../src/lib/documents/records';
import { entrySchema } from '../../src/lib/schema/entry';

const publication = (extra: Record<string, unknown>): DocumentOwner => ({
  slug: 'labour-inspection-manual',
  data: entrySchema.parse({
    title: 'Labour Inspection Manual',
    year: 2019,
    country: ['JO'],
    category: 'manual',
    summary: 'A manual.',
    source: ['editor'],
    added: '2026-12-01',
    ...extra,
  }),
});

describe('documentPageHref', () => {
  it("opens the site's copy at the page when the document may be published", () => {
    const p = publication({ document: 'manual.pdf', document_redistributable: true, link: 'https://example.org/m.pdf' });
    expect(documentPageHref(p, 112)).toBe('/documents/manual.pdf#page=112');
  });
  it("opens the publisher's copy at the page when it may not", () => {
    expect(documentPageHref(publication({ document: 'manual.pdf', link: 'https://example.org/m.pdf' }), 3)).toBe(
      'https://example.org/m.pdf#page=3',
    );
  });
  it('has nowhere to open when the file is not published and there is no link', () => {
    expect(documentPageHref(publication({ document: 'manual.pdf' }), 3)).toBeUndefined();
  });
  it('gives a text file no page fragment (browsers do not page plain text)', () => {
    expect(documentPageHref(publication({ document: 'manual.txt', document_redistributable: true }), 2)).toBe('/documents/manual.txt');
  });
});

describe('documentPageRecords', () => {
  it('makes one record per page with text, with the page number, the record and the publication’s filters', () => {
    const p = publication({ document: 'manual.pdf', document_redistributable: true });
    const records = documentPageRecords(p, ['Cover', '', 'Indicators of forced labour']);
    expect(records.map((r) => [r.url, r.meta.page, r.content])).toEqual([
      ['/documents/manual.pdf#page=1', '1', 'Cover'],
      ['/documents/manual.pdf#page=3', '3', 'Indicators of forced labour'],
    ]);
    expect(records[0]!.filters).toMatchObject({ document: ['labour-inspection-manual'], country: ['Jordan'], year: ['2019'], category: ['Manual'] });
    expect(records[0]!.meta).toMatchObject({ title: 'Labour Inspection Manual', record: '/publications/labour-inspection-manual/', online: 'yes' });
    // The publication's sort value: its year, then its slug (state.ts `sortValues`).
    expect(records[0]!.sort).toEqual({ year: '2019 labour-inspection-manual' });
  });
  it('keeps each page its own result when the document is not online', () => {
    const records = documentPageRecords(publication({ document: 'manual.pdf' }), ['a', 'b']);
    expect(records.map((r) => r.url)).toEqual([
      '/publications/labour-inspection-manual/#document-page-1',
      '/publications/labour-inspection-manual/#document-page-2',
    ]);
    expect(records[0]!.meta.online).toBe('no');
  });
});

describe('documentsDirFor', () => {
  it('is the documents folder beside the entries folder', () => {
    expect(documentsDirFor('content/publications')).toBe('content/documents');
    expect(documentsDirFor('tests/fixtures/site/publications')).toBe('tests/fixtures/site/documents');
  });
});
