import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPublishedArticles } from '../../lib/articles';
import { withCacheKeys } from '../../lib/cache-key';
import { cardInput } from '../../lib/card-input';
import { socialCardOf } from '../../lib/card-ref';
import { prepareSocialCards, socialCard } from '../../lib/social-card';

/**
 * One card per published article without a lead photograph (those have a JPEG card drawn from
 * it: ./[id].jpg.ts). Drafts and embargoed pieces get no card, as they get no page.
 */
export const getStaticPaths = (async () => {
  const articles = (await getPublishedArticles()).filter((article) => socialCardOf(article).format === 'png');
  // A build asks every route for its paths before it renders any page: the cards start drawing
  // now, on other threads, while Astro renders the pages before these (see social-card.ts). The
  // dev server draws a card only when it is asked for.
  if (!import.meta.env.DEV) prepareSocialCards(articles.map(cardInput));
  return withCacheKeys(articles.map((article) => ({ params: { id: article.id }, props: { article } })));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * `/cards/<id>.png`: the article's social card (1200×630 PNG, see `src/lib/social-card.ts`), the
 * image its `og:image` names (`paths.card(id, 'png')` in `src/lib/site-paths.ts`). Cached between builds.
 */
export const GET: APIRoute<Props> = async ({ props: { article } }) =>
  new Response(await socialCard(cardInput(article)), { headers: { 'Content-Type': 'image/png' } });
