import { globSync } from 'node:fs';

/**
 * Where articles come from, for the content collection (src/content.config.ts) and for scripts
 * that read the articles before Astro does (scripts/draw-cards-ahead.mjs). The real ones live in
 * src/content/articles/; `NEWS_FIXTURES=1` adds the example archive in tests/fixtures/archive/
 * (test material, never part of a production build). Each is `<slug>.mdx` or `<slug>/index.mdx`;
 * a file whose name starts with "_" is not an article.
 * @param fixtures whether the example archive is built (`process.env.NEWS_FIXTURES === '1'`)
 * @returns glob patterns relative to the project root
 */
export function articlePatterns(fixtures: boolean): string[] {
  return ['src/content/articles', ...(fixtures ? ['tests/fixtures/archive'] : [])].map(
    (folder) => `${folder}/**/[^_]*.mdx`,
  );
}

/**
 * Where people come from, for the `authors` collection: one `<slug>.md` each in
 * src/content/authors/; `NEWS_FIXTURES=1` adds the example archive's people in
 * tests/fixtures/authors/. A file whose name starts with "_" (the folder's `_README.md`) is not
 * a person.
 * @param fixtures whether the example archive is built (`process.env.NEWS_FIXTURES === '1'`)
 * @returns glob patterns relative to the project root
 */
export function authorPatterns(fixtures: boolean): string[] {
  return ['src/content/authors', ...(fixtures ? ['tests/fixtures/authors'] : [])].map(
    (folder) => `${folder}/**/[^_]*.md`,
  );
}

/**
 * Whether any person has a file yet. A site with none is valid (no article names anyone), but
 * Astro warns about it twice: its `glob()` loader when no file matches, and `getCollection()`
 * for a collection it holds nothing of. The people's loader and `getAuthors()` ask this first and
 * leave Astro out when the answer is no, so a valid site builds without a warning.
 * @param fixtures whether the example archive is built (`process.env.NEWS_FIXTURES === '1'`)
 * @param root the project's folder, which the patterns are relative to
 */
export function hasAuthorFiles(fixtures: boolean, root: string): boolean {
  return globSync(authorPatterns(fixtures), { cwd: root }).length > 0;
}
