/** JSON Schema of an entry's frontmatter, generated from src/lib/schema/entry.ts. */
import type { APIRoute } from 'astro';
import { entryJsonSchema } from '../../lib/export/json';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(entryJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
