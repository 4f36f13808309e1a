import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './lib/schema/entry';
import { CONTENT_DIR } from './lib/site';

/** One collection: every publication, one Markdown file each, validated by THE entry schema. */
export const collections = {
  publications: defineCollection({
    loader: glob({
      pattern: '*.md',
      // Tests and the benchmark point the collection at fixture catalogues.
      base: process.env.CATALOGUE_CONTENT_DIR ?? `./${CONTENT_DIR}`,
      retainBody: false,
    }),
    schema: entrySchema,
  }),
};
