import type { APIRoute } from 'astro';
import { getPublishedArticles } from '../lib/articles';
import { buildTime } from '../lib/clock';
import { recentArticles } from '../lib/news-sitemap';
import { withBase } from '../lib/urls';

/** `/robots.txt`: everything may be crawled; here are the sitemaps. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('robots.txt: `site` must be set in astro.config.mjs');
  const sitemaps = [withBase('sitemap-index.xml')];
  if (recentArticles(await getPublishedArticles(), buildTime).length > 0)
    sitemaps.push(withBase('sitemaps/news.xml'));
  const lines = [
    'User-agent: *',
    'Allow: /',
    '',
    ...sitemaps.map((path) => `Sitemap: ${new URL(path, site).href}`),
  ];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
