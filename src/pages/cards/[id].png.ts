import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { formatDate } from '../../lib/dates';
import { getPublishedArticles } from '../../lib/articles';
import { withCacheKeys } from '../../lib/cache-key';
import { SECTION_LABELS } from '../../lib/sections';
import { socialCard } from '../../lib/social-card';
import { siteConfig } from '../../site.config';

/** One card per published article: drafts and embargoed pieces get no card, as they get no page. */
export const getStaticPaths = (async () => {
  const articles = await getPublishedArticles();
  return withCacheKeys(articles.map((article) => ({ params: { id: article.id }, props: { article } })));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * `/cards/<id>.png`: the article's social card (1200×630 PNG, see `src/lib/social-card.ts`), the
 * image its `og:image` names (`paths.card(id)` in `src/lib/site-paths.ts`). Cached between builds.
 */
export const GET: APIRoute<Props> = async ({ props: { article } }) => {
  const { headline, dek, section, published } = article.data;
  const png = await socialCard({
    headline,
    dek,
    section: SECTION_LABELS[section],
    date: formatDate(published, siteConfig),
    siteTitle: siteConfig.title,
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
