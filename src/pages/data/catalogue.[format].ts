/** The whole catalogue as open data: /data/catalogue.csv, .json, .bib and .ris. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalogueDataPath, DATA_FORMAT_KEYS, DATA_FORMATS, type DataFormatKey } from '../../lib/export/formats';
import { loadCatalogue } from '../../lib/load-catalogue';

export const getStaticPaths = (() => DATA_FORMAT_KEYS.map((format) => ({ params: { format }, props: { format } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ format: DataFormatKey }> = async ({ props }) => {
  const { publications } = await loadCatalogue();
  const format = DATA_FORMATS[props.format];
  const body = format.write(publications, { title: 'the whole catalogue', path: catalogueDataPath(props.format) });
  return new Response(body, { headers: { 'Content-Type': format.mediaType } });
};
