import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPublishedArticles } from '../../lib/articles';
import { socialCardOf } from '../../lib/card-ref';
import { cardInput } from '../../lib/card-input';
import { prepareSocialCards, socialCard, socialCardHash } from '../../lib/social-card';

/** One card per published article with a lead photograph (the others: ./[id].png.ts). */
export const getStaticPaths = (async () => {
  const articles = (await getPublishedArticles()).filter((article) => socialCardOf(article).format === 'jpg');
  // Drawn ahead of their pages in a build, as the PNG cards are (see ./[id].png.ts).
  const cards = articles.map((article) => ({ article, input: cardInput(article) }));
  if (!import.meta.env.DEV) prepareSocialCards(cards.map(({ input }) => input));
  // Keyed by the card's own cache key, as the PNG cards are: it covers the photograph's bytes.
  return cards.map(({ article, input }) => ({
    params: { id: article.id },
    props: { article },
    cacheKey: socialCardHash(input),
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * `/cards/<id>.jpg`: the card cut from the article's lead photograph, with the headline on a
 * band (1200×630 JPEG, see `src/lib/social-card.ts`). Cached between builds.
 */
export const GET: APIRoute<Props> = async ({ props: { article } }) =>
  new Response(await socialCard(cardInput(article)), { headers: { 'Content-Type': 'image/jpeg' } });
