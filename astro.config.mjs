// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { citeDownloadsIntegration } from './src/integrations/cite-downloads.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { safeMarkdown } from './src/lib/markdown/safe-markdown.ts';
import { SITE_URL } from './src/lib/site.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Tests and the benchmark build fixture catalogues side by side: each gets its own output and cache folder.
  outDir: process.env.CATALOGUE_OUT_DIR ?? './dist',
  cacheDir: process.env.CATALOGUE_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // Plain static files only: no client framework, no prefetching, no third-party anything.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: {
    processor: satteri({ mdastPlugins: [safeMarkdown], features: { smartPunctuation: false } }),
    syntaxHighlight: false,
  },
  integrations: [citeDownloadsIntegration(), pagefindIntegration()],
  // Scratch builds of the tests and the benchmark (.tmp-*) hold tens of thousands of files: not for the dev server to watch.
  vite: { server: { watch: { ignored: ['**/.tmp-*/**'] } } },
});
