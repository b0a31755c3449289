import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../lib/feed/response';
import { liveFeedPaths } from '../../../../lib/feed/scope-articles';
import type { LiveScope } from '../../../../lib/feed/scopes';

/** One per live page (see `liveFeedPaths`), the same list for all three formats. */
export const getStaticPaths = liveFeedPaths satisfies GetStaticPaths;

/** `/feeds/live/<id>/rss.xml`: a live page's updates, one item each, as RSS 2.0. */
export const GET: APIRoute<{ scope: LiveScope }> = ({ props, site }) =>
  feedResponse('rss', props.scope, site);
