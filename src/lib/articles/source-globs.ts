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
