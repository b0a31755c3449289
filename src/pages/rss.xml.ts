import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed/response';
import { SITE_SCOPE } from '../lib/feed/scopes';

/** `/rss.xml`: the site's newest articles as RSS 2.0, each with its whole body in `content:encoded`. */
export const GET: APIRoute = ({ site }) => feedResponse('rss', SITE_SCOPE, site);
