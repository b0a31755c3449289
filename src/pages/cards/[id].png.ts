import type { GetStaticPaths } from 'astro';
import { cardPaths, cardResponse } from '../../lib/cards/routes';

/**
 * `/cards/<id>.png`: the social card of an article without a lead photograph (1200×630 PNG drawn
 * from its headline, see `src/lib/cards/cache.ts`), the image its `og:image` names
 * (`paths.card(id, 'png')` in `src/lib/site/site-paths.ts`). Cached between builds; those with a photo
 * have a JPEG card (./[id].jpg.ts).
 */
export const getStaticPaths = (() => cardPaths('png')) satisfies GetStaticPaths;

export const GET = cardResponse('png');
