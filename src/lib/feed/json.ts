import { rfc3339 } from '../site/dates';
import type { FeedChannel, FeedItem } from './model';

/**
 * The JSON Feed 1.1 document for the given items. JSON.stringify does all the escaping; every
 * date is RFC 3339 and `date_modified` is always given (the publication date when never updated),
 * as Atom's `updated` is. An item with a lead photograph gives its file's URL as `image`.
 */
export function renderJsonFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.lang,
    authors: [{ name: channel.author }],
    items: items.map((item) => ({
      id: item.permalink,
      url: item.permalink,
      title: item.title,
      summary: item.description,
      content_html: item.contentHtml,
      ...(item.image ? { image: item.image.url } : {}),
      date_published: rfc3339(item.published, channel.timeZone),
      date_modified: rfc3339(item.updated ?? item.published, channel.timeZone),
      authors: item.authors.map(({ name, url }) => (url ? { name, url } : { name })),
      tags: item.categories,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
