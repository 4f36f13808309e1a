import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** A permissive schema: any frontmatter with a title is accepted (the baseline measures Astro, not validation). */
export const collections = {
  publications: defineCollection({
    loader: glob({ pattern: '*.md', base: process.env.BENCH_CONTENT_DIR ?? './content' }),
    schema: z.looseObject({ title: z.string(), summary: z.string().optional() }),
  }),
};
