import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/feed/response';
import { CORRECTIONS_SCOPE } from '../../lib/feed/scopes';

/** `/corrections/rss.xml`: every correction and clarification, newest first, each linking to its notice. */
export const GET: APIRoute = ({ site }) => feedResponse('rss', CORRECTIONS_SCOPE, site);
