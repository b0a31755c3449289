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
 * The feeds a page advertises: the site's, and the section's or tag's when the page is one.
 * (The site-wide RSS feed for now; Atom, JSON Feed and scoped feeds are added with them.)
 */
export function feedLinksFor(_scope: FeedScope, siteTitle: string): FeedLink[] {
  return [{ type: 'application/rss+xml', title: `${siteTitle} (RSS)`, href: withBase('rss.xml') }];
}
