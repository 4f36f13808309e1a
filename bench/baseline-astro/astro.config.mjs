// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Benchmark baseline (a): the plainest Astro site over the same entries — one page per entry, Astro's defaults,
 * no integrations. The benchmark runs stock Pagefind over its output afterwards. Built with the project's own Astro
 * install: `astro build --root bench/baseline-astro` with BENCH_CONTENT_DIR, BENCH_OUT_DIR and BENCH_CACHE_DIR.
 */
export default defineConfig({
  site: 'http://127.0.0.1/',
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
});
