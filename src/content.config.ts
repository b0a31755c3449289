import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article';
import { slugify } from './lib/slug';

/**
 * Where articles come from. The real ones live in src/content/articles/. `NEWS_FIXTURES=1` adds
 * the example archive in tests/fixtures/archive/ (several sections, tags and years, a draft, an
 * embargoed and a syndicated piece): test material, never part of a production build.
 */
const folders = ['src/content/articles'];
if (process.env.NEWS_FIXTURES === '1') folders.push('tests/fixtures/archive');

/** One MDX file per article; the file name (without `.mdx`) is the article's URL slug. */
const articles = defineCollection({
  loader: glob({
    base: '.',
    pattern: folders.map((folder) => `${folder}/**/[^_]*.mdx`),
    // The slug is the file name alone, wherever the file sits; two files with one slug fail the
    // build (prerenderConflictBehavior: 'error' in astro.config.mjs).
    generateId: ({ entry }) => slugify(entry.replace(/^.*\//, '').replace(/\.mdx$/, '')),
  }),
  schema: articleSchema,
});

export const collections = { articles };
