import { defineCollection } from 'astro:content';
import { articleSchema } from './schemas/article';
import { authorSchema } from './schemas/author';
import { slugify } from './lib/site/slug';
import { articleId, articleLoader, authorLoader } from './lib/articles/loader';
import { articlePatterns, authorPatterns } from './lib/articles/source-globs';

/**
 * `NEWS_FIXTURES=1` adds the example archive (tests/fixtures/: several sections, tags and years, a
 * draft, an embargoed and a syndicated piece, their people): test material, never part of a
 * production build.
 */
const fixtures = process.env.NEWS_FIXTURES === '1';

/**
 * One MDX file per article, `<slug>.mdx` or `<slug>/index.mdx`: the file (or folder) name is the
 * article's URL slug. Its images sit beside it, in a folder named after it.
 */
const articles = defineCollection({
  loader: articleLoader({
    base: '.',
    pattern: articlePatterns(fixtures),
    // The slug is the name alone, wherever the file sits; two files with one slug fail the
    // build (prerenderConflictBehavior: 'error' in astro.config.mjs).
    generateId: ({ entry }) => articleId(entry),
  }),
  schema: articleSchema,
});

/**
 * One Markdown file per person, `src/content/authors/<slug>.md` (the example archive's people
 * are in tests/fixtures/authors/): the file name is the slug articles name them by. Read with the
 * frontmatter checks articles get (`authorLoader`).
 */
const authors = defineCollection({
  loader: authorLoader({
    base: '.',
    pattern: authorPatterns(fixtures),
    generateId: ({ entry }) => slugify(entry.replace(/^.*\//, '').replace(/\.md$/, '')),
  }),
  schema: authorSchema,
});

export const collections = { articles, authors };
