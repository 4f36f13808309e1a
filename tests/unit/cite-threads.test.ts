import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { generateEntries, type CatalogueProfile } from '../../scripts/lib/bench/synthetic';
import type { Publication } from '../../src/lib/catalogue';
import { citeprocAll, citeprocHere, citeprocThreads, MIN_JOBS_FOR_WORKERS, type CiteprocJob } from '../../src/lib/cite/citeproc-threads';
import { templateSources } from '../../src/lib/cite/citeproc';
import { CITATION_STYLES, citeprocJobs, formatAllCitations, formatCitations } from '../../src/lib/cite/format';
import { parseEntry, readCataloguePublications, readFixturePublications } from '../support/fixture-publications';

/** Citations formatted in worker threads are the very ones formatted in-process (citeproc-threads.ts). */

const profile = JSON.parse(readFileSync('bench/profile.json', 'utf8')) as CatalogueProfile;
const synthetic: Publication[] = generateEntries(profile, 300, { seed: 'cite-threads', currentYear: 2026 }).map(({ slug, data }) => ({
  slug,
  data: parseEntry(data),
}));

const WORKER = './src/lib/cite/citeproc-threads.ts';
const workerData = (jobs: readonly CiteprocJob[]) => ({ kind: 'catalogue-citeproc', templates: templateSources(new Set(jobs.map((job) => job.template))) });

/** citeproc's HTML for the jobs in one worker thread, as citeprocAll's workers give it. */
async function inWorker(jobs: readonly CiteprocJob[]): Promise<Array<string | undefined>> {
  const worker = new Worker(WORKER, { workerData: workerData(jobs) });
  try {
    const html = new Promise<Array<string | undefined>>((resolve, reject) => {
      worker.on('message', (message: 'ready' | { html: Array<string | undefined> }) => message !== 'ready' && resolve(message.html));
      worker.once('error', reject);
    });
    worker.postMessage({ index: 0, jobs });
    return await html;
  } finally {
    await worker.terminate();
  }
}

describe('citations on several threads', () => {
  const publications = [...readFixturePublications(), ...synthetic];

  it('citeproc gives a worker the very HTML it gives this thread, for every real entry, fixture and 300 synthetic ones', async () => {
    const jobs = citeprocJobs([...(await readCataloguePublications()), ...publications]);
    expect(await inWorker(jobs)).toEqual(citeprocHere(jobs));
  }, 120_000);

  it('formatAllCitations gives formatCitations of each entry, in order', async () => {
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

  it('names the entry citeproc failed on, whichever thread had it, and does not hang', async () => {
    const good = Array.from({ length: 600 }, (_, i) => ({ item: { id: `e${i}`, type: 'report', title: `T${i}` }, template: 'apa', name: `e${i} in APA 7` }));
    const bad = { item: { id: 'bad-entry' }, template: 'no-such-template', name: 'bad-entry in APA 7' };
    for (const jobs of [[bad, ...good], [...good, bad], [...good.slice(0, 300), bad, ...good.slice(300)]]) {
      await expect(citeprocAll(jobs, 2)).rejects.toThrow(/^(A citation worker failed: )?citeproc could not format bad-entry in APA 7: /);
    }
    expect(await citeprocAll(good, 2)).toEqual(await citeprocAll(good, 1));
  }, 60_000);

  it('a worker reports the entry it failed on as its error', async () => {
    const worker = new Worker(WORKER, { workerData: workerData([]) });
    try {
      const error = new Promise<Error>((resolve) => worker.once('error', resolve));
      worker.postMessage({ index: 0, jobs: [{ item: { id: 'x' }, template: 'no-such-template', name: 'x in APA 7' }] });
      expect((await error).message).toMatch(/^citeproc could not format x in APA 7: /);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
