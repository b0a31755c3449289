import type { APIRoute } from 'astro';
import { getPublishedArticles } from '../articles/query';
import { cardInput } from './input';
import { CARD_MEDIA_TYPES, cardFormatOf } from './format';
import type { CardFormat } from '../site/site-paths';
import { prepareSocialCards, socialCard } from './cache';
import type { SocialCardInput } from './input';
import { socialCardHash } from './key';
import { buildsArticle } from '../parts/current';

/** What a card route renders from: the card's input, worked out once per card and build. */
export interface CardProps {
  readonly input: SocialCardInput;
}

/**
 * The paths of the card route for `format`: one per published article whose card has that format
 * (`cardFormatOf`: a JPEG cut from the lead photograph, else a PNG drawn from the headline).
 * Drafts and embargoed pieces get no card, as they get no page.
 * - A build asks every route for its paths before it renders any page: the cards start drawing
 *   now, on other threads, while Astro renders the pages before these (see cache.ts). The
 *   dev server draws a card only when it is asked for.
 * - Keyed (incremental builds) by the card's own cache key, which covers everything it is drawn
 *   from: its fields, the lead photograph's bytes (a photo replaced under the same name), the
 *   fonts, colours and renderers. Not by the article's digest: a body edit leaves the card as it is.
 */
export async function cardPaths(format: CardFormat) {
  // A year slice (src/lib/parts/) makes the cards of its years' articles.
  const articles = (await getPublishedArticles()).filter(
    (article) => cardFormatOf(article) === format && buildsArticle(article),
  );
  const cards = articles.map((article) => ({ id: article.id, input: cardInput(article) }));
  if (!import.meta.env.DEV) prepareSocialCards(cards.map(({ input }) => input));
  return cards.map(({ id, input }) => ({
    params: { id },
    props: { input } satisfies CardProps,
    cacheKey: socialCardHash(input),
  }));
}

/** The card route's response: the card (from the cache when it was drawn ahead), typed by format. */
export function cardResponse(format: CardFormat): APIRoute<CardProps> {
  return async ({ props: { input } }) =>
    new Response(await socialCard(input), { headers: { 'Content-Type': CARD_MEDIA_TYPES[format] } });
}
