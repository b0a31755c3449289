import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed/response';
import { SITE_SCOPE } from '../lib/feed/scopes';

/** `/feed.json`: the same feed as `/rss.xml`, as JSON Feed 1.1, each item with its whole body. */
export const GET: APIRoute = ({ site }) => feedResponse('json', SITE_SCOPE, site);
