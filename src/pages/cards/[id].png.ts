import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getPublishedArticles } from '../../lib/articles';
import { cardInput } from '../../lib/card-input';
import { socialCardOf } from '../../lib/card-ref';
import { prepareSocialCards, socialCard, socialCardHash } from '../../lib/social-card';

/**
 * One card per published article without a lead photograph (those have a JPEG card drawn from
 * it: ./[id].jpg.ts). Drafts and embargoed pieces get no card, as they get no page.
 */
export const getStaticPaths = (async () => {
  const articles = (await getPublishedArticles()).filter((article) => socialCardOf(article).format === 'png');
  // A build asks every route for its paths before it renders any page: the cards start drawing
  // now, on other threads, while Astro renders the pages before these (see social-card.ts). The
  // dev server draws a card only when it is asked for.
  const cards = articles.map((article) => ({ article, input: cardInput(article) }));
  if (!import.meta.env.DEV) prepareSocialCards(cards.map(({ input }) => input));
  // Keyed (incremental builds) by the card's own cache key, which covers everything it is drawn
  // from: its fields, the lead photograph's bytes (a photo replaced under the same name), the
  // fonts, colours and renderers. Not by the article's digest: a body edit leaves the card as it is.
  return cards.map(({ article, input }) => ({
    params: { id: article.id },
    props: { article },
    cacheKey: socialCardHash(input),
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

/**
 * `/cards/<id>.png`: the article's social card (1200×630 PNG, see `src/lib/social-card.ts`), the
 * image its `og:image` names (`paths.card(id, 'png')` in `src/lib/site-paths.ts`). Cached between builds.
 */
export const GET: APIRoute<Props> = async ({ props: { article } }) =>
  new Response(await socialCard(cardInput(article)), { headers: { 'Content-Type': 'image/png' } });
