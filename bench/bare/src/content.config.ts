import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The same glob loader as the site (file name = id), with a schema that accepts any frontmatter. */
const articles = defineCollection({
  loader: glob({
    base: '.',
    pattern: 'src/content/articles/**/[^_]*.mdx',
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
  }),
  schema: z.looseObject({}),
});

export const collections = { articles };
