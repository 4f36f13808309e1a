/**
 * `npm start`: serve the built site on http://127.0.0.1:4321, building it first when `dist/` is missing or older
 * than the content or the code.
 */
import { spawnSync } from 'node:child_process';
import { needsBuild } from '../src/lib/build-state';
import { serveStatic } from '../src/lib/server';

const port = Number(process.env.PORT ?? 4321);

if (needsBuild('dist', ['content', 'src', 'public', 'astro.config.mjs'])) {
  console.log('dist/ is missing or older than the content: building first…');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { url } = await serveStatic('dist', port);
console.log(`Serving dist/ at ${url}/  (Ctrl+C to stop)`);
