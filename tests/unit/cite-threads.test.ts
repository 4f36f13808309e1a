import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateEntries, type CatalogueProfile } from '../../scripts/lib/bench/synthetic';
import type { Publication } from '../../src/lib/catalogue';
import { citeprocAll, citeprocThreads, MIN_JOBS_PER_THREAD } from '../../src/lib/cite/citeproc-threads';
import { CITATION_STYLES, formatAllCitations, formatCitations } from '../../src/lib/cite/format';
import { makePublication, parseEntry, readCataloguePublications, readFixturePublications } from '../support/fixture-publications';

/** Citations formatted in worker threads are the very ones formatted in-process (citeproc-threads.ts). */

const profile = JSON.parse(readFileSync('bench/profile.json', 'utf8')) as CatalogueProfile;
const synthetic: Publication[] = generateEntries(profile, 300, { seed: 'cite-threads', currentYear: 2026 }).map(({ slug, data }) => ({
  slug,
  data: parseEntry(data),
}));

describe('citations on several threads', () => {
  it('are the same as formatted one by one in-process, for every real entry, fixture and 300 synthetic ones', async () => {
    const publications = [...(await readCataloguePublications()), ...readFixturePublications(), ...synthetic];
    const threaded = await formatAllCitations(publications, 3);
    expect(threaded).toHaveLength(publications.length);
    publications.forEach((publication, i) => expect(threaded[i], publication.slug).toEqual(formatCitations(publication)));
    expect(threaded.flat()).toHaveLength(publications.length * CITATION_STYLES.length);
  }, 120_000);

  it('starts no worker for a few entries (a dev-server edit) and one per core for a cold build', () => {
    expect(citeprocThreads(3)).toBe(1);
    expect(citeprocThreads(2 * MIN_JOBS_PER_THREAD - 1)).toBe(1);
    expect(citeprocThreads(30_000)).toBeGreaterThanOrEqual(Math.min(2, citeprocThreads(Infinity)));
  });

  it('names the entry a worker failed on, and does not hang', async () => {
    const good = CITATION_STYLES.map(() => ({ item: { id: 'a', type: 'report', title: 'T' }, template: 'apa', name: 'a in APA 7' }));
    const bad = { item: { id: 'bad-entry' }, template: 'no-such-template', name: 'bad-entry in APA 7' };
    await expect(citeprocAll([...good, bad], 2)).rejects.toThrow(/bad-entry in APA 7/);
    await expect(formatAllCitations([makePublication('x', {}), makePublication('y', {})], 2)).resolves.toHaveLength(2);
  }, 60_000);
});
