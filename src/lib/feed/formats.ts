import { FEED_FILES, type FeedFormat } from '../site/site-paths';

export type { FeedFormat };

/**
 * The three formats every feed is published in: the file each is served under (from the URL
 * scheme), its media type and what readers call it. One table, read by the routes, the
 * autodiscovery links, `_headers` checks and the tests, so they cannot disagree.
 */
export const FEED_FORMATS = {
  rss: { file: FEED_FILES.rss, mediaType: 'application/rss+xml', name: 'RSS' },
  atom: { file: FEED_FILES.atom, mediaType: 'application/atom+xml', name: 'Atom' },
  json: { file: FEED_FILES.json, mediaType: 'application/feed+json', name: 'JSON Feed' },
} as const satisfies Record<FeedFormat, { file: string; mediaType: string; name: string }>;

/** The formats in the order pages list them (RSS first: the one most readers look for). */
export const FEED_FORMAT_IDS: readonly FeedFormat[] = ['rss', 'atom', 'json'];
