import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../lib/feed/response';
import { liveFeedPaths } from '../../../../lib/feed/scope-articles';
import type { LiveScope } from '../../../../lib/feed/scopes';

/** One per live page (see `liveFeedPaths`), the same list for all three formats. */
export const getStaticPaths = liveFeedPaths satisfies GetStaticPaths;

/** `/feeds/live/<id>/feed.json`: a live page's updates, one item each, as JSON Feed 1.1. */
export const GET: APIRoute<{ scope: LiveScope }> = ({ props, site }) =>
  feedResponse('json', props.scope, site);
