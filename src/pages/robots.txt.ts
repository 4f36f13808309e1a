/** robots.txt: everything may be crawled; points to the sitemap. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds/sitemap';

export const GET: APIRoute = () => new Response(robotsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
