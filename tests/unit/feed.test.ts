import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../src/lib/feed/atom';
import { toFeedHtml } from '../../src/lib/feed/html';
import { renderJsonFeed } from '../../src/lib/feed/json';
import type { FeedChannel, FeedImage, FeedItem } from '../../src/lib/feed/model';
import { renderRss } from '../../src/lib/feed/rss';
import { checkAtomFeed } from '../feed-validator/atom';
import { checkJsonFeed } from '../feed-validator/json-feed';
import { checkRssFeed } from '../feed-validator/rss';
import { NS, parseXml, firstElementText } from '../helpers/xml';
import { parseFragment } from '../helpers/html';

const channel: FeedChannel = {
  title: 'JNS Wire',
  description: 'Reports.',
  lang: 'en',
  homeUrl: 'https://news.example.com/',
  feedUrl: 'https://news.example.com/rss.xml',
  author: 'JNS Wire',
  updated: new Date('2023-03-30T07:15:00Z'),
  timeZone: 'Asia/Jerusalem',
};
const atomChannel: FeedChannel = { ...channel, feedUrl: 'https://news.example.com/atom.xml' };
const jsonChannel: FeedChannel = { ...channel, feedUrl: 'https://news.example.com/feed.json' };

const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  permalink: 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
  title: 'Azerbaijan opens embassy in Israel',
  description: 'The two nations’ foreign ministers met in Jerusalem.',
  published: new Date('2023-03-28T21:00:00Z'),
  categories: ['World', 'Azerbaijan'],
  authors: [{ name: 'JNS' }],
  contentHtml: '<p>Azerbaijan on Wednesday became the first Shi’ite Muslim country…</p>',
  ...overrides,
});

/** The hostile text every serializer must keep inert: it closes elements, ends CDATA, opens script. */
const HOSTILE = '</title><script>alert(1)</script>]]><![CDATA[x & y "q" \'a\'';

/** The Atom elements called `name` under `parent` (at any depth). */
const atomChildren = (parent: XmlElement | XmlDocument, name: string): XmlElement[] =>
  Array.from(parent.getElementsByTagNameNS(NS.atom, name));
describe('renderRss', () => {
  it('writes an RSS 2.0 channel with its language, self link and namespaces', () => {
    const xml = renderRss(channel, [item()]);
    expect(xml).toContain('<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>');
    const doc = parseXml(xml);
    const rss = doc.documentElement!;
    expect(rss.tagName).toBe('rss');
    expect(rss.getAttribute('version')).toBe('2.0');
    const ch = rss.getElementsByTagName('channel')[0]!;
    expect(firstElementText(ch, 'title')).toBe('JNS Wire');
    expect(firstElementText(ch, 'link')).toBe('https://news.example.com/');
    expect(firstElementText(ch, 'language')).toBe('en');
    expect(firstElementText(ch, 'lastBuildDate')).toBe('Thu, 30 Mar 2023 07:15:00 GMT');
    const self = ch.getElementsByTagNameNS(NS.atom, 'link')[0];
    expect(self?.getAttribute('href')).toBe('https://news.example.com/rss.xml');
    expect(self?.getAttribute('rel')).toBe('self');
    expect(self?.getAttribute('type')).toBe('application/rss+xml');
  });

  it('gives each item title, link, permalink guid, RFC 822 date, dek, categories, creator and full content', () => {
    const doc = parseXml(renderRss(channel, [item()]));
    const entry = doc.getElementsByTagName('item')[0]!;
    expect(firstElementText(entry, 'title')).toBe('Azerbaijan opens embassy in Israel');
    expect(firstElementText(entry, 'link')).toBe(
      'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
    );
    const guid = entry.getElementsByTagName('guid')[0];
    expect(guid?.textContent).toBe('https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/');
    expect(guid?.getAttribute('isPermaLink')).toBe('true');
    expect(firstElementText(entry, 'pubDate')).toBe('Tue, 28 Mar 2023 21:00:00 GMT');
    expect(firstElementText(entry, 'description')).toBe(
      'The two nations’ foreign ministers met in Jerusalem.',
    );
    expect([...entry.getElementsByTagName('category')].map((c) => c.textContent)).toEqual([
      'World',
      'Azerbaijan',
    ]);
    expect(entry.getElementsByTagNameNS(NS.dc, 'creator')[0]?.textContent).toBe('JNS');
    expect(entry.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent).toBe(
      '<p>Azerbaijan on Wednesday became the first Shi’ite Muslim country…</p>',
    );
  });

  it('escapes a hostile headline, dek, byline and body so they stay inert text', () => {
    const hostile = HOSTILE;
    const xml = renderRss(channel, [
      item({
        title: hostile,
        description: hostile,
        authors: [{ name: hostile }],
        categories: [hostile],
        contentHtml: `<p>${hostile}</p>`,
      }),
    ]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const entry = parseXml(xml).getElementsByTagName('item')[0]!;
    expect(firstElementText(entry, 'title')).toBe(hostile);
    expect(firstElementText(entry, 'description')).toBe(hostile);
    expect(entry.getElementsByTagNameNS(NS.dc, 'creator')[0]?.textContent).toBe(hostile);
    expect(entry.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent).toBe(`<p>${hostile}</p>`);
    expect(firstElementText(entry, 'category')).toBe(hostile);
  });

  it('is rejected by the strict parser when it is not well-formed (the check can fail)', () => {
    expect(() => parseXml('<rss><channel><title>a</channel></rss>')).toThrow(/XML/);
    expect(() => parseXml('<rss><x:y/></rss>')).toThrow(/XML/); // undeclared namespace prefix
  });
});

describe('renderAtom', () => {
  it('writes an RFC 4287 feed: id, title, updated, author, self and alternate links, the stylesheet', () => {
    const xml = renderAtom(atomChannel, [item()]);
    expect(xml).toContain('<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>');
    const feed = parseXml(xml).documentElement!;
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(NS.atom);
    expect(feed.getAttribute('xml:lang')).toBe('en');
    const own = (name: string) => atomChildren(feed, name).filter((el) => el.parentNode === feed);
    expect(own('id')[0]?.textContent).toBe('https://news.example.com/atom.xml');
    expect(own('title')[0]?.textContent).toBe('JNS Wire');
    expect(own('subtitle')[0]?.textContent).toBe('Reports.');
    // Dates in the site's zone, so the day reads as the site prints it.
    expect(own('updated')[0]?.textContent).toBe('2023-03-30T10:15:00+03:00');
    expect(own('author')[0]?.textContent).toBe('JNS Wire');
    const links = own('link').map((link) => [
      link.getAttribute('rel'),
      link.getAttribute('type'),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['self', 'application/atom+xml', 'https://news.example.com/atom.xml'],
      ['alternate', 'text/html', 'https://news.example.com/'],
    ]);
  });

  it('gives each entry its permalink as id and link, dates, author, categories, dek and full content', () => {
    const doc = parseXml(renderAtom(atomChannel, [item({ updated: new Date('2023-03-29T09:30:00Z') })]));
    const entry = atomChildren(doc, 'entry')[0]!;
    const one = (name: string) => atomChildren(entry, name)[0];
    expect(one('id')?.textContent).toBe(
      'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
    );
    expect(one('title')?.textContent).toBe('Azerbaijan opens embassy in Israel');
    expect(one('link')?.getAttribute('rel')).toBe('alternate');
    expect(one('link')?.getAttribute('href')).toBe(
      'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
    );
    expect(one('published')?.textContent).toBe('2023-03-29T00:00:00+03:00');
    expect(one('updated')?.textContent).toBe('2023-03-29T12:30:00+03:00');
    expect(one('author')?.textContent).toBe('JNS');
    expect(atomChildren(entry, 'category').map((c) => c.getAttribute('term'))).toEqual([
      'World',
      'Azerbaijan',
    ]);
    expect(one('summary')?.textContent).toBe('The two nations’ foreign ministers met in Jerusalem.');
    expect(one('content')?.getAttribute('type')).toBe('html');
    expect(one('content')?.textContent).toBe(
      '<p>Azerbaijan on Wednesday became the first Shi’ite Muslim country…</p>',
    );
  });

  it('uses the publication date as the entry’s updated date when it was never updated', () => {
    const entry = atomChildren(parseXml(renderAtom(atomChannel, [item()])), 'entry')[0]!;
    expect(atomChildren(entry, 'updated')[0]?.textContent).toBe('2023-03-29T00:00:00+03:00');
  });

  it('escapes a hostile headline, dek, byline, category and body so they stay inert text', () => {
    const xml = renderAtom(atomChannel, [
      item({
        title: HOSTILE,
        description: HOSTILE,
        authors: [{ name: HOSTILE }],
        categories: [HOSTILE],
        contentHtml: `<p>${HOSTILE}</p>`,
      }),
    ]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const entry = atomChildren(parseXml(xml), 'entry')[0]!;
    const one = (name: string) => atomChildren(entry, name)[0];
    expect(one('title')?.textContent).toBe(HOSTILE);
    expect(one('summary')?.textContent).toBe(HOSTILE);
    expect(one('author')?.textContent).toBe(HOSTILE);
    expect(one('category')?.getAttribute('term')).toBe(HOSTILE);
    expect(one('content')?.textContent).toBe(`<p>${HOSTILE}</p>`);
  });

  it('drops characters XML cannot carry instead of writing a document no reader can parse', () => {
    const xml = renderAtom(atomChannel, [item({ title: 'Bell\u0007 and \uD800lone surrogate' })]);
    const entry = atomChildren(parseXml(xml), 'entry')[0]!;
    expect(atomChildren(entry, 'title')[0]?.textContent).toBe('Bell and lone surrogate');
  });

  it('writes an empty but complete feed when a section has no articles yet', () => {
    const feed = parseXml(renderAtom(atomChannel, [])).documentElement!;
    expect(atomChildren(feed, 'entry')).toHaveLength(0);
    expect(atomChildren(feed, 'updated')[0]?.textContent).toBe('2023-03-30T10:15:00+03:00');
    expect(atomChildren(feed, 'author')).toHaveLength(1);
  });
});

describe('renderJsonFeed', () => {
  it('writes a JSON Feed 1.1 with absolute URLs, language, authors and whole items', () => {
    const feed = JSON.parse(
      renderJsonFeed(jsonChannel, [item({ updated: new Date('2023-03-29T09:30:00Z') })]),
    );
    expect(feed).toEqual({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'JNS Wire',
      home_page_url: 'https://news.example.com/',
      feed_url: 'https://news.example.com/feed.json',
      description: 'Reports.',
      language: 'en',
      authors: [{ name: 'JNS Wire' }],
      items: [
        {
          id: 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
          url: 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
          title: 'Azerbaijan opens embassy in Israel',
          summary: 'The two nations’ foreign ministers met in Jerusalem.',
          content_html: '<p>Azerbaijan on Wednesday became the first Shi’ite Muslim country…</p>',
          date_published: '2023-03-29T00:00:00+03:00',
          date_modified: '2023-03-29T12:30:00+03:00',
          authors: [{ name: 'JNS' }],
          tags: ['World', 'Azerbaijan'],
        },
      ],
    });
  });

  it('keeps a hostile headline, dek, byline, tag and body as exact strings', () => {
    const json = renderJsonFeed(jsonChannel, [
      item({
        title: HOSTILE,
        description: HOSTILE,
        authors: [{ name: HOSTILE }],
        categories: [HOSTILE],
        contentHtml: `<p>${HOSTILE}</p>`,
      }),
    ]);
    const [parsed] = (JSON.parse(json) as { items: Record<string, unknown>[] }).items;
    expect(parsed).toMatchObject({
      title: HOSTILE,
      summary: HOSTILE,
      authors: [{ name: HOSTILE }],
      tags: [HOSTILE],
      content_html: `<p>${HOSTILE}</p>`,
    });
  });
});

describe('a hostile body given straight to the feed code, past the build’s checks', () => {
  // What the build's allow-list refuses (src/lib/authoring/mdx-allow-list.ts), as if it had not.
  const body =
    '<p>Text <img src="https://tracker.example/pixel.gif?reader=1" alt="">' +
    '<a href="https://other.example/story">a link elsewhere</a></p>' +
    '<picture><source srcset="https://tracker.example/a.avif" type="image/avif">' +
    '<img src="https://tracker.example/a.jpg" srcset="https://tracker.example/a.jpg 1x, /own.jpg 2x" alt="a"></picture>' +
    '<video src="//tracker.example/v.mp4" poster="https://tracker.example/p.jpg"><source src="https://tracker.example/v.webm"></video>' +
    '<audio src="https://tracker.example/a.mp3"></audio><iframe src="https://tracker.example/embed"></iframe>' +
    '<script src="https://tracker.example/s.js"></script><p><img src="/own.png" alt="own"></p>';
  const hostile = item({ contentHtml: toFeedHtml(body, item().permalink) });

  /** Every address in `html` a reader's program would load by itself, without a click. */
  const loaded = (html: string): string[] =>
    [...parseFragment(html).querySelectorAll('*')].flatMap((el) =>
      ['src', 'srcset', 'poster', 'data'].flatMap((name) => el.getAttribute(name) ?? []),
    );
  const contents = {
    rss: () =>
      parseXml(renderRss(channel, [hostile])).getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent,
    atom: () => atomChildren(parseXml(renderAtom(atomChannel, [hostile])), 'content')[0]?.textContent,
    json: () =>
      (JSON.parse(renderJsonFeed(jsonChannel, [hostile])) as { items: { content_html: string }[] }).items[0]
        ?.content_html,
  };

  it.each(Object.keys(contents) as (keyof typeof contents)[])(
    'yields no resource from another host in %s, and keeps the link',
    (format) => {
      const html = contents[format]() ?? '';
      expect(loaded(html)).toEqual([
        'https://news.example.com/own.jpg 2x',
        'https://news.example.com/own.png',
      ]);
      expect(html).not.toContain('tracker.example');
      expect(parseFragment(html).querySelector('a')?.getAttribute('href')).toBe(
        'https://other.example/story',
      );
    },
  );
});

describe('the three formats', () => {
  const items = [
    item(),
    item({
      permalink: 'https://news.example.com/articles/second/',
      title: 'A second report & more',
      description: 'Its dek.',
      published: new Date('2023-03-27T08:05:00Z'),
      updated: new Date('2023-03-28T10:00:00Z'),
      categories: ['Israel', 'Knesset'],
      authors: [{ name: 'JNS Staff' }],
      contentHtml: '<p>Second <a href="https://news.example.com/">body</a>.</p>',
    }),
  ];

  it('agree on every item: id, link, title, dek, dates, author, categories and content', () => {
    interface Seen {
      id: string;
      link: string;
      title: string;
      summary: string;
      published: number;
      author: string;
      categories: string[];
      content: string;
    }
    const rss = parseXml(renderRss(channel, items));
    const fromRss: Seen[] = Array.from(rss.getElementsByTagName('item')).map((el) => ({
      id: firstElementText(el, 'guid') ?? '',
      link: firstElementText(el, 'link') ?? '',
      title: firstElementText(el, 'title') ?? '',
      summary: firstElementText(el, 'description') ?? '',
      published: Date.parse(firstElementText(el, 'pubDate') ?? ''),
      author: el.getElementsByTagNameNS(NS.dc, 'creator')[0]?.textContent ?? '',
      categories: Array.from(el.getElementsByTagName('category')).map((c) => c.textContent ?? ''),
      content: el.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent ?? '',
    }));

    const atom = parseXml(renderAtom(atomChannel, items));
    const fromAtom: Seen[] = atomChildren(atom, 'entry').map((el) => {
      const one = (name: string) => atomChildren(el, name)[0];
      return {
        id: one('id')?.textContent ?? '',
        link: one('link')?.getAttribute('href') ?? '',
        title: one('title')?.textContent ?? '',
        summary: one('summary')?.textContent ?? '',
        published: Date.parse(one('published')?.textContent ?? ''),
        author: one('author')?.textContent ?? '',
        categories: atomChildren(el, 'category').map((c) => c.getAttribute('term') ?? ''),
        content: one('content')?.textContent ?? '',
      };
    });

    const json = JSON.parse(renderJsonFeed(jsonChannel, items)) as {
      items: {
        id: string;
        url: string;
        title: string;
        summary: string;
        date_published: string;
        date_modified: string;
        authors: { name: string }[];
        tags: string[];
        content_html: string;
      }[];
    };
    const fromJson: Seen[] = json.items.map((el) => ({
      id: el.id,
      link: el.url,
      title: el.title,
      summary: el.summary,
      published: Date.parse(el.date_published),
      author: el.authors[0]?.name ?? '',
      categories: el.tags,
      content: el.content_html,
    }));

    const expected: Seen[] = items.map((it) => ({
      id: it.permalink,
      link: it.permalink,
      title: it.title,
      summary: it.description,
      published: it.published.getTime(),
      author: it.authors.map((a) => a.name).join(', '),
      categories: it.categories,
      content: it.contentHtml,
    }));
    expect(fromRss).toEqual(expected);
    expect(fromAtom).toEqual(expected);
    expect(fromJson).toEqual(expected);

    // The update date exists in Atom and JSON Feed (RSS has none per item): the same instant.
    const atomUpdated = atomChildren(atom, 'entry').map((el) =>
      Date.parse(atomChildren(el, 'updated')[0]?.textContent ?? ''),
    );
    expect(atomUpdated).toEqual(json.items.map((el) => Date.parse(el.date_modified)));
    expect(atomUpdated).toEqual(items.map((it) => (it.updated ?? it.published).getTime()));
  });
});

describe('an item’s lead photograph', () => {
  const image: FeedImage = {
    url: 'https://news.example.com/_astro/lead.KFPjhkAM_Z1abc.jpg',
    width: 1200,
    height: 800,
    mediaType: 'image/jpeg',
    alt: 'Stalls under white awnings beside a wheat field at dusk',
    credit: 'Miriam Levi/JNS',
    caption: 'The festival grounds on Sunday evening.',
  };
  const pictured = item({
    permalink: 'https://news.example.com/articles/harvest/',
    title: 'A harvest festival',
    image,
  });
  /** One item with a photograph and one without, as a feed mixes them. */
  const items = [pictured, item()];

  /** The Media RSS elements called `name` under `parent`. */
  const media = (parent: XmlElement | XmlDocument, name: string): XmlElement[] =>
    Array.from(parent.getElementsByTagNameNS(NS.media, name));

  it('RSS: media:content with its URL, medium, type and size, its credit, its alt text and caption', () => {
    const xml = renderRss(channel, items);
    expect(checkRssFeed(xml, { feedUrl: channel.feedUrl })).toEqual([]);
    const doc = parseXml(xml);
    expect(doc.documentElement?.getAttribute('xmlns:media')).toBe(NS.media);
    const [withImage, without] = Array.from(doc.getElementsByTagName('item'));
    const [content, ...others] = media(withImage!, 'content');
    expect(others).toEqual([]);
    expect(
      ['url', 'medium', 'type', 'width', 'height', 'fileSize'].map(
        (name) => content?.getAttribute(name) ?? null,
      ),
    ).toEqual([image.url, 'image', 'image/jpeg', '1200', '800', null]);
    expect(media(content!, 'credit').map((el) => el.textContent)).toEqual(['Miriam Levi/JNS']);
    const [description] = media(content!, 'description');
    expect(description?.getAttribute('type')).toBe('plain');
    expect(description?.textContent).toBe(image.alt);
    const [title] = media(content!, 'title');
    expect([title?.getAttribute('type'), title?.textContent]).toEqual(['plain', image.caption]);
    // The item without a photograph has no Media RSS element at all.
    expect(media(withImage!, '*')).toHaveLength(4);
    expect(media(without!, '*')).toEqual([]);
  });

  it('RSS: no caption, no media:title', () => {
    const { caption: _caption, ...uncaptioned } = image;
    const doc = parseXml(renderRss(channel, [item({ image: uncaptioned })]));
    expect(media(doc, 'content')).toHaveLength(1);
    expect(media(doc, 'title')).toEqual([]);
  });

  it('RSS: a feed with no photograph declares no Media RSS namespace and has no media elements', () => {
    const xml = renderRss(channel, [item()]);
    expect(media(parseXml(xml), '*')).toEqual([]);
    expect(xml).not.toContain(NS.media);
  });

  it('Atom: an enclosure link with the file’s type and URL, its alt text as title, no length', () => {
    const xml = renderAtom(atomChannel, items);
    expect(checkAtomFeed(xml, { feedUrl: atomChannel.feedUrl })).toEqual([]);
    const [withImage, without] = atomChildren(parseXml(xml), 'entry');
    const links = (entry: XmlElement | undefined) =>
      atomChildren(entry!, 'link').map((link) => ({
        rel: link.getAttribute('rel'),
        type: link.getAttribute('type'),
        href: link.getAttribute('href'),
        title: link.getAttribute('title'),
        length: link.getAttribute('length'),
      }));
    expect(links(withImage)).toEqual([
      { rel: 'alternate', type: 'text/html', href: pictured.permalink, title: null, length: null },
      { rel: 'enclosure', type: 'image/jpeg', href: image.url, title: image.alt, length: null },
    ]);
    expect(links(without).map((link) => link.rel)).toEqual(['alternate']);
  });

  it('JSON Feed: the file’s URL as the item’s image, and no image on an item without one', () => {
    const json = renderJsonFeed(jsonChannel, items);
    expect(checkJsonFeed(json, { feedUrl: jsonChannel.feedUrl })).toEqual([]);
    const [withImage, without] = (JSON.parse(json) as { items: Record<string, unknown>[] }).items;
    expect(withImage?.image).toBe(image.url);
    expect(without).not.toHaveProperty('image');
  });

  it('keeps a hostile alt text, credit and caption as exact, inert text in all three formats', () => {
    const hostileImage = { ...image, alt: HOSTILE, credit: HOSTILE, caption: HOSTILE };
    const hostileItems = [item({ image: hostileImage })];

    const rssXml = renderRss(channel, hostileItems);
    expect(rssXml).not.toContain('<script>');
    const rss = parseXml(rssXml);
    expect(media(rss, 'credit')[0]?.textContent).toBe(HOSTILE);
    expect(media(rss, 'description')[0]?.textContent).toBe(HOSTILE);
    expect(media(rss, 'title')[0]?.textContent).toBe(HOSTILE);

    const atomXml = renderAtom(atomChannel, hostileItems);
    expect(atomXml).not.toContain('<script>');
    const enclosure = atomChildren(parseXml(atomXml), 'link').find(
      (link) => link.getAttribute('rel') === 'enclosure',
    );
    expect(enclosure?.getAttribute('title')).toBe(HOSTILE);
  });
});
