import { describe, expect, it } from 'vitest';
import { shortHash, slugify, uniqueSlugs } from '../../src/lib/slug';
import { REGIONS } from '../../src/lib/schema/regions';

describe('slugify', () => {
  it('folds accents, case and punctuation into lower-case kebab-case', () => {
    expect(slugify('Organisation internationale pour les migrations (OIM)')).toBe(
      'organisation-internationale-pour-les-migrations-oim',
    );
    expect(slugify('Ministère de la Justice')).toBe('ministere-de-la-justice');
    expect(slugify('  Straße & Søn  ')).toBe('strasse-son');
    expect(slugify('Łódź')).toBe('lodz');
    expect(slugify("Sweden's Ministry of Justice")).toBe('swedens-ministry-of-justice');
    expect(slugify('Sweden’s Ministry')).toBe('swedens-ministry');
  });

  it('keeps a region name with commas as one slug', () => {
    expect(slugify('South-Eastern Europe, Eastern Europe and Central Asia')).toBe(
      'south-eastern-europe-eastern-europe-and-central-asia',
    );
  });

  it('gives names without Latin letters a non-empty slug of their own', () => {
    const arabic = slugify('وزارة العدل');
    const chinese = slugify('联合国毒品和犯罪问题办公室');
    expect(arabic).toMatch(/^n-[0-9a-f]{8}$/);
    expect(chinese).toMatch(/^n-[0-9a-f]{8}$/);
    expect(arabic).not.toBe(chinese);
    // Stable: the same name always gets the same slug, whatever its Unicode form or surrounding space.
    expect(slugify(' وزارة العدل ')).toBe(arabic);
  });

  it('gives every region a distinct slug', () => {
    const slugs = REGIONS.map(slugify);
    expect(new Set(slugs).size).toBe(REGIONS.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('shortHash', () => {
  it('is eight hex digits and deterministic', () => {
    expect(shortHash('a')).toBe(shortHash('a'));
    expect(shortHash('a')).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash('a')).not.toBe(shortHash('b'));
  });
});

describe('uniqueSlugs', () => {
  it('gives plain slugs when nothing collides', () => {
    const slugs = uniqueSlugs(['Walk Free Foundation', 'UNODC']);
    expect(slugs.get('Walk Free Foundation')).toBe('walk-free-foundation');
    expect(slugs.get('UNODC')).toBe('unodc');
  });

  it('disambiguates colliding names deterministically, whatever order they come in', () => {
    const names = ['José Pérez', 'Jose Perez', 'JOSE PEREZ'];
    const a = uniqueSlugs(names);
    const b = uniqueSlugs([...names].reverse());
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    const slugs = [...a.values()];
    expect(new Set(slugs).size).toBe(3);
    // The first in code-point order keeps the plain slug; the others get a hash of their own name.
    expect(a.get('JOSE PEREZ')).toBe('jose-perez');
    expect(a.get('Jose Perez')).toBe(`jose-perez-${shortHash('Jose Perez')}`);
    expect(a.get('José Pérez')).toBe(`jose-perez-${shortHash('José Pérez')}`);
  });

  it("keeps a suffixed name's slug when other colliding names come and go", () => {
    const before = uniqueSlugs(['José Pérez', 'Jose Perez']);
    const after = uniqueSlugs(['José Pérez', 'Jose Perez', 'JOSE PEREZ']);
    expect(after.get('José Pérez')).toBe(before.get('José Pérez'));
  });

  it('never gives out a reserved slug plainly', () => {
    const slugs = uniqueSlugs(['Page', 'Other'], ['page']);
    expect(slugs.get('Page')).toBe(`page-${shortHash('Page')}`);
    expect(slugs.get('Other')).toBe('other');
  });

  it('treats each distinct name once', () => {
    expect(uniqueSlugs(['UNODC', 'UNODC']).size).toBe(1);
  });
});
