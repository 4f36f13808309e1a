import { defineCollection } from 'astro:content';
import { catalogueLoader } from './lib/entry/loader';
import { entrySchema } from './lib/schema/entry';
import { CONTENT_DIR } from './lib/site';

/** One collection: every publication, one Markdown file each, read by the validator's own pipeline (loader.ts). */
export const collections = {
  publications: defineCollection({
    // Tests and the benchmark point the collection at fixture catalogues.
    loader: catalogueLoader({ base: process.env.CATALOGUE_CONTENT_DIR ?? CONTENT_DIR }),
    // For types only: the loader stores data the validator has already passed through this schema.
    schema: entrySchema,
  }),
};
