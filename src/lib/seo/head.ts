import type { Article } from '../articles/query';
import type { SocialCardRef } from '../cards/format';
import { CARD_HEIGHT, CARD_WIDTH } from '../cards/size';
import { lastModified } from '../people/corrections';
import { isoWithOffset } from '../site/dates';
import { SECTION_LABELS } from '../listings/sections';
import { jsonForScript, newsArticleJsonLd, type NewsArticleContext } from './structured-data';
import type { SiteConfig } from '../../site.config';

/**
 * Head tags as data (after Starlight's `getHead`): what a page puts in `<head>` besides the
 * basics every page has, built by plain functions that unit tests can call, and written out by
 * `<HeadTags>`. Values are text; the component escapes them, and `jsonForScript` keeps JSON-LD inert.
 */
export type HeadTag =
  /** Open Graph and `article:*`: `<meta property="…" content="…">`. */
  | { readonly tag: 'meta'; readonly attrs: { readonly property: string; readonly content: string } }
  /** Everything else, e.g. Twitter's: `<meta name="…" content="…">`. */
  | { readonly tag: 'meta'; readonly attrs: { readonly name: string; readonly content: string } }
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
  const modified = lastModified({ data });
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
