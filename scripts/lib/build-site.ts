import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuiltSite {
  /** The folder the site was written to. */
  outDir: string;
  /** Wall-clock seconds the build took. */
  seconds: number;
  /** Everything the build printed (for error messages and the benchmark's Astro/Pagefind split). */
  log: string;
}

/**
 * Builds the site from a given content folder into a fresh temporary folder, with the same `astro build` that
 * `npm run build` runs, so browser tests and the benchmark never touch `content/` or `dist/`.
 */
export async function buildSite(contentDir: string, label = 'site'): Promise<BuiltSite> {
  const work = mkdtempSync(join(tmpdir(), `catalogue-${label}-`));
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
  return { outDir, seconds: (performance.now() - started) / 1000, log };
}
