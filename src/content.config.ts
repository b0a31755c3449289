import { defineCollection } from 'astro:content';
import { articleSchema } from './schemas/article';
import { articleId, articleLoader } from './lib/article-loader';

/**
 * Where articles come from. The real ones live in src/content/articles/. `NEWS_FIXTURES=1` adds
 * the example archive in tests/fixtures/archive/ (several sections, tags and years, a draft, an
 * embargoed and a syndicated piece): test material, never part of a production build.
 */
const folders = ['src/content/articles'];
if (process.env.NEWS_FIXTURES === '1') folders.push('tests/fixtures/archive');

/**
 * One MDX file per article, `<slug>.mdx` or `<slug>/index.mdx`: the file (or folder) name is the
 * article's URL slug. Its images sit beside it, in a folder named after it.
 */
const articles = defineCollection({
  loader: articleLoader({
    base: '.',
    pattern: folders.map((folder) => `${folder}/**/[^_]*.mdx`),
    // The slug is the name alone, wherever the file sits; two files with one slug fail the
    // build (prerenderConflictBehavior: 'error' in astro.config.mjs).
    generateId: ({ entry }) => articleId(entry),
  }),
  schema: articleSchema,
});

export const collections = { articles };
