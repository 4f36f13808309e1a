import { describe, expect, it } from 'vitest';
import { authorsForList, externalLinkHost, formatDate, yearSpan, type Publication } from '../../src/lib/catalogue';
import { prepareFullText, tableOfContents } from '../../src/lib/full-text';

describe('externalLinkHost', () => {
  it('names the site an https link leaves for', () => {
    expect(externalLinkHost('https://www.unodc.org/unodc/glotip.html')).toBe('unodc.org');
    expect(externalLinkHost('https://example.org')).toBe('example.org');
  });

  it('refuses anything but https', () => {
    for (const link of ['http://example.org', 'javascript:alert(1)', 'data:text/html,x', '//example.org', '', undefined]) {
      expect(externalLinkHost(link), String(link)).toBeUndefined();
    }
  });
});

describe('formatDate', () => {
  it('writes a calendar date in words, in any time zone', () => {
    expect(formatDate('2026-11-23')).toBe('23 November 2026');
    expect(formatDate('2026-01-01')).toBe('1 January 2026');
  });
});

describe('yearSpan', () => {
  const p = (year?: number) => ({ slug: 'x', data: { year } }) as unknown as Publication;
  it('spans the years that are known', () => {
    expect(yearSpan([p(2001), p(), p(2019)])).toEqual({ first: 2001, last: 2019 });
    expect(yearSpan([p()])).toBeUndefined();
  });
});

describe('prepareFullText', () => {
  const html =
    '<h2 id="background">Background &amp; <em>history</em></h2>\n<p>Text</p>\n<h3 id="more">More</h3><p>x</p>';

  it('moves the top headings to h3 and keeps relative levels', () => {
    const out = prepareFullText(html);
    expect(out).toContain('<h3 id="background">Background &amp; <em>history</em></h3>');
    expect(out).toContain('<h4 id="more">More</h4>');
    expect(out).not.toMatch(/<h2/);
  });

  it('adds a link to each section after its heading, labelled with its text escaped exactly once', () => {
    const out = prepareFullText(html);
    expect(out).toContain('<a class="heading-anchor" href="#background" data-pagefind-ignore>');
    expect(out).toContain('Link to the section “Background &amp; history”');
    expect(out).not.toContain('&amp;amp;');
  });

  it('leaves text without headings, and headings without ids, alone', () => {
    expect(prepareFullText('<p>Only text</p>')).toBe('<p>Only text</p>');
    expect(prepareFullText('<h2>No id</h2>')).toBe('<h3>No id</h3>');
  });

  it("renames a heading id the page itself uses, in the text and in the contents alike", () => {
    const out = prepareFullText('<h2 id="main">Main</h2><h2 id="cite-heading">Cite</h2><h2 id="mainly">Mainly</h2>');
    expect(out).toContain('<h3 id="text-main">Main</h3><a class="heading-anchor" href="#text-main" data-pagefind-ignore>');
    expect(out).toContain('<h3 id="text-cite-heading">');
    expect(out).toContain('<h3 id="mainly">');
    expect(out).not.toContain('id="main"');
    expect(tableOfContents([{ depth: 2, slug: 'main', text: 'Main' }])[0]!.slug).toBe('text-main');
  });

  it('never goes deeper than h6', () => {
    expect(prepareFullText('<h1 id="a">A</h1><h6 id="b">B</h6>')).toContain('<h6 id="b">B</h6>');
  });
});

describe('tableOfContents', () => {
  it('nests the top two levels', () => {
    const toc = tableOfContents([
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'too deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      { slug: 'a', text: 'A', children: [{ slug: 'a1', text: 'A1', children: [] }] },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });

  it('is empty without headings', () => {
    expect(tableOfContents([])).toEqual([]);
  });
});

describe('authorsForList', () => {
  it('shows up to four authors, then says how many more', () => {
    expect(authorsForList(undefined)).toEqual({ shown: [], more: 0 });
    expect(authorsForList(['A', 'B', 'C', 'D', 'E'])).toEqual({ shown: ['A', 'B', 'C', 'D', 'E'], more: 0 });
    expect(authorsForList(['A', 'B', 'C', 'D', 'E', 'F'])).toEqual({ shown: ['A', 'B', 'C', 'D'], more: 2 });
  });
});
