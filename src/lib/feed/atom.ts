import { rfc3339 } from '../site/dates';
import { paths } from '../site/urls';
import { writeXml, type XmlElement } from '../site/xml';
import type { FeedChannel, FeedImage, FeedItem, FeedPerson } from './model';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** An Atom person construct (RFC 4287 §3.2): a name, and the person's page when known. */
const person = ({ name, url }: FeedPerson): XmlElement => ({ children: { name, uri: url } });

/**
 * An entry's lead photograph as an enclosure link (RFC 4287 §4.2.7.2: "a related resource that is
 * potentially large in size"), its alt text as the link's human-readable title. `length` (bytes)
 * is left out, as the RFC allows: astro:assets writes the file after the feeds are rendered.
 */
const enclosure = (image: FeedImage): XmlElement => ({
  attrs: { rel: 'enclosure', type: image.mediaType, href: image.url, title: image.alt },
});

/**
 * The Atom (RFC 4287) document for the given items: feed id, title, updated, author and its self
 * and alternate links; per entry the permalink as id and link, dates, author, categories, the dek
 * as summary and the whole article as escaped HTML content, and its lead photograph, if any, as
 * an enclosure link. Dates are in the channel's time zone.
 */
export function renderAtom(channel: FeedChannel, items: readonly FeedItem[]): string {
  const date = (instant: Date) => rfc3339(instant, channel.timeZone);
  return writeXml({
    root: 'feed',
    stylesheet: paths.feedStylesheet(),
    element: {
      attrs: { xmlns: ATOM_NS, 'xml:lang': channel.lang },
      children: {
        // The feed's own address identifies it: stable, and unique to this scope and format.
        id: channel.feedUrl,
        title: { attrs: { type: 'text' }, text: channel.title },
        subtitle: { attrs: { type: 'text' }, text: channel.description },
        updated: date(channel.updated),
        author: person({ name: channel.author }),
        link: [
          { attrs: { rel: 'self', type: 'application/atom+xml', href: channel.feedUrl } },
          { attrs: { rel: 'alternate', type: 'text/html', href: channel.homeUrl } },
        ],
        entry: items.map((item): XmlElement => ({
          children: {
            id: item.permalink,
            title: { attrs: { type: 'text' }, text: item.title },
            link: [
              { attrs: { rel: 'alternate', type: 'text/html', href: item.permalink } },
              ...(item.image ? [enclosure(item.image)] : []),
            ],
            published: date(item.published),
            updated: date(item.updated ?? item.published),
            author: item.authors.map(person),
            category: item.categories.map((term): XmlElement => ({ attrs: { term } })),
            summary: { attrs: { type: 'text' }, text: item.description },
            content: { attrs: { type: 'html' }, text: item.contentHtml },
          },
        })),
      },
    },
  });
}
