import type { Article } from '../articles/query';
import { isoWithOffset } from '../site/dates';
import { writeXml, type XmlElement } from '../site/xml';

/** Google News wants only what was published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** The articles a Google News sitemap lists at `now`: published within the last two days. */
export function recentArticles<T extends Pick<Article, 'data'>>(articles: readonly T[], now: Date): T[] {
  return articles.filter((a) => {
    const age = now.getTime() - a.data.published.date.getTime();
    return age >= 0 && age <= NEWS_WINDOW_MS;
  });
}

/**
 * A Google News sitemap (sitemaps.org urlset with the news extension) for the given articles.
 * @param urlOf the absolute URL of an article's page
 */
export function renderNewsSitemap<T extends Pick<Article, 'id' | 'data'>>(
  articles: readonly T[],
  { publication, timeZone, urlOf }: { publication: string; timeZone: string; urlOf: (a: T) => string },
): string {
  return writeXml({
    root: 'urlset',
    element: {
      attrs: {
        xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
        'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      },
      children: {
        url: articles.map((a): XmlElement => ({
          children: {
            loc: urlOf(a),
            'news:news': {
              children: {
                'news:publication': {
                  children: { 'news:name': publication, 'news:language': a.data.lang },
                },
                'news:publication_date': isoWithOffset(a.data.published, timeZone),
                'news:title': a.data.headline,
              },
            },
          },
        })),
      },
    },
  });
}
