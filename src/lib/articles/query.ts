import { getCollection, type CollectionEntry } from 'astro:content';
import { buildTime } from '../site/clock';
import { assertAuthorsExist, getAuthors } from '../people/authors';

/** An article as stored in the content collection. */
export type Article = CollectionEntry<'articles'>;

/**
 * Whether readers may see an article. A draft never reaches a build; an embargoed article (its
 * `published` instant is after the build's time) appears in the first build after that instant.
 * `astro dev` shows both, so editors can see them. Every page, feed and sitemap filters through
 * this, so they cannot disagree.
 */
export function isPublished(
  article: Pick<Article, 'data'>,
  { dev = import.meta.env.DEV, now = buildTime }: { dev?: boolean; now?: Date } = {},
): boolean {
  if (dev) return true;
  return !article.data.draft && article.data.published.date.getTime() <= now.getTime();
}

/** Newest first; ties broken by id so the order never wobbles between builds. */
export function byNewest(a: Article, b: Article): number {
  return b.data.published.date.getTime() - a.data.published.date.getTime() || a.id.localeCompare(b.id);
}

let published: Promise<Article[]> | undefined;

/**
 * The articles readers see, newest first. Computed once per build and shared by every page and
 * feed (a listing page must not re-read and re-sort the whole archive).
 */
export function getPublishedArticles(): Promise<Article[]> {
  const load = async () => {
    const [articles, authors] = await Promise.all([getCollection('articles'), getAuthors()]);
    // Every article, drafts too: a slug that names nobody fails now, not on the day it is published.
    assertAuthorsExist(articles, authors);
    return articles.filter((article) => isPublished(article)).sort(byNewest);
  };
  if (import.meta.env.DEV) return load(); // the dev server must see edits
  published ??= load();
  return published;
}
