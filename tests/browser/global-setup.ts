import { mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/lib/build-site';
import { serveStatic } from '../../src/lib/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the tiny fixture site (tests/fixtures/site). */
    fixtureUrl: string;
    /** Base URL of the real catalogue (content/publications), built the way `npm run build` builds it. */
    catalogueUrl: string;
  }
}

/** Builds the fixture site and the real catalogue once per run, in parallel, and serves each on 127.0.0.1:0. */
export default async function setup(project: TestProject) {
  // Astro keeps a build's prerender chunks in <cwd>/.astro/.prerender whenever its outDir is outside the project,
  // so builds that overlap (these two, another test run, the benchmark) delete each other's chunks ("Cannot find
  // module …/.astro/.prerender/chunks/…"). With outDir inside the project they stay in the build's own folder:
  // buildSite makes its folders under TMPDIR, so point TMPDIR (for this process and the test workers it starts)
  // at a git-ignored scratch folder of this run (`.tmp*`), removed at the end.
  const scratch = resolve(mkdtempSync('.tmp-test-builds-'));
  process.env.TMPDIR = scratch;
  const [fixture, catalogue] = await Promise.all([
    buildSite('tests/fixtures/site/publications', 'fixture'),
    buildSite('content/publications', 'catalogue'),
  ]);
  const fixtureServer = await serveStatic(fixture.outDir, 0);
  const catalogueServer = await serveStatic(catalogue.outDir, 0);
  project.provide('fixtureUrl', fixtureServer.url);
  project.provide('catalogueUrl', catalogueServer.url);
  return async () => {
    fixtureServer.server.close();
    catalogueServer.server.close();
    rmSync(scratch, { recursive: true, force: true });
  };
}
