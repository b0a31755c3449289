import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../lib/feed/response';
import { feedScopePaths } from '../../../../lib/feed/scope-articles';
import type { NarrowScope } from '../../../../lib/feed/scopes';

/** One page per section and per tag (see `feedScopes`), the same list for all three formats. */
export const getStaticPaths = feedScopePaths satisfies GetStaticPaths;

/** `/feeds/section/<section>/atom.xml` and `/feeds/tag/<tag>/atom.xml`: that section's or tag's feed as Atom. */
export const GET: APIRoute<{ scope: NarrowScope }> = ({ props, site }) =>
  feedResponse('atom', props.scope, site);
