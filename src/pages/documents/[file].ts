/**
 * `/documents/<file>`: the documents whose licence lets the site publish them (`document_redistributable: true`),
 * served from content/documents/ so a search result's `#page=N` opens the site's own copy.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentsDirFor } from '../../lib/documents/records';
import { loadCatalogue } from '../../lib/load-catalogue';
import { CONTENT_DIR } from '../../lib/site';

export const getStaticPaths = (async () => {
  const { publications } = await loadCatalogue();
  return publications
    .filter(({ data }) => data.document && data.document_redistributable)
    .map(({ data }) => ({ params: { file: data.document! } }));
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { pdf: 'application/pdf', txt: 'text/plain; charset=utf-8' };

export const GET: APIRoute = async ({ params }) => {
  const file = params.file!;
  const type = TYPES[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
  return new Response(await readFile(join(documentsDirFor(process.env.CATALOGUE_CONTENT_DIR ?? CONTENT_DIR), file)), {
    headers: { 'Content-Type': type },
  });
};
