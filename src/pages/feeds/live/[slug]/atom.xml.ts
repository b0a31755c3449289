import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../lib/feed/response';
import { liveFeedPaths } from '../../../../lib/feed/scope-articles';
import type { LiveScope } from '../../../../lib/feed/scopes';

/** One per live page (see `liveFeedPaths`), the same list for all three formats. */
export const getStaticPaths = liveFeedPaths satisfies GetStaticPaths;

/** `/feeds/live/<id>/atom.xml`: a live page's updates, one item each, as Atom. */
export const GET: APIRoute<{ scope: LiveScope }> = ({ props, site }) =>
  feedResponse('atom', props.scope, site);
