import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { entrySchema, SLUG_PATTERN } from '../../src/lib/schema/entry';
import { REGIONS } from '../../src/lib/schema/regions';

/**
 * The catalogue itself (content/publications/*.md), whatever it holds today: every check derives from the files, so
 * an editor's new valid entry never fails here (issue 20). How the seed entries were read, merged and counted is in
 * docs/DATA.md; the checks that are about that import read its tables instead of a copy of them.
 */

/** The seed import's supplied titles, as docs/DATA.md lists them ("Supplied titles": one table row per entry). */
function suppliedInDocs(): string[] {
  const docs = readFileSync(fileURLToPath(new URL('../../docs/DATA.md', import.meta.url)), 'utf8');
  const section = docs.slice(docs.indexOf('### Supplied titles'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| ---')));
  return [...table.matchAll(/\| `([a-z0-9-]+)` \|$/gm)].map((m) => m[1]!);
}

/** The day the catalogue began (the seed import): no entry was added before it. */
const FIRST_ADDED = '2026-11-23';

const DIR = fileURLToPath(new URL('../../content/publications/', import.meta.url));

const refuse = () => {
  throw new Error('js frontmatter refused');
};

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
      const raw = readFileSync(join(DIR, file), 'utf8');
      // Options object (not cached by gray-matter); `---js` / `---javascript` frontmatter is never evaluated.
      const parsed = matter(raw, { engines: { js: refuse, javascript: refuse } });
      return { slug: file.slice(0, -'.md'.length), raw, data: parsed.data, body: parsed.content };
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
  it('reads every entry file (at least one)', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(parsed.every((p) => p.result.success)).toBe(true);
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

  it('marks the supplied titles docs/DATA.md lists with title_supplied: true (an editor may add others)', () => {
    const supplied = suppliedInDocs();
    expect(supplied.length).toBeGreaterThan(0);
    const marked = new Set(entries.filter((e) => e.data.title_supplied === true).map((e) => e.slug));
    const slugs = new Set(entries.map((e) => e.slug));
    // An entry DATA.md lists that is still in the catalogue keeps its mark until an editor finds the printed title.
    for (const slug of supplied.filter((s) => slugs.has(s))) expect(marked.has(slug), slug).toBe(true);
  });

  it('has no "undefined" or "null" in any summary', () => {
    for (const { slug, data } of entries) {
      const summary = String(data.summary ?? '');
      expect(summary, slug).not.toMatch(/\bundefined\b|\bnull\b/i);
    }
  });

  it('dates every entry from the day the catalogue began, never in the future, and names a known source', () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const p of parsed) {
      if (!p.result.success) continue;
      const { added, source } = p.result.data;
      // `added` may be left out (it then comes from git): only a written one is checked here.
      if (added !== undefined) {
        expect(added >= FIRST_ADDED, `${p.slug}: added ${added}`).toBe(true);
        expect(added <= tomorrow, `${p.slug}: added ${added}`).toBe(true);
      }
      expect(source.length, p.slug).toBeGreaterThan(0);
    }
  });

  it('gives a full text only as Markdown: headings, no raw HTML, no debris from the page it was copied from', () => {
    for (const { slug, body } of entries) {
      if (body.trim() === '') continue;
      expect(body, slug).toMatch(/^#{2,6} \S/m);
      expect(body, slug).not.toMatch(/\[ad_\d\]|Source link|<[a-z/!]/i);
    }
  });

  it('contains no raw HTML in any file', () => {
    for (const { slug, raw } of entries) expect(raw, slug).not.toMatch(/<\/?[a-z][^>]*>/i);
  });
});
