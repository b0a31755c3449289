import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * The same glob loader as the site (file name = id), with a schema that accepts any frontmatter
 * but declares the lead photograph's `src` as an image, as the site's does: that is what makes
 * Astro resolve it (and later process it) rather than keep it as text.
 */
const articles = defineCollection({
  loader: glob({
    base: '.',
    pattern: 'src/content/articles/**/[^_]*.mdx',
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx$/, ''),
  }),
  schema: ({ image }) => z.looseObject({ image: z.looseObject({ src: image() }).optional() }),
});

export const collections = { articles };
