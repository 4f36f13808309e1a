/** Atom feeds per region, country and category: /feeds/regions/<slug>.xml, /feeds/countries/<code>.xml, … */
import type { APIRoute, GetStaticPaths } from 'astro';
import { FACETS } from '../../../lib/facets';
import { facetFeed } from '../../../lib/feeds/feeds';
import { feedValues, type FeedValue } from '../../../lib/feeds/paths';
import { loadCatalogue } from '../../../lib/load-catalogue';

export const getStaticPaths = (() =>
  feedValues().map((value) => ({ params: { facet: FACETS[value.facet].segment, slug: value.slug }, props: { value } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ value: FeedValue }> = async ({ props }) => {
  const { publications, facets } = await loadCatalogue();
  return new Response(facetFeed(props.value, facets, publications), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
