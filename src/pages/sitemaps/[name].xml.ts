import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedArticles } from '../../lib/articles/query';
import { buildTime } from '../../lib/site/clock';
import { recentArticles, renderNewsSitemap } from '../../lib/seo/news-sitemap';
import { absoluteUrl, paths } from '../../lib/site/urls';
import { siteConfig } from '../../site.config';
import { buildsFront } from '../../lib/parts/current';

/**
 * `/sitemaps/news.xml`: the Google News sitemap. It exists only when something was published in
 * the two days before the build (an empty news sitemap is an error to Google), hence a dynamic
 * route that yields no path otherwise.
 */
export const getStaticPaths = (async () => {
  // The front's pages: a year slice holds none of them (src/lib/parts/).
  if (!buildsFront) return [];
  const recent = recentArticles(await getPublishedArticles(), buildTime);
  return recent.length > 0 ? [{ params: { name: 'news' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const recent = recentArticles(await getPublishedArticles(), buildTime);
  const xml = renderNewsSitemap(recent, {
    publication: siteConfig.publisher,
    timeZone: siteConfig.timeZone,
    urlOf: (a) => absoluteUrl(paths.article(a.id), site, paths.newsSitemap()),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
