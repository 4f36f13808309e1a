import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { displayTitle, type Publication } from '../../src/lib/catalogue';
import { escapeLatex, toBibTeX } from '../../src/lib/cite/bibtex';
import { itemLanguage, toCsl, toCslJson, toCslRecord } from '../../src/lib/cite/csl';
import { CITATION_STYLES, formatCitation, formatCitations, parseCitationHtml } from '../../src/lib/cite/format';
import { highwireTags, isPdfLink, jsonLd, openGraphTags, serializeJsonForScript } from '../../src/lib/cite/head-meta';
import { itemKind } from '../../src/lib/cite/kind';
import { classifyAuthor } from '../../src/lib/cite/names';
import { displayPublisher, recordUrl } from '../../src/lib/cite/record';
import { RIS_NAME_COMMA, toRIS } from '../../src/lib/cite/ris';
import { makePublication, readFixturePublications } from '../support/fixture-publications';

const fixtures: Publication[] = readFixturePublications();
const fixture = (slug: string) => fixtures.find((p) => p.slug === slug)!;

const make = makePublication;

const stripGraph = (data: Array<Record<string, unknown>>) => data.map(({ _graph, ...rest }) => rest);

describe('CSL-JSON items', () => {
  it('keeps organisations as literals and splits persons', () => {
    const item = toCsl(make('x', { authors: ['Walk Free Foundation', 'Jamille Bigio'], year: 2019 }));
    expect(item.author).toEqual([{ literal: 'Walk Free Foundation' }, { family: 'Bigio', given: 'Jamille' }]);
    expect(item.issued).toEqual({ 'date-parts': [[2019]] });
  });

  it('leaves out what the entry does not know', () => {
    const item = toCsl(fixture('undated-guidance'));
    expect(item).toEqual({
      id: 'undated-guidance',
      'citation-key': 'undated-guidance',
      type: 'book',
      title: '[Referral guidance without a date]',
    });
  });

  it('takes the title language, else English when available, else the first language', () => {
    expect(itemLanguage({ title_language: 'ar', languages: ['ar', 'en'] })).toBe('ar');
    expect(itemLanguage({ languages: ['fr', 'en'] })).toBe('en');
    expect(itemLanguage({ languages: ['fr', 'es'] })).toBe('fr');
    expect(itemLanguage({})).toBeUndefined();
  });

  it('types reports and books the same way in every format; "other" grey literature cites as a report', () => {
    expect(itemKind('report')).toBe('report');
    expect(itemKind('issue-paper')).toBe('report');
    expect(itemKind('toolkit')).toBe('book');
    expect(itemKind('other')).toBe('report');
  });
});

describe('formatted citations', () => {
  it('offers APA 7, Chicago author-date and Harvard from the bundled styles', () => {
    const ids = CITATION_STYLES.map((s) => s.id);
    expect(ids).toContain('apa');
    expect(ids).toContain('harvard');
    expect(ids).toContain('chicago-author-date');
  });

  it('formats every fixture in every style without "undefined", "[object", NaN or markup', () => {
    for (const publication of fixtures) {
      for (const citation of formatCitations(publication)) {
        expect(citation.text, `${publication.slug} ${citation.style.id}`).not.toMatch(/undefined|\[object|NaN|null/);
        expect(citation.text).toBe(citation.segments.map((s) => s.text).join(''));
        // Chicago title-cases English titles (CSL text-case="title"), so compare the words, not their case.
        const titleStart = displayTitle(publication.data).replace(/"/g, '“').split('“')[0]!.trim().slice(0, 20);
        expect(citation.text.toLowerCase()).toContain(titleStart.toLowerCase());
      }
    }
  });

  it('APA: organisation authors whole, year in brackets, title in italics, URL at the end', () => {
    const citation = formatCitation(fixture('global-report-on-trafficking-in-persons-2020'), 'apa');
    expect(citation.text).toBe(
      'United Nations Office on Drugs and Crime (UNODC). (2021). Global Report on Trafficking in Persons 2020. https://www.unodc.org/unodc/data-and-analysis/glotip.html',
    );
    expect(citation.segments).toContainEqual({ text: 'Global Report on Trafficking in Persons 2020', italic: true });
    expect(citation.text).not.toMatch(/Crime, U|Foundation, W/);
  });

  it('APA and Harvard: "n.d." / "no date" for an undated entry without authors, title first', () => {
    const apa = formatCitation(fixture('undated-guidance'), 'apa');
    expect(apa.text).toBe('[Referral guidance without a date]. (n.d.).');
    const harvard = formatCitation(fixture('undated-guidance'), 'harvard');
    expect(harvard.text).toBe('[Referral guidance without a date] (no date).');
  });

  it('an organisation with a comma stays one author; persons are inverted with initials', () => {
    const apa = formatCitation(fixture('cyrillic-report-with-pdf'), 'apa');
    expect(apa.text).toMatch(/^ОБСЕ, Бюро по демократическим институтам и правам человека, & Иванова, М\. \(2020\)\. Руководство/);
    expect(formatCitation(fixture('quotes-and-ampersand'), 'harvard').text).toMatch(
      /^Walk Free Foundation and Organization for Security and Co-operation in Europe, Office for Democratic Institutions and Human Rights \(2018\)/,
    );
  });

  it('keeps text that looks like HTML as text (citeproc would read <b> as bold)', () => {
    const apa = formatCitation(fixture('quotes-and-ampersand'), 'apa');
    expect(apa.text).toContain('<b>not bold</b> in Trinidad & Tobago');
    expect(apa.segments.some((s) => s.bold)).toBe(false);
    expect(formatCitation(fixture('script-tag-in-title'), 'apa').text).toContain('</script><!-- and other closing tags');
  });

  it('marks a title that is not in English with its language and direction', () => {
    const apa = formatCitation(fixture('arabic-title-toolkit'), 'apa');
    expect(apa.segments).toContainEqual({ text: 'دليل الصحفيين حول الاتجار بالبشر 2019', italic: true, lang: 'ar', dir: 'rtl' });
    const cyrillic = formatCitation(fixture('cyrillic-report-with-pdf'), 'harvard');
    expect(cyrillic.segments.filter((s) => s.lang)).toEqual([
      { text: 'Руководство по выявлению жертв торговли людьми', italic: true, lang: 'ru', dir: 'ltr' },
    ]);
    expect(formatCitation(fixture('quotes-and-ampersand'), 'apa').segments.some((s) => s.lang)).toBe(false);
  });

  it('reads citeproc HTML into runs and refuses tags it does not know', () => {
    expect(parseCitationHtml('<div class="csl-entry">A &#38; B. <i>T <span style="font-style:normal;">x</span></i>.</div>')).toEqual([
      { text: 'A & B. ' },
      { text: 'T ', italic: true },
      { text: 'x.' },
    ]);
    expect(() => parseCitationHtml('<div class="csl-entry"><script>x</script></div>')).toThrow(/Unexpected <script>/);
    expect(() => parseCitationHtml('<div class="csl-entry"><a href="x">x</a></div>')).toThrow(/Unexpected <a>/);
  });
});

describe('BibTeX export round-trips through a BibTeX parser', () => {
  const parsed = stripGraph(new Cite(toBibTeX(fixtures)).data);

  it('one record per entry, keyed by slug, with the right entry type', () => {
    expect(parsed.map((r) => r.id)).toEqual(fixtures.map((p) => p.slug));
    const bib = toBibTeX(fixtures);
    expect(bib).toContain('@techreport{global-report-on-trafficking-in-persons-2020,');
    expect(bib).toContain('@book{arabic-title-toolkit,');
  });

  it('titles, years, URLs, abstracts and languages come back as entered (Arabic and Cyrillic intact)', () => {
    for (const [i, publication] of fixtures.entries()) {
      const record = parsed[i]!;
      expect(record.title, publication.slug).toBe(displayTitle(publication.data));
      expect(record.issued, publication.slug).toEqual(publication.data.year ? { 'date-parts': [[publication.data.year]] } : undefined);
      expect(record.URL, publication.slug).toBe(recordUrl(publication));
      expect(record.abstract, publication.slug).toBe(publication.data.summary);
      expect(record.language, publication.slug).toBe(itemLanguage(publication.data));
    }
  });

  it('authors come back whole (organisations) or as family/given (persons)', () => {
    for (const [i, publication] of fixtures.entries()) {
      const authors = (parsed[i]!.author ?? []) as Array<{ family?: string; given?: string; literal?: string }>;
      const expected = (publication.data.authors ?? []).map(classifyAuthor);
      expect(authors.length, publication.slug).toBe(expected.length);
      for (const [j, author] of expected.entries()) {
        if (author.kind === 'organization') expect(authors[j]!.literal ?? authors[j]!.family).toBe(author.name);
        else expect(authors[j]).toMatchObject({ family: author.family, given: author.given });
      }
    }
  });

  it('escapes LaTeX specials so they survive a parser', () => {
    expect(escapeLatex('50% & $5 #1 a_b {x} ~^\\ <!-- a---b')).toBe(
      '50\\% \\& \\$5 \\#1 a\\_b \\{x\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{} <!-{}- a-{}-{}-b',
    );
    const odd = make('odd', { title: '50% of {cases} & $costs$ #1 under_score', authors: ['Bureau of X and Y'] });
    const [record] = stripGraph(new Cite(toBibTeX([odd])).data);
    expect(record!.title).toBe('50% of {cases} & $costs$ #1 under_score');
    expect(record!.author).toEqual([{ family: 'Bureau of X and Y' }]);
  });
});

describe('RIS export round-trips through an RIS parser', () => {
  const ris = toRIS(fixtures);
  const parsed = stripGraph(new Cite(ris).data);

  it('uses CRLF line ends and never wraps a line', () => {
    expect(ris.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(ris).toContain(`AU  - Organization for Security and Co-operation in Europe${RIS_NAME_COMMA} Office for Democratic Institutions and Human Rights\r\n`);
  });

  it('titles, years, types, URLs and keywords come back as entered', () => {
    expect(parsed.map((r) => r.id)).toEqual(fixtures.map((p) => p.slug));
    for (const [i, publication] of fixtures.entries()) {
      const record = parsed[i]!;
      expect(record.title, publication.slug).toBe(displayTitle(publication.data));
      expect(record.type, publication.slug).toBe(itemKind(publication.data.category));
      expect(record.issued, publication.slug).toEqual(publication.data.year ? { 'date-parts': [[publication.data.year]] } : undefined);
      expect(record.URL, publication.slug).toBe(recordUrl(publication));
      expect(record.abstract, publication.slug).toBe(publication.data.summary);
      expect(record.publisher, publication.slug).toBe(displayPublisher(publication.data));
    }
  });

  it('authors: organisations whole (a comma in one is written as U+201A, which RIS readers do not split at), persons split', () => {
    for (const [i, publication] of fixtures.entries()) {
      const authors = (parsed[i]!.author ?? []) as Array<{ family?: string; given?: string; literal?: string }>;
      const expected = (publication.data.authors ?? []).map(classifyAuthor);
      expect(authors.length, publication.slug).toBe(expected.length);
      for (const [j, author] of expected.entries()) {
        const got = authors[j]!;
        if (author.kind === 'person') expect(got).toMatchObject({ family: author.family, given: author.given });
        else expect(got.literal ?? got.family).toBe(author.name.replaceAll(',', RIS_NAME_COMMA));
      }
    }
  });
});

describe('CSL-JSON export round-trips through citation-js', () => {
  it('parses back to the same items', () => {
    const json = toCslJson(fixtures);
    const parsed = stripGraph(new Cite(JSON.parse(json)).data);
    expect(parsed).toEqual(fixtures.map(toCslRecord));
    expect(JSON.parse(json)[0]).toHaveProperty('citation-key');
  });
});

describe('head metadata', () => {
  const pageUrl = 'https://example.org/publications/x/';

  it('Highwire: reports name their institution, persons are "Family, Given", PDFs get citation_pdf_url', () => {
    const tags = highwireTags(fixture('cyrillic-report-with-pdf')).map((t) => [t.key, t.content]);
    expect(tags).toEqual([
      ['citation_title', 'Руководство по выявлению жертв торговли людьми'],
      ['citation_author', 'ОБСЕ, Бюро по демократическим институтам и правам человека'],
      ['citation_author', 'Иванова, Мария'],
      ['citation_publication_date', '2020'],
      ['citation_date', '2020'],
      ['citation_technical_report_institution', 'OSCE Office for Democratic Institutions and Human Rights'],
      ['citation_language', 'ru'],
      ['citation_pdf_url', 'https://www.osce.org/files/f/documents/guide-identification.pdf'],
      ['DC.type', 'report'],
    ]);
  });

  it('Highwire: books name their publisher; other links are the abstract page; nothing for unknown fields', () => {
    const tags = highwireTags(fixture('script-tag-in-title')).map((t) => t.key);
    expect(tags).toContain('citation_publisher');
    expect(tags).toContain('citation_abstract_html_url');
    expect(tags).not.toContain('citation_technical_report_institution');
    const undated = highwireTags(fixture('undated-guidance')).map((t) => t.key);
    expect(undated).toEqual(['citation_title', 'DC.type']);
  });

  it('a report without publisher is credited to its first organisation author', () => {
    const tags = highwireTags(fixture('global-report-on-trafficking-in-persons-2020'));
    expect(tags.find((t) => t.key === 'citation_technical_report_institution')?.content).toBe(
      'United Nations Office on Drugs and Crime (UNODC)',
    );
  });

  it('recognises PDF links by their path', () => {
    expect(isPdfLink('https://x.org/a/b.PDF?download=1')).toBe(true);
    expect(isPdfLink('https://x.org/a.pdf.html')).toBe(false);
    expect(isPdfLink('https://x.org/?file=a.pdf')).toBe(false);
  });

  it('JSON-LD: Report vs CreativeWork, Organization vs Person, places, date, languages', () => {
    const report = jsonLd(fixture('cyrillic-report-with-pdf'), pageUrl);
    expect(report).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Report',
      name: 'Руководство по выявлению жертв торговли людьми',
      datePublished: '2020',
      inLanguage: ['ru', 'en'],
      author: [
        { '@type': 'Organization', name: 'ОБСЕ, Бюро по демократическим институтам и правам человека' },
        { '@type': 'Person', name: 'Мария Иванова', familyName: 'Иванова', givenName: 'Мария' },
      ],
      about: [
        { '@type': 'Place', name: 'South-Eastern Europe, Eastern Europe and Central Asia' },
        { '@type': 'Place', name: 'Moldova', identifier: 'MD' },
        { '@type': 'Place', name: 'Ukraine', identifier: 'UA' },
      ],
      encoding: { encodingFormat: 'application/pdf' },
    });
    const toolkit = jsonLd(fixture('arabic-title-toolkit'), pageUrl);
    expect(toolkit['@type']).toBe('CreativeWork');
    expect(toolkit.author).toBeUndefined();
    expect(jsonLd(fixture('undated-guidance'), pageUrl).datePublished).toBeUndefined();
  });

  it('JSON-LD text cannot end its <script> element and is still the same JSON', () => {
    const data = jsonLd(fixture('script-tag-in-title'), pageUrl);
    const text = serializeJsonForScript(data);
    expect(text).not.toMatch(/[<>&]/);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
    expect(serializeJsonForScript({ a: 'x\u2028y</script>' })).toBe('{"a":"x\\u2028y\\u003c/script\\u003e"}');
  });

  it('Open Graph: type, title, description and the page URL', () => {
    const tags = Object.fromEntries(openGraphTags(fixture('script-tag-in-title'), pageUrl).map((t) => [t.key, t.content]));
    expect(tags).toMatchObject({
      'og:type': 'book',
      'og:title': 'Indicators for "labour" inspectors, </script><!-- and other closing tags',
      'og:url': pageUrl,
      'book:release_date': '2016',
    });
  });
});
