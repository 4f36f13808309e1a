import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Publication } from '../../src/lib/catalogue';
import { buildFacets } from '../../src/lib/facets';
import type { EntryInput } from '../../src/lib/schema/entry';
import { parseEntry } from '../support/fixture-publications';
import { entryToMarkdown } from '../../src/lib/new-entry/write';
import { validatePaths } from '../../src/lib/validate/index';
import { normaliseTitle } from '../../src/lib/validate/rules/duplicates';
import {
  buildReport,
  editionKey,
  findSimilarTitles,
  formatReport,
  NEAR_DUPLICATE_SIMILARITY,
  similarPairs,
  titleSimilarity,
} from '../../src/lib/report';

function pub(slug: string, fields: Partial<EntryInput> = {}): Publication {
  return {
    slug,
    data: parseEntry({
      title: slug.replace(/-/g, ' '),
      category: 'report',
      summary: 'One sentence. Another sentence.',
      source: ['editor'],
      added: '2026-11-23',
      ...fields,
    }),
  };
}

const pairsOf = (publications: Publication[]) =>
  findSimilarTitles(publications).nearDuplicates.map((d) => [d.a.slug, d.b.slug]);

describe('near-duplicates', () => {
  it(`finds a typo and a dropped word (similarity ≥ ${NEAR_DUPLICATE_SIMILARITY}), most similar first`, () => {
    const report = findSimilarTitles([
      pub('a', { title: 'Handbook on Criminal Justice Responses to Trafficking', year: 2019 }),
      pub('b', { title: 'Handbook on Criminal Justice Responces to Trafficking', year: 2019 }),
      pub('c', { title: 'Guidance on the Referral of Child Victims of Trafficking' }),
      pub('d', { title: 'Guidance on the Referral of Child Victims of Human Trafficking' }),
      pub('e', { title: 'A completely different toolkit for journalists' }),
    ]);
    expect(report.nearDuplicates.map((d) => [d.a.slug, d.b.slug])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const [first, second] = report.nearDuplicates;
    expect(first!.similarity).toBeGreaterThan(second!.similarity);
    expect(second!.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_SIMILARITY);
    expect(first!.a).toEqual({ slug: 'a', title: 'Handbook on Criminal Justice Responses to Trafficking', year: 2019 });
  });

  it('compares titles as the validator does: case, spacing and dash styles do not count', () => {
    expect(
      pairsOf([
        pub('a', { title: 'Anti-Trafficking  Manual for Criminal Justice Practitioners' }),
        pub('b', { title: 'anti–trafficking manual for criminal justice practitioners' }),
      ]),
    ).toEqual([['a', 'b']]);
  });

  it('lists the same title with and without a year as a possible duplicate (similarity 1)', () => {
    const { nearDuplicates, editions } = findSimilarTitles([
      pub('toolkit-2006', { title: 'Toolkit to Combat Trafficking in Persons', year: 2006 }),
      pub('toolkit', { title: 'Toolkit to Combat Trafficking in Persons' }),
    ]);
    expect(nearDuplicates).toEqual([
      {
        a: { slug: 'toolkit', title: 'Toolkit to Combat Trafficking in Persons' },
        b: { slug: 'toolkit-2006', title: 'Toolkit to Combat Trafficking in Persons', year: 2006 },
        similarity: 1,
      },
    ]);
    expect(editions).toEqual([]);
  });

  it('lists same-title editions of different years as editions, not as near-duplicates, years in the title ignored', () => {
    const { nearDuplicates, editions } = findSimilarTitles([
      pub('tip-2023', { title: '2023 Trafficking in Persons Report', year: 2023 }),
      pub('tip-2022', { title: '2022 Trafficking in Persons Report', year: 2022 }),
      pub('tip-2017', { title: 'Trafficking in Persons Report', year: 2017 }),
      pub('glotip-2020', { title: 'Global Report on Trafficking in Persons 2020', year: 2021 }),
      pub('glotip-2018', { title: 'Global Report on Trafficking in Persons 2018', year: 2019 }),
    ]);
    expect(nearDuplicates).toEqual([]);
    expect(editions).toEqual([
      {
        title: '2023 Trafficking in Persons Report',
        entries: [
          { slug: 'tip-2017', title: 'Trafficking in Persons Report', year: 2017 },
          { slug: 'tip-2022', title: '2022 Trafficking in Persons Report', year: 2022 },
          { slug: 'tip-2023', title: '2023 Trafficking in Persons Report', year: 2023 },
        ],
      },
      {
        title: 'Global Report on Trafficking in Persons 2020',
        entries: [
          { slug: 'glotip-2018', title: 'Global Report on Trafficking in Persons 2018', year: 2019 },
          { slug: 'glotip-2020', title: 'Global Report on Trafficking in Persons 2020', year: 2021 },
        ],
      },
    ]);
  });

  it('still lists two entries of the same title and year beside its other editions', () => {
    const { nearDuplicates, editions } = findSimilarTitles([
      pub('r-2020', { title: 'Annual Report', year: 2020 }),
      pub('r-2020-copy', { title: 'Annual report', year: 2020 }),
      pub('r-2021', { title: 'Annual Report', year: 2021 }),
    ]);
    expect(nearDuplicates.map((d) => [d.a.slug, d.b.slug])).toEqual([['r-2020', 'r-2020-copy']]);
    expect(editions[0]!.entries.map((e) => e.slug)).toEqual(['r-2020', 'r-2020-copy', 'r-2021']);
  });

  it('leaves out a title repeated for different countries, but not for overlapping ones', () => {
    const niger = { title: 'Assessment of Trafficking in Persons in Niger' };
    const nigeria = { title: 'Assessment of Trafficking in Persons in Nigeria' };
    expect(pairsOf([pub('ne', { ...niger, country: ['NE'] }), pub('ng', { ...nigeria, country: ['NG'] })])).toEqual([]);
    expect(pairsOf([pub('ne', { ...niger, country: ['NE', 'NG'] }), pub('ng', { ...nigeria, country: ['NG'] })])).toEqual([
      ['ne', 'ng'],
    ]);
    expect(pairsOf([pub('ne', niger), pub('ng', { ...nigeria, country: ['NG'] })])).toEqual([['ne', 'ng']]);
  });

  it('does not pair titles that only share a common phrase', () => {
    expect(
      pairsOf([
        pub('a', { title: 'Issue Paper on Trafficking in Persons and Corruption' }),
        pub('b', { title: 'Issue Paper on Trafficking in Persons and the Fishing Industry' }),
        pub('c', { title: 'Toolkit on Trafficking in Persons' }),
      ]),
    ).toEqual([]);
  });

  it('reports only true pairs, and every pair whose titles differ by at most two words (against all pairs)', () => {
    // Seeded pseudo-random titles from a small vocabulary, and copies with up to two words changed, added or
    // removed, or misspelt (a misspelt word is a changed word).
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = ['trafficking', 'in', 'persons', 'report', 'on', 'the', 'of', 'migrants', 'a', 'toolkit', 'child', 'labour', 'xk', 'gender', 'review', 'annual'];
    const titles: string[] = [];
    for (let i = 0; i < 300; i++) titles.push(Array.from({ length: 2 + Math.floor(random() * 9) }, () => pick(words)).join(' '));
    for (let i = 0; i < 200; i++) {
      const copy = pick(titles).split(' ');
      for (let e = Math.floor(random() * 3); e > 0; e--) {
        const at = Math.floor(random() * copy.length);
        const op = random();
        if (op < 0.25) copy.splice(at, 1);
        else if (op < 0.5) copy.splice(at, 0, pick(words));
        else if (op < 0.75) copy[at] = pick(words);
        else copy[at] = `${copy[at] ?? ''}x`;
      }
      titles.push(copy.join(' '));
    }
    titles.push('', '!', '?!', 'ab');
    const wordsOf = (t: string) => new Set(t.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    const differByAtMostTwo = (a: string, b: string) => {
      const [x, y] = [wordsOf(a), wordsOf(b)];
      return [...x].filter((w) => !y.has(w)).length <= 2 && [...y].filter((w) => !x.has(w)).length <= 2;
    };
    for (const threshold of [0.75, 0.9, 1]) {
      const all: Array<[number, number]> = [];
      for (let i = 0; i < titles.length; i++) {
        for (let j = i + 1; j < titles.length; j++) {
          if (titleSimilarity(titles[i]!, titles[j]!) >= threshold - 1e-12) all.push([i, j]);
        }
      }
      const found = similarPairs(titles, threshold);
      const key = ([i, j]: [number, number]) => `${i},${j}`;
      const foundKeys = new Set(found.map(key));
      const allKeys = new Set(all.map(key));
      expect(found.filter((p) => !allKeys.has(key(p))), `false pairs at ${threshold}`).toEqual([]);
      const missed = all.filter((p) => !foundKeys.has(key(p)));
      expect(missed.filter(([i, j]) => differByAtMostTwo(titles[i]!, titles[j]!)), `missed at ${threshold}`).toEqual([]);
      expect(found.length).toBeGreaterThan(50);
    }
  });

  it('finds the same pairs as comparing every pair on the real catalogue', async () => {
    const { entries } = await validatePaths(['content/publications']);
    const titles = entries.map((e) => normaliseTitle(e.data.title));
    const all: Array<[number, number]> = [];
    for (let i = 0; i < titles.length; i++) {
      for (let j = i + 1; j < titles.length; j++) {
        if (titleSimilarity(titles[i]!, titles[j]!) >= NEAR_DUPLICATE_SIMILARITY) all.push([i, j]);
      }
    }
    expect(similarPairs(titles, NEAR_DUPLICATE_SIMILARITY)).toEqual(all);
  });

  it('refuses a threshold outside (0, 1]', () => {
    expect(() => similarPairs(['a'], 0)).toThrow(RangeError);
    expect(() => similarPairs(['a'], 1.5)).toThrow(RangeError);
  });

  it('strips only whole years from titles for editions', () => {
    expect(editionKey('global report on trafficking in persons 2020')).toBe('global report on trafficking in persons');
    expect(editionKey('2019–2020 action plan')).toBe('– action plan');
    expect(editionKey('resolution 12020 and article 1999b')).toBe('resolution 12020 and article 1999b');
  });
});

describe('the catalogue report', () => {
  const catalogue = [
    pub('complete', {
      title: 'Complete Entry',
      authors: ['IOM'],
      year: 2020,
      region: ['Worldwide'],
      country: ['NG'],
      languages: ['en', 'fr'],
      link: 'https://example.org/a',
    }),
    pub('undated', { title: 'Undated Entry', authors: ['IOM', 'UNODC'], languages: ['en'], region: ['Worldwide'] }),
    pub('bare', { title: 'Guidance without details', title_supplied: true, category: 'guidance', country: ['NG', 'GH'] }),
  ];
  const report = buildReport(catalogue);

  it('lists entries missing a year, authors, languages or a link, and supplied titles', () => {
    expect(report.total).toBe(3);
    expect(report.missing.year.map((e) => e.slug)).toEqual(['bare', 'undated']);
    expect(report.missing.authors.map((e) => e.slug)).toEqual(['bare']);
    expect(report.missing.languages.map((e) => e.slug)).toEqual(['bare']);
    expect(report.missing.link.map((e) => e.slug)).toEqual(['bare', 'undated']);
    expect(report.suppliedTitles).toEqual([{ slug: 'bare', title: '[Guidance without details]' }]);
  });

  it('counts publications per value of every facet, with the names and browse paths readers see', () => {
    const counts = (facet: keyof typeof report.facets) => report.facets[facet].map((v) => [v.key, v.count]);
    expect(counts('region')).toEqual([['Worldwide', 2]]);
    expect(counts('year')).toEqual([['2020', 1], ['undated', 2]]);
    expect(counts('category')).toEqual([['report', 2], ['guidance', 1]]);
    expect(counts('language')).toEqual([['en', 2], ['fr', 1]]);
    expect(counts('author')).toEqual([['IOM', 2], ['UNODC', 1]]);
    expect(report.facets.country.find((v) => v.key === 'NG')).toEqual({ key: 'NG', name: 'Nigeria', path: '/countries/ng/', count: 2 });
  });

  it('gives the same counts with the facets the site already built', () => {
    expect(buildReport(catalogue, { facets: buildFacets(catalogue) })).toEqual(report);
  });

  it('formats as text for npm run report', () => {
    const text = formatReport(report);
    expect(text).toContain('Catalogue health: 3 publications');
    expect(text).toContain('  no year: 2 of 3 (67%)');
    expect(text).toContain('    bare  [Guidance without details]');
    expect(text).toContain('Possible duplicates (titles at least 90% similar): 0 pairs');
  });

  it('npm run report reads a folder through the validator, leaves out broken files and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    try {
      for (const p of catalogue) writeFileSync(join(dir, `${p.slug}.md`), entryToMarkdown(p.data));
      writeFileSync(join(dir, 'broken.md'), '---\ntitle: Broken\n---\n');
      const run = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('scripts/report.ts'), '--dir', dir, '--format', 'json'], {
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.total).toBe(3);
      expect(json.missing.year).toHaveLength(2);
      expect(run.stderr).toContain('1 file has errors and is left out');
      const usage = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('scripts/report.ts'), '--format', 'xml'], { encoding: 'utf8' });
      expect(usage.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
