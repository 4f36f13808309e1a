// The one citeproc call the site makes, and the worker thread that makes it off the main thread during a build.
// Plain JavaScript on purpose: a worker thread runs a file Node can load as it is, outside Vite's bundle (see pool.ts),
// and format.ts imports the same function, so a citation formatted in a worker and one formatted in-process come from
// exactly the same call.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';

/** The locale every citation is formatted in. Part of the cache key (cache.ts) through `citeprocCallId`. */
export const CITEPROC_LOCALE = 'en-US';

/**
 * Names what `citeprocHtml` asks citeproc for (output format, locale, each entry independent of the others in its
 * call). Change it whenever the call changes, so citations cached from the old call are not reused.
 */
export const CITEPROC_CALL_ID = `bibliography|html|${CITEPROC_LOCALE}|asEntryArray|independent-items|unsorted|no-disambiguation|no-author-substitute|v4`;

/**
 * The style as citeproc is given it, with everything that makes one entry depend on the others in the same call
 * taken out, so that formatting several items in one call (as the build's workers do, to save citeproc's per-call
 * work) gives each the entry it gets alone. The output for one item is the same as with the published style
 * (tests/unit/cite-perf.test.ts compares every real entry in every style, alone and in groups, and 3,000 synthetic
 * entries were compared too); the CSL files themselves stay as published. Taken out:
 * - the bibliography's `<sort>`: each entry is shown on its own page, and citeproc renders every sort key of an item
 *   first (for APA: the names, date and title over again), a third of its time per citation;
 * - the citation's disambiguation options (`disambiguate-add-names`, `-givenname`, `-year-suffix` and the given-name
 *   rule): they would add "2020a/2020b" or given names across unrelated entries, and even for one item citeproc
 *   renders its in-text citation again on every call to find out (about 15 % of its time);
 * - the bibliography's `subsequent-author-substitute` (Chicago's "———" for an author repeated from the entry
 *   before): on a page of its own, no entry has one before it.
 *
 * @param {string} xml a CSL style
 * @returns {string}
 */
export function singleItemStyle(xml) {
  return xml
    .replace(/<bibliography\b[\s\S]*?<\/bibliography>/, (bibliography) =>
      bibliography
        .replace(/<sort\b[^>]*>[\s\S]*?<\/sort>/, '')
        .replace(/^<bibliography\b[^>]*>/, (tag) => tag.replace(/\ssubsequent-author-substitute(?:-rule)?="[^"]*"/g, '')),
    )
    .replace(/<citation\b[^>]*>/, (tag) => tag.replace(/\s(?:disambiguate-add-[a-z-]+|givenname-disambiguation-rule)="[^"]*"/g, ''));
}

/** @type {Map<string, string>} template → the style text its single-item form was made from */
const singleItemSources = new Map();

/** The name of the single-item form of a registered template (made on first use, and again if the template changes). */
function singleItemTemplate(/** @type {string} */ template) {
  const name = `${template}--single-item`;
  const register = plugins.config.get('@csl').styles;
  const xml = register.get(template);
  if (xml === undefined) return template; // citation-js reports the unknown template itself
  if (singleItemSources.get(template) !== xml) {
    register.add(name, singleItemStyle(xml));
    singleItemSources.set(template, xml);
  }
  return name;
}

/**
 * One item in one registered CSL template as citeproc-js's HTML for its bibliography entry, or undefined when
 * citeproc returns no entry.
 *
 * @param {object} item a CSL-JSON item (already protected, see format.ts)
 * @param {string} template a template name registered with citation-js
 * @returns {string | undefined}
 */
export function citeprocHtml(item, template) {
  return citeprocHtmls([item], template)[0];
}

/**
 * Several items in one template in one citeproc call, each as `citeprocHtml` gives it alone (see singleItemStyle);
 * in the order given. One call for eight items costs about a fifth less per item than eight calls.
 *
 * @param {Array<{ id: string }>} items CSL-JSON items with distinct ids
 * @param {string} template a template name registered with citation-js
 * @returns {Array<string | undefined>}
 */
export function citeprocHtmls(items, template) {
  /** @type {Array<[string, string]>} */
  const entries = plugins.output.format('bibliography', items, {
    format: 'html',
    template: singleItemTemplate(template),
    lang: CITEPROC_LOCALE,
    asEntryArray: true,
  });
  const byId = new Map(entries);
  return items.map((item) => byId.get(item.id));
}

/**
 * Makes citation-js's templates in this thread the same as the main thread's: the worker is given the CSL text of
 * every style the build offers (vendored ones are not bundled with citation-js). Call before formatting anything:
 * citation-js keeps one engine per template name.
 */
export function registerTemplates(/** @type {Record<string, string>} */ templates) {
  const register = plugins.config.get('@csl').styles;
  for (const [name, xml] of Object.entries(templates)) if (register.get(name) !== xml) register.add(name, xml);
}

/** The template's CSL text and the locale's, for the cache key. */
export function citeprocInputs(/** @type {string} */ template) {
  const config = plugins.config.get('@csl');
  return { style: config.styles.get(template), locale: config.locales.get(CITEPROC_LOCALE) };
}

/*
 * The worker (see pool.ts). Jobs arrive in chunks, in order; which job runs where is decided through a shared
 * Int32Array: slot 0 is a cursor every worker takes the next index from, slot 1 + i is job i's owner (0 nobody,
 * 1 the main thread, 2… a worker). A worker runs job i only if it wins the compare-and-exchange 0 → its id, so the
 * main thread can take any job nobody has started without asking, and no job runs twice. Each result is posted as
 * soon as it is ready. The worker never waits for the main thread except for jobs not yet sent. A worker claims
 * BATCH jobs at a time and formats them in one citeproc call per template (citeprocHtmls); the main thread, when a
 * page needs a citation nobody has started, still takes that one job alone.
 */
if (!isMainThread && workerData?.kind === 'catalogue-citeproc' && parentPort) {
  const port = parentPort;
  const { claims, total, id } = workerData;
  const owners = new Int32Array(claims);
  registerTemplates(workerData.templates ?? {});
  /** @type {Array<{ item: object, template: string } | undefined>} */
  const jobs = [];
  let received = 0;
  let asked = -1;
  let next = -1;
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(work);
  };
  /** Jobs one worker claims at a time: they are formatted in one citeproc call per template. */
  const BATCH = 24;
  /** @param {Array<{ index: number, job: { item: { id: string }, template: string } }>} claimed */
  const runAll = (claimed) => {
    /** @type {Map<string, typeof claimed>} */
    const byTemplate = new Map();
    for (const one of claimed) {
      const group = byTemplate.get(one.job.template);
      if (group) group.push(one);
      else byTemplate.set(one.job.template, [one]);
    }
    for (const [template, group] of byTemplate) {
      let html;
      try {
        html = citeprocHtmls(group.map(({ job }) => job.item), template);
      } catch {
        // One item citeproc fails on: format the group one by one, so only that job fails.
        for (const { index, job } of group) port.postMessage({ index, ...run(job) });
        continue;
      }
      group.forEach(({ index }, i) => port.postMessage({ index, ...(html[i] === undefined ? { missing: true } : { html: html[i] }) }));
    }
  };
  const run = (/** @type {{ item: object, template: string }} */ { item, template }) => {
    try {
      const html = citeprocHtml(item, template);
      return html === undefined ? { missing: true } : { html };
    } catch (error) {
      return { error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
    }
  };
  function work() {
    scheduled = false;
    // Run for a while, then let queued messages (more jobs) in.
    const until = performance.now() + 50;
    while (performance.now() < until) {
      if (next === -1) next = Atomics.add(owners, 0, BATCH);
      if (next >= total) return;
      const end = Math.min(next + BATCH, total);
      if (end > received) {
        if (asked !== received) port.postMessage({ need: received });
        asked = received;
        return;
      }
      const claimed = [];
      for (let index = next; index < end; index++) {
        const job = jobs[index];
        jobs[index] = undefined;
        if (job && Atomics.compareExchange(owners, index + 1, 0, id) === 0) claimed.push({ index, job });
      }
      next = -1;
      runAll(claimed);
    }
    schedule();
  }
  port.on('message', (/** @type {{ start: number, jobs: Array<{ item: object, template: string }> }} */ chunk) => {
    chunk.jobs.forEach((job, i) => (jobs[chunk.start + i] = job));
    received = Math.max(received, chunk.start + chunk.jobs.length);
    schedule();
  });
}
