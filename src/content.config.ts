import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article';

/** One MDX file per article; the file name (without `.mdx`) is the article's URL slug. */
const articles = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: './src/content/articles' }),
  schema: articleSchema,
});

export const collections = { articles };
