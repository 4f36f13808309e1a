import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCiteDownloads } from '../../src/integrations/cite-downloads';
import { CITE_FORMATS } from '../../src/lib/cite/downloads';
import { catalogueDataPath } from '../../src/lib/export/formats';
import { toDatasetJson } from '../../src/lib/export/json';
import { readCatalogueExport } from '../../src/lib/export/read';
import { readFixturePublications } from '../support/fixture-publications';

// A build writes every entry's cite.{ris,bib,json} from the whole-catalogue JSON export: the export must give back
// exactly the publications the pages were built from, and each file must be what the format's writer makes.
const site = mkdtempSync(join(tmpdir(), 'cite-downloads-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('citation downloads written after the build', () => {
  const publications = readFixturePublications();
  const exportFile = join(site, catalogueDataPath('json'));
  mkdirSync(dirname(exportFile), { recursive: true });
  writeFileSync(exportFile, toDatasetJson(publications, { title: 'the whole catalogue', path: catalogueDataPath('json') }));

  it('reads the publications back from /data/catalogue.json unchanged', async () => {
    expect(publications.length).toBeGreaterThan(5);
    await expect(readCatalogueExport(site)).resolves.toEqual(publications);
  });

  it('writes cite.ris, cite.bib and cite.json beside each publication page', async () => {
    for (const { slug } of publications) mkdirSync(join(site, 'publications', slug), { recursive: true });
    writeCiteDownloads(site, await readCatalogueExport(site));
    for (const publication of publications) {
      for (const format of Object.values(CITE_FORMATS)) {
        const file = join(site, 'publications', publication.slug, `cite.${format.extension}`);
        expect(readFileSync(file, 'utf8'), file).toBe(format.write([publication]));
      }
    }
  });

  it('leaves the downloads of a page kept from the last build, and writes those of a rendered page or a missing file', async () => {
    const [kept, rendered, missing] = publications.map(({ slug }) => join(site, 'publications', slug));
    for (const dir of [kept, rendered, missing]) writeFileSync(join(dir!, 'index.html'), '<!doctype html>');
    for (const dir of [kept, rendered]) writeFileSync(join(dir!, 'cite.ris'), 'from the last build');
    rmSync(join(missing!, 'cite.ris'));
    const since = Date.now() + 60_000; // every page above counts as written before this build started…
    const renderedPage = join(rendered!, 'index.html');
    utimesSync(renderedPage, new Date(since + 1000), new Date(since + 1000)); // …but the one rendered in it
    writeCiteDownloads(site, await readCatalogueExport(site), since);
    expect(readFileSync(join(kept!, 'cite.ris'), 'utf8')).toBe('from the last build');
    expect(readFileSync(join(rendered!, 'cite.ris'), 'utf8')).toBe(CITE_FORMATS.ris.write([publications[1]!]));
    expect(readFileSync(join(missing!, 'cite.ris'), 'utf8')).toBe(CITE_FORMATS.ris.write([publications[2]!]));
  });

  it('says which file it needs when the export is missing', async () => {
    await expect(readCatalogueExport(join(site, 'nowhere'))).rejects.toThrow(/data\/catalogue\.json, the whole-catalogue export/);
  });
});
