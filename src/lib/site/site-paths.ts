import type { Section } from '../listings/sections';

/**
 * The site's URL scheme: every path a page, feed, sitemap or test links to is made here, and
 * nowhere else. Pure (no Astro, no Vite), so Playwright and bench scripts can use it too;
 * `src/lib/site/urls.ts` binds it to the base path the site is built under.
 */

/** The file name each feed format is served under, in every folder that has feeds. */
export const FEED_FILES = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' } as const;

/** A social card's file format: PNG for a card drawn from text, JPEG for one from a photograph. */
export type CardFormat = 'png' | 'jpg';

/** A feed format: "rss", "atom" or "json". */
export type FeedFormat = keyof typeof FEED_FILES;

/** What a feed narrows to, as far as its address is concerned (see `FeedScope` for the rest). */
export type FeedPlace =
  | { readonly kind: 'site' }
  | { readonly kind: 'corrections' }
  | { readonly kind: 'section' | 'tag' | 'author'; readonly slug: string }
  /** A live page's own feed, one item per update: its slug is the article's id. */
  | { readonly kind: 'live'; readonly slug: string };

/**
 * Numbered page n of a listing, under a `page/` segment: "/tags/iran/" → "/tags/iran/page/3/".
 * Page 1 is the oldest (see `src/lib/listings/pagination.ts`); the listing's own address is its newest
 * page. (A bare number would clash with a month: /archive/2025/10/ is October.)
 * @param listing the listing's path, as the other paths give it (base included)
 */
export function listingPage(listing: string, n: number): string {
  return `${listing.endsWith('/') ? listing : `${listing}/`}page/${n}/`;
}

/**
 * The paths of a site served under `base`, each site-relative with the base included and, for
 * pages, a trailing slash (the site is built with `trailingSlash: 'always'`).
 * @param base the base path, e.g. "/" or "/news/" (a missing final slash is added)
 * @example sitePaths('/news/').article('x') // '/news/articles/x/'
 */
export function sitePaths(base: string) {
  const root = base.endsWith('/') ? base : `${base}/`;
  /** A path under the base, e.g. at('favicon.svg') → "/favicon.svg". */
  const at = (path: string): string => root + path.replace(/^\/+/, '');

  /** The archive page of a year, e.g. "/archive/2023/". */
  const archiveYear = (year: string): string => at(`archive/${year}/`);

  const paths = {
    /** The base itself, the home page: "/". */
    home: (): string => root,
    /** An article's page: "/articles/<id>/". */
    article: (id: string): string => at(`articles/${id}/`),
    /**
     * An article's social card, 1200×630: "/cards/<id>.png" (drawn from the headline) or
     * "/cards/<id>.jpg" (from the lead photograph); `cardFormatOf` says which an article has.
     */
    card: (id: string, format: CardFormat): string => at(`cards/${id}.${format}`),
    /** A section's listing: "/sections/<section>/". */
    section: (section: Section): string => at(`sections/${section}/`),
    /** Every topic with its count: "/tags/". */
    topics: (): string => at('tags/'),
    /** A topic's listing, by its slug: "/tags/<slug>/". */
    topic: (slug: string): string => at(`tags/${slug}/`),
    /** Everything by one byline, by its slug: "/source/<slug>/". */
    source: (slug: string): string => at(`source/${slug}/`),
    /** Everyone who writes for the site: "/authors/". */
    authors: (): string => at('authors/'),
    /** A person's page and their articles, by their slug: "/authors/<slug>/". */
    author: (slug: string): string => at(`authors/${slug}/`),
    /** Every correction and clarification on the site: "/corrections/". */
    corrections: (): string => at('corrections/'),
    /** Years and months: "/archive/". */
    archive: (): string => at('archive/'),
    archiveYear,
    listingPage,
    /** A month's archive, month as two digits: "/archive/<year>/<month>/". */
    archiveMonth: (year: string, month: string): string => at(`archive/${year}/${month}/`),
    /** The search page, optionally with a search already done: "/search/?q=…". */
    search: (query?: string): string =>
      at(`search/${query === undefined ? '' : `?q=${encodeURIComponent(query)}`}`),
    /**
     * A feed: the site's at the root ("/rss.xml"), the corrections' under "/corrections/", a
     * section's, tag's or author's under "/feeds/<kind>/<slug>/", a live page's under
     * "/feeds/live/<article id>/".
     */
    feed: (place: FeedPlace, format: FeedFormat): string => {
      switch (place.kind) {
        case 'site':
          return at(FEED_FILES[format]);
        case 'corrections':
          return at(`corrections/${FEED_FILES[format]}`);
        default:
          return at(`feeds/${place.kind}/${place.slug}/${FEED_FILES[format]}`);
      }
    },
    /** The page a feed mirrors: the home page, the corrections page, the listing it narrows to, or the live page. */
    feedHome: (place: FeedPlace): string => {
      switch (place.kind) {
        case 'site':
          return root;
        case 'corrections':
          return at('corrections/');
        case 'section':
          return at(`sections/${place.slug}/`);
        case 'tag':
          return at(`tags/${place.slug}/`);
        case 'author':
          return at(`authors/${place.slug}/`);
        case 'live':
          return at(`articles/${place.slug}/`);
      }
    },
    /** The XSLT that shows an RSS or Atom feed as a page in a browser. */
    feedStylesheet: (): string => at('feed.xsl'),
    /** The site's icon, also the publisher logo in structured data. */
    favicon: (): string => at('favicon.svg'),
    /** The sitemap index (scripts/sitemaps.mjs). */
    sitemapIndex: (): string => at('sitemap-index.xml'),
    /** The Google News sitemap (exists only when something is recent). */
    newsSitemap: (): string => at('sitemaps/news.xml'),
    /** A file of the Pagefind bundle, or its folder: "/pagefind/pagefind-ui.js". */
    pagefind: (file = ''): string => at(`pagefind/${file}`),
  };
  return paths;
}

/** The paths of one site (see {@link sitePaths}). */
export type SitePaths = ReturnType<typeof sitePaths>;
