/**
 * `npm start`: serve dist/ on http://127.0.0.1:4321 (or PORT), building it first when it is missing, unfinished or
 * older than the content or the code.
 */
import { spawnSync } from 'node:child_process';
import { whyBuild } from '../src/lib/build-state';
import { serveStatic } from '../src/lib/server';

/** What the site is built from: a change to any of them means `dist/` is stale. */
const SOURCES = ['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json'];

async function main(): Promise<number> {
  const port = Number(process.env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT must be a port number (0–65535), not "${process.env.PORT}".\n`);
    return 2;
  }
  const reason = whyBuild('dist', SOURCES);
  if (reason !== undefined) {
    console.log(`Building first: ${reason}.`);
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) {
      process.stderr.write('\nnpm start: the build failed (its messages are above); fix them and run npm start again.\n');
      return build.status ?? 1;
    }
  } else {
    console.log('dist/ is up to date with the content and the code.');
  }
  try {
    const { url } = await serveStatic('dist', port);
    console.log(`Serving dist/ at ${url}/  (Ctrl+C to stop)`);
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is already in use (another npm start?); try PORT=${port + 1} npm start` : e instanceof Error ? e.message : String(e);
    process.stderr.write(`npm start: cannot serve dist/: ${why}\n`);
    return 1;
  }
}

main().then((code) => {
  if (code !== 0) process.exit(code);
});
