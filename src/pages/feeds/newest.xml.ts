/** Atom feed of the catalogue's newest additions. */
import type { APIRoute } from 'astro';
import { newestFeed } from '../../lib/feeds/feeds';
import { loadCatalogue } from '../../lib/load-catalogue';

export const GET: APIRoute = async () => {
  const { publications } = await loadCatalogue();
  return new Response(newestFeed(publications), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
