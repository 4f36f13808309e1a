// @ts-check
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { citeDownloadsIntegration } from './src/integrations/cite-downloads.ts';
import { keepOutputIntegration } from './src/integrations/keep-output.ts';
import { safeMarkdown } from './src/lib/markdown/safe-markdown.ts';
import { OUT_DIR, SITE_URL } from './src/lib/site.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  outDir: OUT_DIR,
  // Tests and the benchmark build fixture catalogues side by side: each gets its own output and cache folder.
  cacheDir: process.env.CATALOGUE_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  // A page whose getStaticPaths() gives a cacheKey (what it shows, src/lib/load-catalogue.ts) is copied from the last
  // build's copy in cacheDir when its key and code are unchanged. build.concurrency stays 1: 4 was no faster
  // (bench/analysis.md, session 14).
  experimental: { incrementalBuild: true },
  // Plain static files only: no client framework, no prefetching, no third-party anything.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: {
    processor: satteri({ mdastPlugins: [safeMarkdown], features: { smartPunctuation: false } }),
    syntaxHighlight: false,
  },
  // The search index is built after `astro build` has exited (scripts/build-search-index.ts, part of `npm run build`),
  // so Astro's memory is freed before Pagefind's grows.
  // keep-output last: it removes what this build did not write, once the downloads are written.
  integrations: [citeDownloadsIntegration(), keepOutputIntegration()],
  // `npm run dev`, the editors' preview: this machine only, on the port `npm start` uses (the next free one if busy).
  server: { host: '127.0.0.1', port: 4321 },
  // Scratch builds of the tests and the benchmark (.tmp-*) hold tens of thousands of files: not for the dev server to watch.
  vite: { server: { watch: { ignored: ['**/.tmp-*/**'] } } },
});
