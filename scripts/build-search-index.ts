/**
 * npm run build's last step: `node --import tsx scripts/build-search-index.ts [SITE_DIR]`
 *
 * Builds the Pagefind search index and the spelling vocabulary of the entries in CATALOGUE_CONTENT_DIR (default:
 * content/publications) over the site `astro build` has written from them (default: the build's outDir, `dist/`
 * unless CATALOGUE_OUT_DIR says otherwise). Its own process, after Astro's has exited, so
 * the two never hold their memory at the same time. Exit 0 on success, 1 when indexing failed, 2 on a usage error.
 * SEARCH_SHARD_PAGES sets the publications per shard (src/lib/search/shards.ts), for tests of a sharded index on a
 * small site.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndex, describeIndex } from '../src/lib/search/build-index';
import { SHARD_PAGES_ENV } from '../src/lib/search/shards';
import { CONTENT_DIR, OUT_DIR } from '../src/lib/site';

const USAGE = 'usage: node --import tsx scripts/build-search-index.ts [SITE_DIR]';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length > 1 || argv.some((arg) => arg.startsWith('-'))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const siteDir = argv[0] ?? OUT_DIR;
  if (!existsSync(join(siteDir, 'publications'))) {
    process.stderr.write(`${siteDir} has no publications/ folder: run \`astro build\` first (npm run build does both).\n`);
    return 2;
  }
  const shardPages = process.env[SHARD_PAGES_ENV];
  if (shardPages !== undefined && !/^[1-9]\d*$/.test(shardPages)) {
    process.stderr.write(`${SHARD_PAGES_ENV} must be a whole number of publications (≥ 1), not "${shardPages}".\n`);
    return 2;
  }
  try {
    const maxShardPages = shardPages === undefined ? undefined : Number(shardPages);
    const contentDir = process.env.CATALOGUE_CONTENT_DIR ?? CONTENT_DIR;
    console.log(describeIndex(await buildSearchIndex(siteDir, contentDir, { maxShardPages })));
    return 0;
  } catch (error) {
    // The message says which step failed; the cause is the validator's, Pagefind's or the file system's own words.
    const cause = error instanceof Error && error.cause !== undefined ? `: ${String(error.cause instanceof Error ? error.cause.message : error.cause)}` : '';
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}${cause}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
