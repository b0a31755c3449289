import type { GetStaticPaths } from 'astro';
import { cardPaths, cardResponse } from '../../lib/cards/routes';

/**
 * `/cards/<id>.jpg`: the social card of an article with a lead photograph, cut from it with the
 * headline on a band (1200×630 JPEG, see `src/lib/cards/cache.ts`). Cached between builds; the
 * others have a PNG card (./[id].png.ts).
 */
export const getStaticPaths = (() => cardPaths('jpg')) satisfies GetStaticPaths;

export const GET = cardResponse('jpg');
