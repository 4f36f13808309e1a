import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entrySchema, SLUG_PATTERN } from '../../src/lib/schema/entry';
import { REGIONS } from '../../src/lib/schema/regions';
import { validateSource } from '../../src/lib/validate/index';

/**
 * The catalogue itself (content/publications/*.md), as built from the five seed documents (issue 4).
 * See docs/DATA.md for how the sources were read, merged and counted.
 */

/** Pinned on purpose: adding or removing an entry must be a deliberate change to this number and to docs/DATA.md. */
const ENTRY_COUNT = 103;

/** Entries whose title no source prints, so the catalogue supplies a descriptive one (docs/DATA.md, "Supplied titles"). */
const SUPPLIED = [
  'analysis-of-trafficking-in-persons-and-country-responses',
  'assessment-guide-on-responses-to-the-smuggling-of-migrants',
  'assessment-of-the-institutions-investigating-prosecuting',
  'background-paper-for-the-vienna-forum-to-fight-human',
  'case-digest-on-evidential-issues-in-trafficking-in-persons',
  'comparison-of-the-responses-of-the-united-states-and-sweden',
  'compilation-prepared-with-police-agencies-in-india-on-human',
  'course-and-curriculum-on-combating-human-trafficking',
  'guidance-note-on-abuse-of-a-position-of-vulnerability',
  'handbook-on-cooperation-between-criminal-justice-officials',
  'icat-issue-paper-on-access-to-effective-remedies-for-victims',
  'international-framework-for-action-trafficking-in-persons',
  'introduction-to-five-key-challenges-in-combating-trafficking',
  'issue-paper-giving-an-overview-of-the-crime-of-migrant',
  'issue-paper-on-abuse-of-a-position-of-vulnerability',
  'issue-paper-on-corruption-and-the-smuggling-of-migrants',
  'issue-paper-on-corruption-and-trafficking-in-persons',
  'issue-paper-on-smuggling-of-migrants-by-air',
  'issue-paper-on-smuggling-of-migrants-by-sea',
  'issue-paper-on-the-concept-of-exploitation',
  'issue-paper-on-the-role-of-consent-in-the-definition',
  'issue-paper-on-transnational-organized-crime-in-the-fishing',
  'manual-for-parliamentarians-in-afghanistan-on-combating',
  'manual-for-staff-of-shelter-homes-for-women-in-india',
  'organized-crime-involvement-in-the-smuggling-of-migrants',
  'review-of-the-ten-years-since-the-adoption',
  'study-of-irregular-migration-from-punjab-and-haryana',
  'study-of-irregular-migration-from-tamil-nadu',
  'study-on-the-involvement-of-organized-crime-in-trafficking',
  'successful-ngo-initiatives-against-human-trafficking',
  'thematic-paper-on-the-exploitation-of-migrants-global',
  'toolkit-for-journalists-reporting-on-human-trafficking',
  'toolkit-on-trafficking-in-persons-for-the-purpose-of-organ',
  'unodc-report-on-the-extent-of-human-trafficking',
  'unodc-strategic-approach-to-the-smuggling-of-migrants',
  'unodc-strategy-for-west-and-central-africa-on-trafficking',
  'worker-driven-ethical-recruitment-toolkit',
];

/** The one entry that carries a full-text body (a U.S. government work). */
const FULL_TEXT = '2023-trafficking-in-persons-report';

const DIR = fileURLToPath(new URL('../../content/publications/', import.meta.url));

interface Loaded {
  slug: string;
  raw: string;
  data: Record<string, unknown>;
  body: string;
}

function load(): Loaded[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(DIR, file));
      // Read by the build's own pipeline (the validator); the schema checks below then report per field.
      const read = validateSource(file, bytes);
      return { slug: file.slice(0, -'.md'.length), raw: bytes.toString('utf8'), data: read.data ?? {}, body: read.entry?.body ?? '' };
    });
}

/** Title key for "same publication": NFKC, case-folded, dashes and whitespace unified, outer punctuation trimmed. */
function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/g, '-')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .trim();
}

const entries = load();
const parsed = entries.map((e) => ({ ...e, result: entrySchema.safeParse(e.data) }));

describe('catalogue: content/publications', () => {
  it(`has exactly ${ENTRY_COUNT} entries`, () => {
    expect(entries.length).toBe(ENTRY_COUNT);
  });

  it('has valid slugs (lower-case kebab-case, at most 60 characters)', () => {
    for (const { slug } of entries) {
      expect(SLUG_PATTERN.test(slug), slug).toBe(true);
      expect(slug.length, slug).toBeLessThanOrEqual(60);
    }
  });

  it('parses every frontmatter with the entry schema', () => {
    const failures = parsed
      .filter((p) => !p.result.success)
      .map((p) => `${p.slug}: ${JSON.stringify(p.result.error?.issues)}`);
    expect(failures).toEqual([]);
  });

  it('has no two entries for the same publication (same normalised title and same year)', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const p of parsed) {
      if (!p.result.success) continue;
      const key = `${titleKey(p.result.data.title)}|${p.result.data.year ?? 'no year'}`;
      const other = seen.get(key);
      if (other) duplicates.push(`${other} = ${p.slug}`);
      else seen.set(key, p.slug);
    }
    expect(duplicates).toEqual([]);
  });

  it('never lists Worldwide as a country', () => {
    for (const { slug, data } of entries) {
      const countries = (data.country ?? []) as unknown[];
      expect(countries.map(String).map((c) => c.toLowerCase()), slug).not.toContain('worldwide');
    }
  });

  it('uses whole region names only (every region is in REGIONS)', () => {
    const known = new Set<string>(REGIONS);
    for (const { slug, data } of entries) {
      for (const region of (data.region ?? []) as unknown[]) {
        expect(known.has(String(region)), `${slug}: ${String(region)}`).toBe(true);
      }
    }
  });

  it('marks exactly the supplied titles with title_supplied: true', () => {
    const slugs = new Set(entries.map((e) => e.slug));
    for (const slug of SUPPLIED) expect(slugs.has(slug), `missing supplied entry ${slug}`).toBe(true);
    const marked = entries.filter((e) => e.data.title_supplied === true).map((e) => e.slug).sort();
    expect(marked).toEqual([...SUPPLIED].sort());
  });

  it('has no "undefined" or "null" in any summary', () => {
    for (const { slug, data } of entries) {
      const summary = String(data.summary ?? '');
      expect(summary, slug).not.toMatch(/\bundefined\b|\bnull\b/i);
    }
  });

  it('adds every entry on 2026-11-23 and names at least one seed source', () => {
    for (const p of parsed) {
      if (!p.result.success) continue;
      expect(p.result.data.added, p.slug).toBe('2026-11-23');
      expect(p.result.data.source.every((s) => s.startsWith('seed-')), p.slug).toBe(true);
    }
  });

  it('gives a body only to the 2023 TIP Report introduction, with Markdown headings and no raw HTML or debris', () => {
    for (const { slug, body } of entries) {
      if (slug === FULL_TEXT) continue;
      expect(body.trim(), slug).toBe('');
    }
    const tip = entries.find((e) => e.slug === FULL_TEXT);
    expect(tip).toBeDefined();
    const body = tip!.body;
    expect(body).toMatch(/^## Historical Background$/m);
    expect(body).toMatch(/^### Partnerships with Survivors$/m);
    expect(body).not.toMatch(/\[ad_\d\]|Source link|<[a-z/!]/i);
  });

  it('contains no raw HTML in any file', () => {
    for (const { slug, raw } of entries) expect(raw, slug).not.toMatch(/<\/?[a-z][^>]*>/i);
  });
});
