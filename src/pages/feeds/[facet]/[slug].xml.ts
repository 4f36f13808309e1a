/** Atom feeds per region, country and category: /feeds/regions/<slug>.xml, /feeds/countries/<code>.xml, … */
import type { APIRoute, GetStaticPaths } from 'astro';
import { lastAdded } from '../../../lib/export/json';
import { FACETS } from '../../../lib/facets';
import { facetFeed } from '../../../lib/feeds/feeds';
import { feedValues, type FeedValue } from '../../../lib/feeds/paths';
import { loadCatalogue } from '../../../lib/load-catalogue';

export const getStaticPaths = (async () => {
  const { publications, facets, cacheKey } = await loadCatalogue();
  const last = lastAdded(publications);
  return feedValues().map((value) => {
    // A feed shows its value's publications, or while it has none, the day of the catalogue's last addition.
    const listed = facets.byKey[value.facet].get(value.key);
    return { params: { facet: FACETS[value.facet].segment, slug: value.slug }, props: { value }, cacheKey: cacheKey(value, listed ?? last) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ value: FeedValue }> = async ({ props }) => {
  const { publications, facets } = await loadCatalogue();
  return new Response(facetFeed(props.value, facets, publications), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
