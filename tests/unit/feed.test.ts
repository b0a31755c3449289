import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import PullQuote from '../../src/components/mdx/PullQuote.astro';
import Tweet from '../../src/components/mdx/Tweet.astro';
import { renderRss, toFeedHtml, type FeedChannel, type FeedItem } from '../../src/lib/feed';
import { parseFragment } from './helpers/html';

const channel: FeedChannel = {
  title: 'JNS Wire',
  description: 'Reports.',
  lang: 'en',
  homeUrl: 'https://news.example.com/',
  feedUrl: 'https://news.example.com/rss.xml',
};

const item = (overrides: Partial<FeedItem> = {}): FeedItem => ({
  title: 'Azerbaijan opens embassy in Israel',
  link: 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
  description: 'The two nations’ foreign ministers met in Jerusalem.',
  pubDate: new Date('2023-03-28T21:00:00Z'),
  categories: ['World', 'Azerbaijan'],
  creator: 'JNS',
  contentHtml: '<p>Azerbaijan on Wednesday became the first Shi’ite Muslim country…</p>',
  ...overrides,
});

/** Parses the feed as a feed reader would, after checking it is well-formed XML. */
function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => ['item', 'category'].includes(name),
  }).parse(xml);
  return parsed.rss;
}

describe('renderRss', () => {
  it('writes an RSS 2.0 channel with its language, self link and namespaces', async () => {
    const rss = parseFeed(await renderRss(channel, [item()]));
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss.channel.title).toBe('JNS Wire');
    expect(rss.channel.link).toBe('https://news.example.com/');
    expect(rss.channel.language).toBe('en');
    expect(rss.channel['atom:link']).toMatchObject({
      '@_href': 'https://news.example.com/rss.xml',
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
  });

  it('gives each item title, link, permalink guid, RFC 822 date, dek, categories, creator and full content', async () => {
    const [entry] = parseFeed(await renderRss(channel, [item()])).channel.item;
    expect(entry.title).toBe('Azerbaijan opens embassy in Israel');
    expect(entry.link).toBe('https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/');
    expect(entry.guid).toEqual({
      '#text': 'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
      '@_isPermaLink': 'true',
    });
    expect(entry.pubDate).toBe('Tue, 28 Mar 2023 21:00:00 GMT');
    expect(entry.description).toBe('The two nations’ foreign ministers met in Jerusalem.');
    expect(entry.category).toEqual(['World', 'Azerbaijan']);
    expect(entry['dc:creator']).toBe('JNS');
    expect(entry['content:encoded']).toBe(
      '<p>Azerbaijan on Wednesday became the first Shi’ite Muslim country…</p>',
    );
  });

  it('escapes a hostile headline, dek, byline and body so they stay inert text', async () => {
    const hostile = '</title><script>alert(1)</script>]]><![CDATA[x & y';
    const xml = await renderRss(channel, [
      item({ title: hostile, description: hostile, creator: hostile, contentHtml: `<p>${hostile}</p>` }),
    ]);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const [entry] = parseFeed(xml).channel.item;
    expect(entry.title).toBe(hostile);
    expect(entry.description).toBe(hostile);
    expect(entry['dc:creator']).toBe(hostile);
    expect(entry['content:encoded']).toBe(`<p>${hostile}</p>`);
  });
});

describe('toFeedHtml', () => {
  it('keeps the components as plain HTML: no classes, framework attributes, styles or scripts', async () => {
    const container = await AstroContainer.create();
    const tweet = await container.renderToString(Tweet, {
      props: {
        name: 'אלי כהן | Eli Cohen',
        handle: 'elicoh1',
        date: '2023-03-29',
        lang: 'en',
        text: 'History! @Bayramov_Jeyhun',
      },
    });
    const quote = await container.renderToString(PullQuote, {
      props: { speaker: 'Eli Cohen' },
      slots: { default: 'Azerbaijan is a strategic partner of Israel' },
    });
    const html = toFeedHtml(
      `${quote}<style>p{}</style><script>x()</script>${tweet}`,
      'https://news.example.com/a/',
    );
    const doc = parseFragment(html);

    expect(doc.querySelectorAll('script, style, link')).toHaveLength(0);
    expect(doc.querySelectorAll('[class], [style]')).toHaveLength(0);
    expect(html).not.toMatch(/data-astro/);
    expect(doc.querySelectorAll('figure blockquote')).toHaveLength(2);
    expect(doc.querySelector('bdi')?.textContent).toBe('אלי כהן | Eli Cohen');
    expect([...doc.querySelectorAll('*')].filter((el) => el.tagName.includes('-'))).toHaveLength(0);
  });

  it('makes every link absolute against the article’s URL and drops script URLs', () => {
    const html = toFeedHtml(
      '<p><a href="/sections/world/">World</a> <a href="../b/">b</a> <a href="javascript:alert(1)">x</a><img src="/img.png" alt="a"></p>',
      'https://news.example.com/articles/a/',
    );
    const doc = parseFragment(html);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://news.example.com/sections/world/',
      'https://news.example.com/articles/b/',
      null,
    ]);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://news.example.com/img.png');
  });

  it('keeps an element’s children when it unwraps a custom element', () => {
    expect(toFeedHtml('<p><my-widget>kept <b>words</b></my-widget></p>', 'https://news.example.com/')).toBe(
      '<p>kept <b>words</b></p>',
    );
  });
});
