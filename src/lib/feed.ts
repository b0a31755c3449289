import { getRssString } from '@astrojs/rss';
import { parseHTML } from 'linkedom';

/** One article as the feed carries it: everything already rendered and absolute. */
export interface FeedItem {
  /** The headline, plain text. */
  title: string;
  /** Absolute URL of the article page; also the item's permalink guid. */
  link: string;
  /** The dek, plain text. */
  description: string;
  /** When it was published. */
  pubDate: Date;
  /** Section label first, then the tags. */
  categories: string[];
  /** Who it is by, as printed after "By" (RSS `author` wants an e-mail, so `dc:creator`). */
  creator: string;
  /** The whole article body as feed-safe HTML (see {@link toFeedHtml}). */
  contentHtml: string;
}

/** The channel: who publishes the feed and where it lives. */
export interface FeedChannel {
  title: string;
  description: string;
  /** BCP 47 language, e.g. "en". */
  lang: string;
  /** Absolute URL of the site's home page. */
  homeUrl: string;
  /** Absolute URL the feed itself is served at (for `atom:link rel="self"`). */
  feedUrl: string;
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);

/**
 * The RSS 2.0 document for the given items (already sorted and limited by the caller). Text is
 * escaped by the XML builder; nothing passed in can close an element or open a CDATA section.
 */
export async function renderRss(channel: FeedChannel, items: readonly FeedItem[]): Promise<string> {
  const newest = items.reduce<Date | undefined>(
    (max, item) => (!max || item.pubDate > max ? item.pubDate : max),
    undefined,
  );
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.homeUrl,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<language>${escapeXml(channel.lang)}</language>`,
      newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
      `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: items.map((item) => ({
      title: item.title,
      link: item.link,
      description: item.description,
      pubDate: item.pubDate,
      categories: item.categories,
      content: item.contentHtml,
      customData: `<dc:creator>${escapeXml(item.creator)}</dc:creator>`,
    })),
  });
}

const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'NOSCRIPT',
]);
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'];

/**
 * Turns an article body rendered for the web into HTML fit for `content:encoded`: no script, style
 * or custom elements, no framework attributes, every link absolute (feed readers resolve relative
 * URLs inconsistently), and no link with a scheme other than http, https or mailto.
 * @param html the body as rendered by Astro
 * @param pageUrl the article's absolute URL, against which relative links are resolved
 */
export function toFeedHtml(html: string, pageUrl: string): string {
  const { document } = parseHTML('<!doctype html><html><body><div id="feed-root"></div></body></html>');
  const root = document.getElementById('feed-root');
  if (!root) throw new Error('toFeedHtml: could not create a document');
  root.innerHTML = html;

  for (const element of [...root.querySelectorAll('*')]) {
    if (DROP.has(element.tagName)) {
      element.remove();
      continue;
    }
    for (const { name } of [...element.attributes]) {
      if (name.startsWith('data-') || name.startsWith('on') || name === 'class' || name === 'style') {
        element.removeAttribute(name);
      }
    }
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const absolute = new URL(value, pageUrl);
      if (['http:', 'https:', 'mailto:'].includes(absolute.protocol)) {
        element.setAttribute(name, absolute.href);
      } else {
        element.removeAttribute(name);
      }
    }
    if (element.tagName.includes('-')) {
      element.replaceWith(...element.childNodes);
    }
  }
  return root.innerHTML.trim();
}
