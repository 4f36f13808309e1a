/** The dev server's /publications/<slug>/cite.{ris,bib,json} (a build writes these files itself: cite-downloads.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Publication } from '../lib/catalogue';
import { CITE_FORMAT_KEYS, CITE_FORMATS, type CiteFormat } from '../lib/cite/downloads';
import { loadCatalogue } from '../lib/load-catalogue';

export const getStaticPaths = (async () => {
  const { publications } = await loadCatalogue();
  return publications.flatMap((publication) =>
    CITE_FORMAT_KEYS.map((format) => ({ params: { slug: publication.slug, format }, props: { publication, format } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ publication: Publication; format: CiteFormat }> = ({ props }) => {
  const format = CITE_FORMATS[props.format];
  return new Response(format.write([props.publication]), {
    headers: { 'Content-Type': `${format.mediaType}; charset=${format.charset}` },
  });
};
