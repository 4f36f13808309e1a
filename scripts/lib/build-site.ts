import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SHARD_PAGES_ENV } from '../../src/lib/search/shards';

export interface BuiltSite {
  outDir: string;
  /** The build's scratch folder (outDir and cache), for removeBuild. */
  workDir: string;
  seconds: number;
  /** Everything the build printed. */
  log: string;
}

/** Inside the project (git-ignored): with an outDir outside it, overlapping builds delete each other's prerender chunks. */
export const SCRATCH_BUILDS_DIR = resolve('.tmp-builds');

/** The two steps of `npm run build` after validation, as commands: Astro renders, then the search index is built. */
export const ASTRO_BIN = resolve('node_modules/astro/bin/astro.mjs');
/** Node's arguments for the search-index step: tsx as a loader in one process (its CLI would start a second). */
const SEARCH_INDEX_ARGS = ['--import', 'tsx', resolve('scripts/build-search-index.ts')];

/** The environment both steps run in: which entries to build, where to write the site and keep Astro's cache. */
export function buildEnv(contentDir: string, outDir: string, cacheDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CATALOGUE_CONTENT_DIR: resolve(contentDir),
    CATALOGUE_OUT_DIR: outDir,
    CATALOGUE_CACHE_DIR: cacheDir,
  };
}

/** `npm run build`'s two steps from a content folder into a fresh scratch folder, never touching content/ or dist/. */
export async function buildSite(
  contentDir: string,
  label = 'site',
  { searchShardPages }: { searchShardPages?: number } = {},
): Promise<BuiltSite> {
  mkdirSync(SCRATCH_BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(SCRATCH_BUILDS_DIR, `${label}-`));
  const outDir = join(work, 'dist');
  const started = performance.now();
  const env = buildEnv(contentDir, outDir, join(work, 'cache'));
  let log = await run([ASTRO_BIN, 'build', '--silent'], env, `Building ${label} from ${contentDir}`);
  // Publications per search-index shard (src/lib/search/shards.ts): a small number gives a tiny site several shards.
  const indexEnv = searchShardPages === undefined ? env : { ...env, [SHARD_PAGES_ENV]: String(searchShardPages) };
  log += await run([...SEARCH_INDEX_ARGS, outDir], indexEnv, `Indexing ${label} for search`);
  return { outDir, workDir: work, seconds: (performance.now() - started) / 1000, log };
}

/** Runs one Node command to its end; everything it printed, or an Error with all of it when it fails. */
async function run(args: string[], env: NodeJS.ProcessEnv, what: string): Promise<string> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${log}`);
  return log;
}

/** Deletes a scratch build. */
export function removeBuild(site: BuiltSite): void {
  rmSync(site.workDir, { recursive: true, force: true });
}
