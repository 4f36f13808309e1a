import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateEntries, type CatalogueProfile } from '../../scripts/lib/bench/synthetic';
import type { Publication } from '../../src/lib/catalogue';
import { citeprocAll, citeprocThreads, MIN_JOBS_FOR_WORKERS } from '../../src/lib/cite/citeproc-threads';
import { CITATION_STYLES, formatAllCitations, formatCitations } from '../../src/lib/cite/format';
import { parseEntry, readCataloguePublications, readFixturePublications } from '../support/fixture-publications';

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
    expect(citeprocThreads(MIN_JOBS_FOR_WORKERS - 1)).toBe(1);
    expect(citeprocThreads(30_000)).toBeGreaterThanOrEqual(Math.min(2, citeprocThreads(Infinity)));
  });

  it('names the entry citeproc failed on, in a worker or on this thread, and does not hang', async () => {
    const good = Array.from({ length: 600 }, (_, i) => ({ item: { id: `e${i}`, type: 'report', title: `T${i}` }, template: 'apa', name: `e${i} in APA 7` }));
    const bad = { item: { id: 'bad-entry' }, template: 'no-such-template', name: 'bad-entry in APA 7' };
    // The first chunks go to the worker, the last ones to this thread.
    await expect(citeprocAll([bad, ...good], 2)).rejects.toThrow(/A citation worker failed: citeproc could not format bad-entry in APA 7/);
    await expect(citeprocAll([...good, bad], 2)).rejects.toThrow(/^citeproc could not format bad-entry in APA 7/);
    expect(await citeprocAll(good, 2)).toEqual(await citeprocAll(good, 1));
  }, 60_000);
});
