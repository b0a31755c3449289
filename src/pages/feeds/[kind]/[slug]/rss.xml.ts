import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../lib/feed/response';
import { feedScopePaths } from '../../../../lib/feed/scope-articles';
import type { NarrowScope } from '../../../../lib/feed/scopes';

/** One page per section and per tag (see `feedScopes`), the same list for all three formats. */
export const getStaticPaths = feedScopePaths satisfies GetStaticPaths;

/** `/feeds/section/<section>/rss.xml` and `/feeds/tag/<tag>/rss.xml`: that section's or tag's feed as RSS 2.0. */
export const GET: APIRoute<{ scope: NarrowScope }> = ({ props, site }) =>
  feedResponse('rss', props.scope, site);
