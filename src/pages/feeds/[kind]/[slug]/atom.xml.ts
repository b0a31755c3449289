import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse, feedScopePaths, type ScopedFeed } from '../../../../lib/feed';

/** One page per section and per tag (see `feedScopes`), the same list for all three formats. */
export const getStaticPaths = feedScopePaths satisfies GetStaticPaths;

/** `/feeds/section/<section>/atom.xml` and `/feeds/tag/<tag>/atom.xml`: that section's or tag's feed as Atom. */
export const GET: APIRoute<{ scope: ScopedFeed }> = ({ props, site }) =>
  feedResponse('atom', props.scope, site);
