import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, removeBuild } from '../../scripts/lib/build-site';
import { serveStatic } from '../../src/lib/server';
import { writeBrowseCatalogue } from '../fixtures/site/browse-catalogue';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the tiny fixture site (tests/fixtures/site). */
    fixtureUrl: string;
    /** Base URL of the real catalogue (content/publications), built the way `npm run build` builds it. */
    catalogueUrl: string;
    /** The browse catalogue (tests/fixtures/site/browse-catalogue.ts): its entries, built site and base URL. */
    browseContentDir: string;
    browseOutDir: string;
    browseUrl: string;
  }
}

/**
 * Builds the fixture site, the real catalogue and the browse catalogue once per run, in parallel (each build is
 * mostly one core's work), and serves each on 127.0.0.1:0.
 * The fixture's search index is cut into shards of three publications (as a catalogue of over 10,000 is, see
 * src/lib/search/shards.ts), so the search tests run on merged shards; the catalogue's is one index.
 */
export default async function setup(project: TestProject) {
  const browseContentDir = join(mkdtempSync(join(tmpdir(), 'catalogue-browse-content-')), 'publications');
  writeBrowseCatalogue(browseContentDir);
  const sites = await Promise.all([
    buildSite('tests/fixtures/site/publications', 'fixture', { searchShardPages: 3 }),
    buildSite('content/publications', 'catalogue'),
    buildSite(browseContentDir, 'browse'),
  ]);
  const [fixture, catalogue, browse] = await Promise.all(sites.map((site) => serveStatic(site.outDir, 0)));
  project.provide('fixtureUrl', fixture!.url);
  project.provide('catalogueUrl', catalogue!.url);
  project.provide('browseUrl', browse!.url);
  project.provide('browseOutDir', sites[2]!.outDir);
  project.provide('browseContentDir', browseContentDir);
  return async () => {
    for (const { server } of [fixture!, catalogue!, browse!]) server.close();
    for (const site of sites) removeBuild(site);
    rmSync(dirname(browseContentDir), { recursive: true, force: true });
  };
}
