import { rssSchema } from '@astrojs/rss';
import { paths } from '../site/urls';
import { writeXml, type XmlElement } from '../site/xml';
import { FEED_FORMATS } from './formats';
import type { FeedChannel, FeedImage, FeedItem } from './model';

/** The namespaces our RSS uses beyond RSS 2.0's own elements. */
const NAMESPACES = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  /** Media RSS (www.rssboard.org/media-rss), for an item's lead photograph. */
  media: 'http://search.yahoo.com/mrss/',
} as const;

/**
 * The RSS 2.0 document for the given items: the channel's title, description, link, language,
 * last build date and `atom:link rel="self"`; per item title, link, permalink guid, RFC 822
 * date, dek, the whole article (`content:encoded`), `dc:creator`, categories and, when it has a
 * lead photograph, Media RSS `media:content` (declared only then). Each item is first
 * checked against @astrojs/rss's `rssSchema`, and the document is laid out as @astrojs/rss's
 * `getRssString` lays out the same items (tests/unit/rss.test.ts holds the two side by side);
 * it is written by the site's XML writer so that the extras need no markup strings.
 */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  items.forEach((item, index) => checkRssItem(item, index, channel.feedUrl));
  return writeXml({
    root: 'rss',
    stylesheet: paths.feedStylesheet(),
    element: {
      attrs: {
        version: '2.0',
        'xmlns:content': NAMESPACES.content,
        'xmlns:atom': NAMESPACES.atom,
        'xmlns:dc': NAMESPACES.dc,
        // Declared only where used, so a feed without photographs is what it was before them.
        'xmlns:media': items.some((item) => item.image) ? NAMESPACES.media : undefined,
      },
      children: {
        channel: {
          children: {
            title: channel.title,
            description: channel.description,
            link: channel.homeUrl,
            language: channel.lang,
            lastBuildDate: channel.updated.toUTCString(),
            'atom:link': {
              attrs: { href: channel.feedUrl, rel: 'self', type: FEED_FORMATS.rss.mediaType },
            },
            item: items.map((item): XmlElement => ({
              children: {
                title: item.title,
                link: item.permalink,
                // The article's address is its identifier in every format (see FeedItem).
                guid: { attrs: { isPermaLink: 'true' }, text: item.permalink },
                description: item.description,
                pubDate: item.published.toUTCString(),
                'content:encoded': item.contentHtml,
                // RSS `author` wants an e-mail address; Dublin Core takes a name.
                'dc:creator': item.authors.map((author) => author.name),
                category: item.categories,
                'media:content': item.image && mediaContent(item.image),
              },
            })),
          },
        },
      },
    },
  });
}

/**
 * An item's lead photograph in Media RSS: the file (absolute URL, media type, pixel size) with
 * its credit, its alt text as the plain-text description readers show in its place, and its
 * caption, if any, as its title.
 */
function mediaContent(image: FeedImage): XmlElement {
  return {
    attrs: {
      url: image.url,
      medium: 'image',
      type: image.mediaType,
      width: String(image.width),
      height: String(image.height),
    },
    children: {
      'media:credit': image.credit,
      'media:description': { attrs: { type: 'plain' }, text: image.alt },
      'media:title':
        image.caption === undefined ? undefined : { attrs: { type: 'plain' }, text: image.caption },
    },
  };
}

/**
 * Checks an item with @astrojs/rss's own item schema, so what it would refuse (a date that is
 * not one, say) fails the build here too, in its words, naming the feed and the article.
 */
function checkRssItem(item: FeedItem, index: number, feedUrl: string): void {
  const result = rssSchema.safeParse({
    title: item.title,
    link: item.permalink,
    description: item.description,
    pubDate: item.published,
    categories: item.categories,
    content: item.contentHtml,
  });
  if (result.success) return;
  throw new Error(
    [
      `[RSS] ${feedUrl}: item ${index + 1} (${item.permalink}) is invalid:`,
      ...result.error.issues.map((issue) => `${issue.message} (${issue.path.join('.')})`),
    ].join('\n'),
  );
}
