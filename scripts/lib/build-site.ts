import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface BuiltSite {
  /** The folder the site was written to. */
  outDir: string;
  /** The build's scratch folder (outDir and cache), for removeBuild. */
  workDir: string;
  /** Wall-clock seconds the build took. */
  seconds: number;
  /** Everything the build printed (for error messages and the benchmark's Astro/Pagefind split). */
  log: string;
}

/**
 * Scratch builds live inside the project (git-ignored): Astro keeps a build's prerender chunks in
 * <project>/.astro/.prerender whenever its outDir is outside the project, so overlapping builds elsewhere delete each
 * other's chunks ("Cannot find module …/.astro/.prerender/chunks/…").
 */
export const SCRATCH_BUILDS_DIR = resolve('.tmp-builds');

/**
 * Builds the site from a given content folder into a fresh scratch folder, with the same `astro build` that
 * `npm run build` runs, so browser tests and the benchmark never touch `content/` or `dist/`.
 */
export async function buildSite(contentDir: string, label = 'site'): Promise<BuiltSite> {
  mkdirSync(SCRATCH_BUILDS_DIR, { recursive: true });
  const work = mkdtempSync(join(SCRATCH_BUILDS_DIR, `${label}-`));
  const outDir = join(work, 'dist');
  const started = performance.now();
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const child = spawn(process.execPath, [astro, 'build', '--silent'], {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CATALOGUE_CONTENT_DIR: resolve(contentDir),
      CATALOGUE_OUT_DIR: outDir,
      CATALOGUE_CACHE_DIR: join(work, 'cache'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`Building ${label} from ${contentDir} failed (exit ${code}):\n${log}`);
  return { outDir, workDir: work, seconds: (performance.now() - started) / 1000, log };
}

/** Deletes a scratch build. */
export function removeBuild(site: BuiltSite): void {
  rmSync(site.workDir, { recursive: true, force: true });
}
