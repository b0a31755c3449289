import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import PullQuote from '../../src/components/mdx/PullQuote.astro';
import Tweet from '../../src/components/mdx/Tweet.astro';
import { renderRss, toFeedHtml, type FeedChannel, type FeedItem } from '../../src/lib/feed';
import { parseFragment } from '../helpers/html';
import { NS, parseXml, textOf } from '../helpers/xml';

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

describe('renderRss', () => {
  it('writes an RSS 2.0 channel with its language, self link and namespaces', async () => {
    const doc = parseXml(await renderRss(channel, [item()]));
    const rss = doc.documentElement!;
    expect(rss.tagName).toBe('rss');
    expect(rss.getAttribute('version')).toBe('2.0');
    const ch = rss.getElementsByTagName('channel')[0]!;
    expect(textOf(ch, 'title')).toBe('JNS Wire');
    expect(textOf(ch, 'link')).toBe('https://news.example.com/');
    expect(textOf(ch, 'language')).toBe('en');
    const self = ch.getElementsByTagNameNS(NS.atom, 'link')[0];
    expect(self?.getAttribute('href')).toBe('https://news.example.com/rss.xml');
    expect(self?.getAttribute('rel')).toBe('self');
    expect(self?.getAttribute('type')).toBe('application/rss+xml');
  });

  it('gives each item title, link, permalink guid, RFC 822 date, dek, categories, creator and full content', async () => {
    const doc = parseXml(await renderRss(channel, [item()]));
    const entry = doc.getElementsByTagName('item')[0]!;
    expect(textOf(entry, 'title')).toBe('Azerbaijan opens embassy in Israel');
    expect(textOf(entry, 'link')).toBe(
      'https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/',
    );
    const guid = entry.getElementsByTagName('guid')[0];
    expect(guid?.textContent).toBe('https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/');
    expect(guid?.getAttribute('isPermaLink')).toBe('true');
    expect(textOf(entry, 'pubDate')).toBe('Tue, 28 Mar 2023 21:00:00 GMT');
    expect(textOf(entry, 'description')).toBe('The two nations’ foreign ministers met in Jerusalem.');
    expect([...entry.getElementsByTagName('category')].map((c) => c.textContent)).toEqual([
      'World',
      'Azerbaijan',
    ]);
    expect(entry.getElementsByTagNameNS(NS.dc, 'creator')[0]?.textContent).toBe('JNS');
    expect(entry.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent).toBe(
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
    const entry = parseXml(xml).getElementsByTagName('item')[0]!;
    expect(textOf(entry, 'title')).toBe(hostile);
    expect(textOf(entry, 'description')).toBe(hostile);
    expect(entry.getElementsByTagNameNS(NS.dc, 'creator')[0]?.textContent).toBe(hostile);
    expect(entry.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent).toBe(`<p>${hostile}</p>`);
  });

  it('is rejected by the strict parser when it is not well-formed (the check can fail)', () => {
    expect(() => parseXml('<rss><channel><title>a</channel></rss>')).toThrow(/XML/);
    expect(() => parseXml('<rss><x:y/></rss>')).toThrow(/XML/); // undeclared namespace prefix
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
