import type { Article } from '../articles/query';
import type { SocialCardRef } from '../cards/format';
import { CARD_HEIGHT, CARD_WIDTH } from '../cards/size';
import { lastModified } from '../people/corrections';
import { isoWithOffset } from '../site/dates';
import { SECTION_LABELS } from '../listings/sections';
import { jsonForScript, newsArticleJsonLd, type NewsArticleContext } from './structured-data';
import type { SiteConfig } from '../../site.config';
import type { FeedLink } from '../feed/links';

/**
 * Head tags as data (after Starlight's `getHead`): what a page puts in `<head>` after the fixed
 * first three (charset, the cascade's layer order, viewport), built by plain functions that unit
 * tests can call, merged by {@link createHead} and written out by `<HeadTags>`. Values are text;
 * the component escapes them, and `jsonForScript` keeps JSON-LD inert.
 */
export type HeadTag =
  /** `<title>`: the page's title, the site's name after it. */
  | { readonly tag: 'title'; readonly content: string }
  /** Open Graph and `article:*`: `<meta property="…" content="…">`. */
  | { readonly tag: 'meta'; readonly attrs: { readonly property: string; readonly content: string } }
  /** Everything else, e.g. description, robots, Twitter's: `<meta name="…" content="…">`. */
  | { readonly tag: 'meta'; readonly attrs: { readonly name: string; readonly content: string } }
  /** `<link>`: canonical, feeds (`alternate`), icon; attributes are written in their key order. */
  | { readonly tag: 'link'; readonly attrs: LinkAttrs }
  /**
   * The site's web fonts (Astro's `<Font>`: their `@font-face` rules and preloads): serif and
   * sans always preloaded, the Hebrew face only where the page shows Hebrew.
   */
  | { readonly tag: 'fonts'; readonly preloadHebrew: boolean }
  /** Structured data: `<script type="application/ld+json">`, its content already made inert. */
  | {
      readonly tag: 'script';
      readonly attrs: { readonly type: 'application/ld+json' };
      readonly content: string;
    };

const property = (name: string, content: string): HeadTag => ({
  tag: 'meta',
  attrs: { property: name, content },
});
const named = (name: string, content: string): HeadTag => ({ tag: 'meta', attrs: { name, content } });

/** A `<link>`'s attributes, e.g. `{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }`. */
export interface LinkAttrs {
  readonly rel: string;
  readonly href: string;
  readonly type?: string;
  readonly title?: string;
}

/**
 * What makes two tags the same tag, so that a later one replaces an earlier one: the title; a
 * meta by its `name` or `property`; the canonical link; any other link by `rel` and `href`; the
 * fonts. A JSON-LD script is never the same as another (a page may have several).
 */
function identity(tag: HeadTag): string | undefined {
  switch (tag.tag) {
    case 'title':
    case 'fonts':
      return tag.tag;
    case 'meta':
      return 'property' in tag.attrs ? `meta property=${tag.attrs.property}` : `meta name=${tag.attrs.name}`;
    case 'link':
      return tag.attrs.rel === 'canonical' ? 'link canonical' : `link ${tag.attrs.rel} ${tag.attrs.href}`;
    case 'script':
      return undefined;
  }
}

/**
 * One head from several lists, as Starlight's `createHead` merges them: each list's tags replace
 * the tags of the lists before it that are the same tag (see `identity`: same title, same meta
 * `name` or `property`, the canonical link, a link with the same `rel` and `href`), and come after
 * what is left of them. Tags within one list are kept as they are (an article has several
 * `article:tag`). Unlike Starlight's, the result is not sorted: each list is already in the order
 * the page wants, the site's first.
 * @example createHead(pageHead(siteConfig, page), [{ tag: 'meta', attrs: { name: 'robots', content: 'noindex' } }])
 * // the page's tags, its robots meta (if any) replaced by the later one, which comes last
 */
export function createHead(...heads: readonly (readonly HeadTag[])[]): HeadTag[] {
  let head: HeadTag[] = [];
  for (const next of heads) {
    const replaced = new Set(next.map(identity).filter((key) => key !== undefined));
    head = [...head.filter((tag) => !replaced.has(identity(tag) ?? '')), ...next];
  }
  return head;
}

/** What every page's head says of it, as BaseLayout works it out. */
export interface PageHeadContext {
  /** The page's own title, e.g. "Topics"; the site's name is added after it. */
  readonly title: string;
  /** One sentence on the page. */
  readonly description: string;
  /**
   * The page's canonical URL (absolute), or undefined for a page with no address of its own (the
   * 404 page), which gets `robots: noindex` instead.
   */
  readonly canonical: string | undefined;
  /** The feeds it advertises, hrefs absolute (`feedLinksFor`). */
  readonly feeds: readonly Pick<FeedLink, 'type' | 'title' | 'href'>[];
  /** The site's icon, a path, e.g. "/favicon.svg". */
  readonly icon: string;
  /** Whether the page shows Hebrew text, so its face is preloaded. */
  readonly preloadHebrew: boolean;
}

/**
 * The head every page has: title, description, canonical link (or `noindex`), feed links, icon,
 * colour schemes and web fonts.
 * @example pageHead(siteConfig, { title: 'Topics', description: '…', canonical: 'https://news.example.com/tags/', feeds, icon: '/favicon.svg', preloadHebrew: false })
 */
export function pageHead(site: SiteConfig, page: PageHeadContext): HeadTag[] {
  return [
    { tag: 'title', content: page.title === site.title ? page.title : `${page.title} – ${site.title}` },
    named('description', page.description),
    page.canonical === undefined
      ? named('robots', 'noindex')
      : { tag: 'link', attrs: { rel: 'canonical', href: page.canonical } },
    ...page.feeds.map(({ type, title, href }): HeadTag => ({
      tag: 'link',
      attrs: { rel: 'alternate', type, title, href },
    })),
    { tag: 'link', attrs: { rel: 'icon', href: page.icon, type: 'image/svg+xml' } },
    named('color-scheme', 'light dark'),
    { tag: 'fonts', preloadHebrew: page.preloadHebrew },
  ];
}

/** What an article's head needs besides the article itself: its absolute URLs, card and word count. */
export interface ArticleHeadContext extends NewsArticleContext {
  /** The image link previews show for the article (`socialCardOf`). */
  readonly card: SocialCardRef;
}

/**
 * An article page's Open Graph (`og:*`, `article:*`), Twitter card and NewsArticle JSON-LD tags.
 * The canonical URL (the original's, for a syndicated copy) is what `og:url` names.
 * Every article page allows large previews of its images (`max-image-preview:large`), as Google
 * Discover asks of a site that wants its photographs shown.
 * @example articleHead(article.data, siteConfig, { url, images, card, logoUrl, sourceUrl, wordCount })
 */
export function articleHead(data: Article['data'], site: SiteConfig, context: ArticleHeadContext): HeadTag[] {
  const { headline, dek, canonical, section, tags, published } = data;
  const modified = lastModified({ data }, context.now);
  return [
    property('og:type', 'article'),
    property('og:site_name', site.title),
    property('og:title', headline),
    property('og:description', dek),
    property('og:url', canonical ?? context.url),
    property('og:image', context.card.url),
    property('og:image:type', context.card.mediaType),
    property('og:image:width', String(CARD_WIDTH)),
    property('og:image:height', String(CARD_HEIGHT)),
    property('og:image:alt', context.card.alt),
    // Open Graph wants a locale as language_TERRITORY: "en_US".
    property('og:locale', site.locale.replace('-', '_')),
    property('article:published_time', isoWithOffset(published, site.timeZone)),
    // The last change, corrections included (as the JSON-LD's dateModified), if there was one.
    ...(modified !== published
      ? [property('article:modified_time', isoWithOffset(modified, site.timeZone))]
      : []),
    property('article:section', SECTION_LABELS[section]),
    ...tags.map((tag) => property('article:tag', tag)),
    named('twitter:card', 'summary_large_image'),
    named('twitter:title', headline),
    named('twitter:description', dek),
    named('twitter:image', context.card.url),
    named('twitter:image:alt', context.card.alt),
    named('robots', 'max-image-preview:large'),
    {
      tag: 'script',
      attrs: { type: 'application/ld+json' },
      content: jsonForScript(newsArticleJsonLd(data, site, { ...context, url: canonical ?? context.url })),
    },
  ];
}
