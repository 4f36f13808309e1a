import type { TestProject } from 'vitest/node';
import { buildSite, removeBuild } from '../../scripts/lib/build-site';
import { serveStatic } from '../../src/lib/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the tiny fixture site (tests/fixtures/site). */
    fixtureUrl: string;
    /** Base URL of the real catalogue (content/publications), built the way `npm run build` builds it. */
    catalogueUrl: string;
  }
}

/**
 * Builds the fixture site and the real catalogue once per run, in parallel, and serves each on 127.0.0.1:0.
 * The fixture's search index is cut into shards of three publications (as a catalogue of over 10,000 is, see
 * src/lib/search/shards.ts), so the search tests run on merged shards; the catalogue's is one index.
 */
export default async function setup(project: TestProject) {
  const [fixture, catalogue] = await Promise.all([
    buildSite('tests/fixtures/site/publications', 'fixture', { searchShardPages: 3 }),
    buildSite('content/publications', 'catalogue'),
  ]);
  const fixtureServer = await serveStatic(fixture.outDir, 0);
  const catalogueServer = await serveStatic(catalogue.outDir, 0);
  project.provide('fixtureUrl', fixtureServer.url);
  project.provide('catalogueUrl', catalogueServer.url);
  return async () => {
    fixtureServer.server.close();
    catalogueServer.server.close();
    removeBuild(fixture);
    removeBuild(catalogue);
  };
}
