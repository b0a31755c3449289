import type { APIRoute } from 'astro';
import { feedResponse } from '../lib/feed';

/** `/atom.xml`: the same feed as `/rss.xml`, as Atom (RFC 4287), each entry with its whole body. */
export const GET: APIRoute = ({ site }) => feedResponse('atom', undefined, site);
