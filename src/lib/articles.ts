import { getCollection, type CollectionEntry } from 'astro:content';

/** An article as stored in the content collection. */
export type Article = CollectionEntry<'articles'>;

/**
 * Whether an article may be shown: drafts are shown only by `astro dev`, never in a build.
 * Every page and every feed filters through this, so they cannot disagree.
 */
export function isPublished(
  article: Article,
  { dev }: { dev: boolean } = { dev: import.meta.env.DEV },
): boolean {
  return dev || !article.data.draft;
}

/** The articles readers see, newest first (ties broken by id so the order never wobbles). */
export async function getPublishedArticles(): Promise<Article[]> {
  const articles = await getCollection('articles', (article) => isPublished(article));
  return articles.sort(
    (a, b) => b.data.published.date.getTime() - a.data.published.date.getTime() || a.id.localeCompare(b.id),
  );
}
