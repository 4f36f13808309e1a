import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index over the finished site, in the same `astro build`, through Pagefind's Node API
 * (no third-party integration). Failures stop the build with a message that says what failed and why.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'catalogue:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const sitePath = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(createErrors.join('; ') || 'createIndex returned no index');
          const added = await index.addDirectory({ path: sitePath });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: `${sitePath}pagefind` });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Pagefind indexed ${added.page_count} pages in ${seconds} s`);
        } catch (cause) {
          throw new Error('Building the Pagefind search index failed', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
