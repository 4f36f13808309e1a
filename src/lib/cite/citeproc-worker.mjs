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
 * Names what `citeprocHtml` asks citeproc for (output format, locale, one item per call). Change it whenever the
 * call changes, so citations cached from the old call are not reused.
 */
export const CITEPROC_CALL_ID = `bibliography|html|${CITEPROC_LOCALE}|asEntryArray|one-item|v1`;

/**
 * One item in one registered CSL template as citeproc-js's HTML for its bibliography entry, or undefined when
 * citeproc returns no entry. One item per call: formatted together, citeproc would add "2020a/2020b" and "———"
 * across unrelated entries.
 *
 * @param {object} item a CSL-JSON item (already protected, see format.ts)
 * @param {string} template a template name registered with citation-js
 * @returns {string | undefined}
 */
export function citeprocHtml(item, template) {
  const entries = plugins.output.format('bibliography', [item], {
    format: 'html',
    template,
    lang: CITEPROC_LOCALE,
    asEntryArray: true,
  });
  return entries[0]?.[1];
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

if (!isMainThread && workerData?.kind === 'catalogue-citeproc' && parentPort) {
  const port = parentPort;
  registerTemplates(workerData.templates ?? {});
  // A message is a batch of jobs; the reply lists one result per job, in order.
  port.on('message', (/** @type {{ batch: number, jobs: Array<{ item: object, template: string }> }} */ message) => {
    const results = message.jobs.map(({ item, template }) => {
      try {
        const html = citeprocHtml(item, template);
        return html === undefined ? { missing: true } : { html };
      } catch (error) {
        return { error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
      }
    });
    port.postMessage({ batch: message.batch, results });
  });
}
