import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  documentPages,
  DOCUMENT_WORD,
  generateEntries,
  profileFromEntries,
  toMarkdown,
  type CatalogueProfile,
  type Frequencies,
} from '../../scripts/lib/bench/synthetic';
import { entrySchema } from '../../src/lib/schema/entry';
import { FILE_LINE_REFERENCE } from '../../src/lib/validate/rules/reader-notes';

/** The benchmark's generator: valid entries, distributions like the real catalogue's, the same files every time. */

const profile = JSON.parse(readFileSync('bench/profile.json', 'utf8')) as CatalogueProfile;
const currentYear = new Date().getFullYear();
const N = 1500;
const entries = generateEntries(profile, N, { seed: 'unit-test', currentYear });

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Shares of a frequency table (value → share of the total). */
function shares(freq: Frequencies): Record<string, number> {
  const total = Object.values(freq).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(freq).map(([k, v]) => [k, v / total]));
}

/** Reads a generated file back the way a YAML reader would. */
function readBack(markdown: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`not a frontmatter file:\n${markdown.slice(0, 200)}`);
  return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('synthetic catalogue generator', () => {
  it('writes entries that validate against THE entry schema, with unique kebab-case slugs', () => {
    const slugs = new Set<string>();
    for (const entry of entries) {
      const { data } = readBack(toMarkdown(entry));
      const result = entrySchema.safeParse(data);
      expect(result.success, `${entry.slug}: ${result.error?.message}`).toBe(true);
      expect(entry.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      slugs.add(entry.slug);
    }
    expect(slugs.size).toBe(N);
    // The validator treats two files with the same title and year as one publication twice.
    const titles = new Set(entries.map((e) => e.data.title.toLowerCase().replace(/\s+/g, ' ').trim()));
    expect(titles.size).toBe(N);
  });

  it('never writes notes that cite a source file or line, which the validator refuses', () => {
    // With this seed the prose once read "… line 2017 …" (the 100,000-entry benchmark stopped on three such notes).
    const notes = generateEntries(profile, N, { seed: 'notes-23', currentYear }).flatMap((e) => e.data.notes ?? []);
    expect(notes.length).toBeGreaterThan(100);
    expect(notes.filter((note) => FILE_LINE_REFERENCE.test(note))).toEqual([]);
  });

  it('is deterministic: same seed, same files; another seed, other files; smaller N is a prefix', () => {
    const again = generateEntries(profile, 200, { seed: 'unit-test', currentYear });
    expect(again.map(toMarkdown)).toEqual(entries.slice(0, 200).map(toMarkdown));
    const other = generateEntries(profile, 200, { seed: 'another', currentYear });
    expect(other.map(toMarkdown)).not.toEqual(again.map(toMarkdown));
    const rng1 = createRng('x');
    const rng2 = createRng('x');
    expect([rng1(), rng1(), rng1()]).toEqual([rng2(), rng2(), rng2()]);
  });

  it('roughly matches the real catalogue: title and summary lengths, facet shares, undated and body rates', () => {
    const measured = profileFromEntries(
      entries.map((e) => ({ data: e.data as Record<string, unknown>, body: e.body })),
      'generated',
    );
    const within = (actual: number, expected: number, tolerance: number) =>
      expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
    within(mean(measured.titleLengths), mean(profile.titleLengths), mean(profile.titleLengths) * 0.15);
    within(mean(measured.summaryLengths), mean(profile.summaryLengths), mean(profile.summaryLengths) * 0.15);
    within(measured.undatedRate, profile.undatedRate, 0.05);
    within(measured.titleSuppliedRate, profile.titleSuppliedRate, 0.05);
    within(measured.notesRate, profile.notesRate, 0.05);
    within(measured.bodyRate, profile.bodyRate, 0.01 + profile.bodyRate * 0.5);
    if (profile.bodyLengths.length) {
      within(mean(measured.bodyLengths), mean(profile.bodyLengths), mean(profile.bodyLengths) * 0.25);
    }
    // Shares per entry (how many values an entry has) and per occurrence of a value; an entry's values are
    // distinct, which pulls multi-valued facets a little towards the rarer values, hence the wider tolerance.
    const facets = [
      ['categories', 0.05],
      ['regionCounts', 0.05],
      ['authorCounts', 0.05],
      ['regions', 0.07],
      ['sources', 0.07],
    ] as const;
    for (const [key, tolerance] of facets) {
      const expected = shares(profile[key]);
      const actual = shares(measured[key]);
      for (const [value, share] of Object.entries(expected)) within(actual[value] ?? 0, share, tolerance);
    }
    // The words people search for are there in about the same proportion.
    const common = Object.keys(profile.words).find((w) => w.toLowerCase() === 'trafficking');
    if (common) expect(measured.words[common] ?? 0).toBeGreaterThan(0);
  });

  it('grows the vocabulary with the catalogue, as real text does (long-tail words)', () => {
    const vocabulary = (count: number) =>
      new Set(
        entries
          .slice(0, count)
          .flatMap((e) => `${e.data.title} ${e.data.summary} ${e.body}`.toLowerCase().split(/[^\p{L}\p{N}-]+/u)),
      ).size;
    expect(vocabulary(1500)).toBeGreaterThan(vocabulary(150) * 2);
  });

  it("makes documents' pages deterministically, each with the word only document pages carry", () => {
    const pages = documentPages(profile, 'unit-test', 7, 5, currentYear);
    expect(pages).toHaveLength(5);
    expect(documentPages(profile, 'unit-test', 7, 5, currentYear)).toEqual(pages);
    expect(documentPages(profile, 'unit-test', 8, 5, currentYear)).not.toEqual(pages);
    for (const [i, page] of pages.entries()) {
      expect(page.length).toBeGreaterThan(1500);
      expect(page.endsWith(`${DOCUMENT_WORD} ${i + 1}.`)).toBe(true);
    }
    expect(entries.some((e) => toMarkdown(e).includes(DOCUMENT_WORD))).toBe(false);
  });
});
