import { getRssString } from '@astrojs/rss';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { FeedChannel, FeedItem } from '../../src/lib/feed/model';
import { renderRss } from '../../src/lib/feed/rss';
import { NS, parseXml, firstElementText } from '../helpers/xml';

const channel: FeedChannel = {
  title: 'JNS Wire – Topic: Q&A',
  description: 'Reports from JNS Wire about “Q&A”.',
  lang: 'en',
  homeUrl: 'https://news.example.com/tags/q-a/',
  feedUrl: 'https://news.example.com/feeds/tag/q-a/rss.xml',
  author: 'JNS Wire',
  updated: new Date('2023-03-30T07:15:00Z'),
  timeZone: 'Asia/Jerusalem',
};

const items: FeedItem[] = [
  {
    permalink: 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
    title: 'Azerbaijan opens embassy in Israel',
    description: 'The two nations’ foreign ministers met in Jerusalem.',
    published: new Date('2023-03-28T21:00:00Z'),
    categories: ['World', 'Azerbaijan'],
    authors: [{ name: 'JNS' }],
    contentHtml: '<p>Azerbaijan on Wednesday <a href="https://x.com/elicoh1">posted</a> &amp; more…</p>',
  },
  {
    permalink: 'https://news.example.com/articles/hostile/',
    title: '</title><script>alert(1)</script>]]> & "q" \'a\'',
    description: 'A <b>dek</b> & more',
    published: new Date('2023-03-27T08:05:00Z'),
    updated: new Date('2023-03-28T10:00:00Z'),
    categories: ['Israel', 'R&D <x>'],
    authors: [{ name: 'JNS & Staff' }],
    contentHtml: '<p>]]><![CDATA[ & </p>',
  },
];

/** The same items as @astrojs/rss takes them, written independently of `renderRss`. */
const astroRss = (extras?: { channel: string; item: (item: FeedItem) => string }) =>
  getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.homeUrl,
    stylesheet: '/feed.xsl',
    xmlns: { atom: NS.atom, dc: NS.dc },
    ...(extras ? { customData: extras.channel } : {}),
    items: items.map((item) => ({
      title: item.title,
      link: item.permalink,
      description: item.description,
      pubDate: item.published,
      content: item.contentHtml,
      categories: item.categories,
      ...(extras ? { customData: extras.item(item) } : {}),
    })),
  });

/** What both documents must agree on: the channel's core and each item's. */
function core(xml: string) {
  const doc = parseXml(xml);
  const ch = doc.getElementsByTagName('channel')[0]!;
  const own = (parent: XmlElement, name: string) =>
    Array.from(parent.childNodes).filter(
      (node): node is XmlElement => node.nodeType === 1 && (node as XmlElement).tagName === name,
    );
  return {
    title: own(ch, 'title')[0]?.textContent,
    description: own(ch, 'description')[0]?.textContent,
    link: own(ch, 'link')[0]?.textContent,
    items: own(ch, 'item').map((item) => ({
      title: firstElementText(item, 'title'),
      link: firstElementText(item, 'link'),
      guid: firstElementText(item, 'guid'),
      isPermaLink: item.getElementsByTagName('guid')[0]?.getAttribute('isPermaLink'),
      pubDate: firstElementText(item, 'pubDate'),
      description: firstElementText(item, 'description'),
      content: item.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent,
      categories: Array.from(item.getElementsByTagName('category')).map((c) => c.textContent),
    })),
  };
}

describe('renderRss and @astrojs/rss', () => {
  it('writes the same channel and items as @astrojs/rss’s getRssString, hostile text included', async () => {
    const ours = core(renderRss(channel, items));
    expect(ours).toEqual(core(await astroRss()));
    // And the comparison compares something: the values are there, unescaped once.
    expect(ours.items[1]?.title).toBe(items[1]?.title);
    expect(ours.items[1]?.content).toBe(items[1]?.contentHtml);
    expect(ours.items[0]?.isPermaLink).toBe('true');
  });

  it('writes, byte for byte, what @astrojs/rss wrote when our extras went in as customData strings', async () => {
    // Plain values only: customData is markup that @astrojs/rss parses, so it needs no escaping here.
    const plain: FeedChannel = { ...channel, title: 'JNS Wire', description: 'Reports.' };
    const plainItems = items.slice(0, 1);
    const before = await getRssString({
      title: plain.title,
      description: plain.description,
      site: plain.homeUrl,
      trailingSlash: true,
      stylesheet: '/feed.xsl',
      xmlns: { atom: NS.atom, dc: NS.dc },
      customData:
        '<language>en</language><lastBuildDate>Thu, 30 Mar 2023 07:15:00 GMT</lastBuildDate>' +
        `<atom:link href="${plain.feedUrl}" rel="self" type="application/rss+xml"/>`,
      items: plainItems.map((item) => ({
        title: item.title,
        link: item.permalink,
        description: item.description,
        pubDate: item.published,
        categories: item.categories,
        content: item.contentHtml,
        customData: `<dc:creator>${item.authors[0]?.name ?? ''}</dc:creator>`,
      })),
    });
    expect(renderRss(plain, plainItems)).toBe(before);
  });

  it('checks each item with @astrojs/rss’s rssSchema and fails in its words, naming the feed and the item', async () => {
    const broken = { ...items[0]!, published: new Date('2023-02-30T25:00:00Z') };
    expect(() => renderRss(channel, [items[1]!, broken])).toThrowErrorMatchingInlineSnapshot(`
      [Error: [RSS] https://news.example.com/feeds/tag/q-a/rss.xml: item 2 (https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/) is invalid:
      Invalid input (pubDate)]
    `);
    // @astrojs/rss refuses the same item.
    await expect(
      getRssString({
        title: 't',
        description: 'd',
        site: channel.homeUrl,
        items: [{ title: broken.title, pubDate: broken.published }],
      }),
    ).rejects.toThrow(/\[RSS\][\s\S]*pubDate/);
  });
});
