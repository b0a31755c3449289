import { siteConfig } from '../../site.config';
import { paths } from '../site/urls';
import { FEED_FORMATS, FEED_FORMAT_IDS } from './formats';
import { SITE_SCOPE, feedTitle, type FeedScope } from './scopes';

/** A feed a page advertises with `<link rel="alternate">` (and, on listing pages, visibly). */
export interface FeedLink {
  /** MIME type: application/rss+xml, application/atom+xml or application/feed+json. */
  type: string;
  /** What a feed reader shows, e.g. "JNS Wire (RSS)". */
  title: string;
  /** The format's name for a visible link, e.g. "Atom". */
  name: string;
  /** Site-relative path (base included), e.g. "/rss.xml". */
  href: string;
}

/** The three feeds (RSS, Atom, JSON Feed) of one scope. */
export function feedLinksOf(scope: FeedScope): FeedLink[] {
  return FEED_FORMAT_IDS.map((format) => ({
    type: FEED_FORMATS[format].mediaType,
    title: `${feedTitle(scope, siteConfig)} (${FEED_FORMATS[format].name})`,
    name: FEED_FORMATS[format].name,
    href: paths.feed(scope, format),
  }));
}

/**
 * The feeds a page advertises: the site's three on every page, then its section's or tag's
 * three when the page is one. The site's come first, so a reader that takes the first feed of a
 * type subscribes to the whole site.
 */
export function feedLinksFor(scope: FeedScope): FeedLink[] {
  return [...feedLinksOf(SITE_SCOPE), ...(scope.kind === 'site' ? [] : feedLinksOf(scope))];
}
