import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed/response';
import { SITE_SCOPE } from '../lib/feed/scopes';

/** `/atom.xml`: the same feed as `/rss.xml`, as Atom (RFC 4287), each entry with its whole body. */
export const GET: APIRoute = ({ site }) => feedResponse('atom', SITE_SCOPE, site);
