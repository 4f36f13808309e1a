/** JSON Schema of /data/catalogue.json (and each facet's JSON download), generated from the entry schema. */
import type { APIRoute } from 'astro';
import { catalogueJsonSchema } from '../../lib/export/json';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(catalogueJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
