import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entrySchema } from './lib/schema/entry';

/** One collection: every publication, one Markdown file each, validated by THE entry schema. */
export const collections = {
  publications: defineCollection({
    loader: glob({
      pattern: '*.md',
      base: process.env.CATALOGUE_CONTENT_DIR ?? './content/publications',
      retainBody: false,
    }),
    schema: entrySchema,
  }),
};
