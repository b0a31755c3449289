import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, feedScopePaths, type ScopedFeed } from '../../../../lib/feed';

/** One page per section and per tag (see `feedScopes`), the same list for all three formats. */
export const getStaticPaths = feedScopePaths satisfies GetStaticPaths;

/** `/feeds/section/<section>/rss.xml` and `/feeds/tag/<tag>/rss.xml`: that section's or tag's feed as RSS 2.0. */
export const GET: APIRoute<{ scope: ScopedFeed }> = ({ props, site }) =>
  feedResponse('rss', props.scope, site);
