/** OpenSearch description, so browsers can add the catalogue's search (linked from <head> by SiteHeadLinks). */
import type { APIRoute } from 'astro';
import { openSearchDescription } from '../lib/feeds/opensearch';

export const GET: APIRoute = () =>
  new Response(openSearchDescription(), { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } });
