/** One region's, country's or category's publications as open data: /data/countries/jo.csv, … */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Publication } from '../../../lib/catalogue';
import { DATA_FACETS, DATA_FORMAT_KEYS, DATA_FORMATS, facetDataPath, type DataFormatKey } from '../../../lib/export/formats';
import { FACETS, type FacetValue } from '../../../lib/facets';
import { loadCatalogue } from '../../../lib/load-catalogue';

export const getStaticPaths = (async () => {
  const { facets, cacheKey } = await loadCatalogue();
  return DATA_FACETS.flatMap((facet) =>
    facets.values[facet].flatMap((value) =>
      DATA_FORMAT_KEYS.map((format) => ({
        params: { facet: FACETS[facet].segment, slug: value.slug, format },
        props: { value, format },
        cacheKey: cacheKey(value, format),
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ value: FacetValue<Publication>; format: DataFormatKey }> = ({ props }) => {
  const { value } = props;
  const format = DATA_FORMATS[props.format];
  const title = `${FACETS[value.facet].singular.toLowerCase()} ${value.name}`;
  const path = facetDataPath(value.facet as (typeof DATA_FACETS)[number], value.slug, props.format);
  return new Response(format.write(value.publications, { title, path }), { headers: { 'Content-Type': format.mediaType } });
};
