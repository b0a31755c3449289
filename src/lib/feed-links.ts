import { withBase } from './urls';

/** A feed a page advertises with `<link rel="alternate">`. */
export interface FeedLink {
  /** MIME type: application/rss+xml, application/atom+xml or application/feed+json. */
  type: string;
  /** What a feed reader shows, e.g. "JNS Wire (RSS)". */
  title: string;
  /** Site-relative path (base included), e.g. "/rss.xml". */
  href: string;
}

/** What a page is about, for feeds narrower than the whole site. */
export type FeedScope = { kind: 'section' | 'tag'; slug: string; label: string } | undefined;

/**
 * The three formats every feed is published in, with the file name each is served under. One
 * table, read by the routes, the autodiscovery links and the tests, so they cannot disagree.
 */
export const FEED_FORMATS = {
  rss: { file: 'rss.xml', mediaType: 'application/rss+xml', name: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', name: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', name: 'JSON Feed' },
} as const;

/** One of the {@link FEED_FORMATS}: "rss", "atom" or "json". */
export type FeedFormat = keyof typeof FEED_FORMATS;

/** The formats in the order pages list them (RSS first: the one most readers look for). */
export const FEED_FORMAT_IDS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/**
 * Where a feed is served, site-relative with the base path: the site's feeds at the root (as
 * `/rss.xml` always was), a section's or tag's under `/feeds/<kind>/<slug>/`.
 * @example feedPath({ kind: 'section', slug: 'world', label: 'World' }, 'atom') // '/feeds/section/world/atom.xml'
 */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const { file } = FEED_FORMATS[format];
  return withBase(scope ? `feeds/${scope.kind}/${scope.slug}/${file}` : file);
}

/** The listing page a scoped feed mirrors (its "home"), or the home page for the site's feeds. */
export function scopePagePath(scope: FeedScope): string {
  if (!scope) return withBase('/');
  return withBase(scope.kind === 'section' ? `sections/${scope.slug}/` : `tags/${scope.slug}/`);
}

/**
 * A feed's own title, without the format: the site's name, then what the feed narrows to (named
 * as the listing page's heading names it).
 * @example feedTitle({ kind: 'tag', slug: 'iran', label: 'Iran' }, 'JNS Wire') // 'JNS Wire – Topic: Iran'
 */
export function feedTitle(scope: FeedScope, siteTitle: string): string {
  if (!scope) return siteTitle;
  return `${siteTitle} – ${scope.kind === 'tag' ? `Topic: ${scope.label}` : scope.label}`;
}

/**
 * The feeds a page advertises: the site's three (RSS, Atom, JSON Feed) on every page, then the
 * section's or tag's three when the page is one. The site's come first, so a reader that takes
 * the first feed of a type subscribes to the whole site.
 */
export function feedLinksFor(scope: FeedScope, siteTitle: string): FeedLink[] {
  const linksFor = (forScope: FeedScope): FeedLink[] =>
    FEED_FORMAT_IDS.map((format) => ({
      type: FEED_FORMATS[format].mediaType,
      title: `${feedTitle(forScope, siteTitle)} (${FEED_FORMATS[format].name})`,
      href: feedPath(forScope, format),
    }));
  return [...linksFor(undefined), ...(scope ? linksFor(scope) : [])];
}
