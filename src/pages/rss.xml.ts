import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { mdxComponents } from '../components/mdx';
import { getPublishedArticles } from '../lib/articles';
import { renderRss, toFeedHtml, type FeedItem } from '../lib/feed';
import { assertKnownComponents } from '../lib/mdx-check';
import { SECTION_LABELS } from '../lib/sections';
import { absoluteUrl, articlePath, withBase } from '../lib/urls';
import { siteConfig } from '../site.config';

/** `/rss.xml`: the newest articles, each with its whole body in `content:encoded`. */
export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('rss.xml: `site` must be set in astro.config.mjs to build absolute feed URLs');
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const articles = (await getPublishedArticles()).slice(0, siteConfig.feedItemLimit);

  const items: FeedItem[] = [];
  for (const article of articles) {
    const link = absoluteUrl(articlePath(article.id), site);
    assertKnownComponents(article.body ?? '', article.filePath ?? article.id, Object.keys(mdxComponents));
    const { Content } = await render(article);
    const html = await container.renderToString(Content, {
      props: { components: mdxComponents },
      locals: { articleSource: article.filePath },
    });
    items.push({
      title: article.data.headline,
      link,
      description: article.data.dek,
      pubDate: article.data.published.date,
      categories: [SECTION_LABELS[article.data.section], ...article.data.tags],
      creator: article.data.byline,
      contentHtml: toFeedHtml(html, link),
    });
  }

  const xml = await renderRss(
    {
      title: siteConfig.title,
      description: siteConfig.description,
      lang: siteConfig.lang,
      homeUrl: absoluteUrl(withBase('/'), site),
      feedUrl: absoluteUrl(withBase('rss.xml'), site),
    },
    items,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
