import { describe, expect, it } from 'vitest';
import { addLinkIssueUrl, documentAccess, linkFileType, searchQuery } from '../../src/lib/find-a-copy';
import { makePublication, readCataloguePublications } from '../support/fixture-publications';

const make = makePublication;

describe('getting the publication', () => {
  it('a link: the host and the file type its path shows', () => {
    const access = documentAccess(make('x', { link: 'https://www.unodc.org/documents/report.PDF?download=1' }));
    expect(access).toEqual({ kind: 'link', href: 'https://www.unodc.org/documents/report.PDF?download=1', host: 'unodc.org', fileType: 'PDF' });
    expect(linkFileType('https://a.org/guide.docx')).toBe('Word document');
    expect(linkFileType('https://a.org/publications/guide/')).toBeUndefined();
    expect(linkFileType('https://a.org/page.html')).toBeUndefined();
  });

  it('no link: the exact title with the publisher (acronym dropped) and year, at the publisher first when known', () => {
    const access = documentAccess(
      make('x', { title: 'Global Report "2020"', publisher: 'United Nations Office on Drugs and Crime (UNODC)', year: 2020 }),
    );
    expect(access.kind).toBe('search');
    if (access.kind !== 'search') return;
    expect(access.query).toBe('"Global Report 2020" United Nations Office on Drugs and Crime 2020');
    expect(access.searches.map((s) => new URL(s.href).hostname)).toEqual([
      'www.unodc.org',
      'search.worldcat.org',
      'scholar.google.com',
      'digitallibrary.un.org',
      'archive.org',
    ]);
    expect(new URL(access.searches[0]!.href).searchParams.get('query')).toBe('"Global Report 2020"');
    expect(new URL(access.searches[1]!.href).searchParams.get('q')).toBe(access.query);
  });

  it('first author when there is no publisher; a supplied title is searched without quotes; unknown publishers get the general searches', () => {
    const p = make('y', { title: 'Referral guidance', title_supplied: true, authors: ['Walk Free Foundation', 'Jamille Bigio'] });
    expect(searchQuery(p)).toBe('Referral guidance Walk Free Foundation');
    const access = documentAccess(p);
    expect(access.kind === 'search' && access.searches.length).toBe(4);
    const state = documentAccess(make('z', { authors: ['United States Department of State'] }));
    expect(state.kind === 'search' && new URL(state.searches[0]!.href).hostname).toBe('www.state.gov');
  });

  it('search words and titles with &, # or quotes stay inside the query (encoded), never in the address', () => {
    const access = documentAccess(make('q', { title: 'A & B #1 <x> ?y=z', authors: ['Org & Co'] }));
    if (access.kind !== 'search') throw new Error('expected searches');
    for (const search of access.searches) {
      const url = new URL(search.href);
      expect(url.hash).toBe('');
      expect([...url.searchParams.values()].join(' ')).toContain('A & B #1 <x> ?y=z');
    }
  });

  it('"Add the link" is the correction route, pre-filled with the record and a link line to fill in', () => {
    const url = new URL(addLinkIssueUrl(make('some-slug', { title: 'A title' })));
    expect(url.pathname).toMatch(/\/issues\/new$/);
    expect(url.searchParams.get('template')).toBe('suggest-a-correction.md');
    expect(url.searchParams.get('title')).toBe('Link: A title (some-slug)');
    expect(url.searchParams.get('body')).toContain('content/publications/some-slug.md');
    expect(url.searchParams.get('body')).toContain('link: https://');
  });
});

describe('the report counts the ways to the publications', () => {
  it('links, searches, publisher searches, records with neither author nor publisher, supplied publishers', async () => {
    const { buildReport, formatReport } = await import('../../src/lib/report');
    const entries = await readCataloguePublications();
    const report = buildReport(entries);
    expect(report.access.withCopy + report.access.withLink + report.access.withSearches).toBe(entries.length);
    expect(report.access.withLink).toBe(entries.filter((p) => p.data.link).length);
    expect(report.access.withPublisherSearch).toBeGreaterThan(50);
    expect(report.noAuthorOrPublisher).toHaveLength(entries.filter((p) => !p.data.authors?.length && !p.data.publisher).length);
    expect(report.suppliedPublishers).toHaveLength(26);
    const text = formatReport(report);
    expect(text).toContain(`with a link: ${report.access.withLink} of ${entries.length}`);
    expect(text).toContain(`"Find a copy" searches instead: ${report.access.withSearches} of ${entries.length}`);
    expect(text).toContain('Supplied publishers (shown in [brackets]): 26');
  });
});

describe("the catalogue's own copy", () => {
  it('is offered first when the document may be published, with the publisher’s link beside it', () => {
    const access = documentAccess(
      makePublication('own', { document: 'own.pdf', document_redistributable: true, link: 'https://www.state.gov/report/' }),
    );
    expect(access).toEqual({
      kind: 'copy',
      href: '/documents/own.pdf',
      fileType: 'PDF',
      link: { href: 'https://www.state.gov/report/', host: 'state.gov' },
    });
  });
  it('is not offered for a document that is only indexed', () => {
    expect(documentAccess(makePublication('indexed', { document: 'own.pdf', link: 'https://www.state.gov/r.pdf' })).kind).toBe('link');
  });
});
