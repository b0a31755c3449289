import type { APIRoute } from 'astro';
import { getPublishedArticles } from '../lib/articles/query';
import { buildTime } from '../lib/site/clock';
import { recentArticles } from '../lib/seo/news-sitemap';
import { absoluteUrl, paths } from '../lib/site/urls';

/** `/robots.txt`: everything may be crawled; here are the sitemaps. */
export const GET: APIRoute = async ({ site }) => {
  const sitemaps = [paths.sitemapIndex()];
  if (recentArticles(await getPublishedArticles(), buildTime).length > 0) sitemaps.push(paths.newsSitemap());
  const lines = [
    'User-agent: *',
    'Allow: /',
    '',
    ...sitemaps.map((path) => `Sitemap: ${absoluteUrl(path, site, '/robots.txt')}`),
  ];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
