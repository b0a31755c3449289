import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, feedScopePaths, type ScopedFeed } from '../../../../lib/feed';

/** One page per section and per tag (see `feedScopes`), the same list for all three formats. */
export const getStaticPaths = feedScopePaths satisfies GetStaticPaths;

/** `/feeds/section/<section>/feed.json` and `/feeds/tag/<tag>/feed.json`: that section's or tag's feed as JSON Feed 1.1. */
export const GET: APIRoute<{ scope: ScopedFeed }> = ({ props, site }) =>
  feedResponse('json', props.scope, site);
