import { describe, expect, it } from 'vitest';
import { renderJsonFeed } from '../../src/lib/feed/json';
import type { FeedChannel, FeedItem } from '../../src/lib/feed/model';
import { checkJsonFeed, JSON_FEED_RULES, type JsonFeedRuleId } from './json-feed';
import { itChecksEveryRule, type BrokenFeed } from './rule-tests';

const JSON_URL = 'https://news.example.com/feed.json';

type JsonObject = Record<string, unknown>;

const JSON_ITEM: JsonObject = {
  id: 'https://news.example.com/articles/azerbaijan/',
  url: 'https://news.example.com/articles/azerbaijan/',
  title: 'Azerbaijan opens embassy in Israel',
  summary: 'The two nations’ foreign ministers met in Jerusalem.',
  content_html: '<p>Cohen <a href="https://x.com/elicoh1">posted</a> it.</p>',
  image: 'https://news.example.com/_astro/lead.jpg',
  date_published: '2023-03-29T00:00:00+03:00',
  date_modified: '2023-03-29T00:00:00+03:00',
  authors: [{ name: 'JNS' }],
  tags: ['World', 'Azerbaijan'],
};

const JSON_FEED: JsonObject = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JNS Wire',
  home_page_url: 'https://news.example.com/',
  feed_url: JSON_URL,
  description: 'Reports.',
  language: 'en',
  authors: [{ name: 'JNS Wire' }],
  items: [JSON_ITEM],
};

const VALID_JSON = JSON.stringify(JSON_FEED);
/** The valid feed with top-level fields changed (`undefined` removes one). */
const feedWith = (fields: JsonObject): string => JSON.stringify({ ...JSON_FEED, ...fields });
/** The valid feed with its one item's fields changed (`undefined` removes one). */
const itemWith = (fields: JsonObject): string => feedWith({ items: [{ ...JSON_ITEM, ...fields }] });
const checkJson = (json: string, contentType?: string) =>
  checkJsonFeed(json, contentType === undefined ? { feedUrl: JSON_URL } : { feedUrl: JSON_URL, contentType });

const BROKEN_JSON: BrokenFeed<JsonFeedRuleId>[] = [
  { rule: 'well-formed', breaks: 'a trailing comma', source: VALID_JSON.replace(/}$/, ',}') },
  { rule: 'well-formed', breaks: 'an array at the top', source: JSON.stringify([JSON_FEED]) },
  { rule: 'version', breaks: 'version 1.0', source: feedWith({ version: 'https://jsonfeed.org/version/1' }) },
  { rule: 'version', breaks: 'no version', source: feedWith({ version: undefined }), mentions: 'missing' },
  { rule: 'feed-required', breaks: 'no title', source: feedWith({ title: undefined }) },
  { rule: 'feed-required', breaks: 'items that are not an array', source: feedWith({ items: {} }) },
  {
    rule: 'feed-url',
    breaks: 'a feed_url naming another address',
    source: feedWith({ feed_url: 'https://news.example.com/rss.xml' }),
    mentions: 'https://news.example.com/rss.xml',
  },
  { rule: 'feed-url', breaks: 'no feed_url', source: feedWith({ feed_url: undefined }) },
  { rule: 'url-absolute', breaks: 'a relative home_page_url', source: feedWith({ home_page_url: '/' }) },
  {
    rule: 'url-absolute',
    breaks: 'a relative item url',
    source: itemWith({ url: '/articles/azerbaijan/' }),
    mentions: '/articles/azerbaijan/',
  },
  {
    rule: 'url-absolute',
    breaks: 'a relative item image',
    source: itemWith({ image: '/_astro/lead.jpg' }),
    mentions: '"/_astro/lead.jpg"',
  },
  { rule: 'url-absolute', breaks: 'an item image that is not a string', source: itemWith({ image: {} }) },
  { rule: 'item-required', breaks: 'an item without an id', source: itemWith({ id: undefined }) },
  { rule: 'item-required', breaks: 'a numeric id', source: itemWith({ id: 42 }) },
  { rule: 'item-required', breaks: 'an item with no url', source: itemWith({ url: undefined }) },
  { rule: 'item-required', breaks: 'an item that is not an object', source: feedWith({ items: ['x'] }) },
  {
    rule: 'id',
    breaks: 'two items with one id',
    source: feedWith({ items: [JSON_ITEM, { ...JSON_ITEM, title: 'Another' }] }),
    mentions: 'repeats the id of item 1',
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'an RFC 822 date',
    source: itemWith({ date_published: 'Tue, 28 Mar 2023 21:00:00 GMT' }),
    mentions: 'Tue, 28 Mar 2023',
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'a date without a time',
    source: itemWith({ date_modified: '2023-03-29' }),
  },
  {
    rule: 'rfc3339-dates',
    breaks: 'a 25th hour',
    source: itemWith({ date_modified: '2023-03-29T25:00:00Z' }),
  },
  { rule: 'rfc3339-dates', breaks: 'no date_published', source: itemWith({ date_published: undefined }) },
  { rule: 'content', breaks: 'no content at all', source: itemWith({ content_html: undefined }) },
  {
    rule: 'content',
    breaks: 'text content only',
    source: itemWith({ content_html: undefined, content_text: 'Cohen posted it.' }),
  },
  { rule: 'content', breaks: 'empty HTML', source: itemWith({ content_html: ' ' }) },
  {
    rule: 'content',
    breaks: 'a relative link in the HTML',
    source: itemWith({ content_html: '<a href="b/">b</a>' }),
  },
  {
    rule: 'content',
    breaks: 'a relative srcset candidate after a comma with no space',
    source: itemWith({
      content_html:
        '<img src="https://news.example.com/a.jpg" srcset="https://news.example.com/a.jpg 480w,/b.jpg 800w" alt="">',
    }),
    mentions: '"/b.jpg"',
  },
  {
    rule: 'content',
    breaks: 'a script in the HTML',
    source: itemWith({ content_html: '<p>x</p><script>x()</script>' }),
  },
  {
    rule: 'content',
    breaks: 'a <picture> in the HTML',
    source: itemWith({
      content_html:
        '<picture><source srcset="https://news.example.com/a.avif"><img src="https://news.example.com/a.jpg" alt="A"></picture>',
    }),
    mentions: '<picture>',
  },
  {
    rule: 'authors',
    breaks: 'authors that are not an array',
    source: itemWith({ authors: { name: 'JNS' } }),
  },
  { rule: 'authors', breaks: 'an author without a name, url or avatar', source: feedWith({ authors: [{}] }) },
  { rule: 'tags', breaks: 'an empty tag', source: itemWith({ tags: ['World', ''] }) },
  { rule: 'tags', breaks: 'tags as one string', source: itemWith({ tags: 'World' }) },
  { rule: 'language', breaks: 'a made-up language', source: feedWith({ language: 'zz' }) },
  { rule: 'content-type', breaks: 'served as text', source: VALID_JSON, contentType: 'text/plain' },
  {
    rule: 'content-type',
    breaks: 'a charset other than UTF-8',
    source: VALID_JSON,
    contentType: 'application/feed+json; charset=utf-16',
  },
];

describe('checkJsonFeed', () => {
  itChecksEveryRule({
    check: checkJson,
    valid: VALID_JSON,
    rules: JSON_FEED_RULES,
    broken: BROKEN_JSON,
    acceptedContentTypes: ['application/feed+json; charset=utf-8', 'application/json'],
  });

  it('accepts an empty feed and an item without the optional fields', () => {
    expect(checkJson(feedWith({ items: [] }))).toEqual([]);
    expect(
      checkJson(
        itemWith({
          title: undefined,
          summary: undefined,
          tags: undefined,
          authors: undefined,
          image: undefined,
        }),
      ),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The site's own serializer, checked by the same rules
// ---------------------------------------------------------------------------------------------

describe('the site’s JSON Feeds', () => {
  const channel = (feedUrl: string): FeedChannel => ({
    title: 'JNS Wire',
    description: 'Reports.',
    lang: 'en',
    homeUrl: 'https://news.example.com/',
    feedUrl,
    author: 'JNS Wire',
    updated: new Date('2023-03-28T21:00:00Z'),
    timeZone: 'Asia/Jerusalem',
  });
  const hostile = '</title><script>alert(1)</script>]]><![CDATA[x & y';
  const items: FeedItem[] = [
    {
      permalink: 'https://news.example.com/articles/a/',
      title: hostile,
      description: hostile,
      published: new Date('2023-03-28T21:00:00Z'),
      updated: new Date('2023-03-29T06:00:00Z'),
      categories: ['World', hostile],
      authors: [{ name: hostile }],
      contentHtml: `<p>${hostile.replace(/</g, '&lt;')} <a href="https://news.example.com/b/">b</a></p>`,
    },
    {
      permalink: 'https://news.example.com/articles/b/',
      title: 'B',
      description: 'B.',
      published: new Date('2023-03-27T21:00:00Z'),
      categories: ['Israel'],
      authors: [{ name: 'JNS' }],
      contentHtml: '<p>B</p>',
    },
  ];

  it('pass the JSON Feed rules, with hostile text and when empty', () => {
    expect(
      checkJson(renderJsonFeed(channel(JSON_URL), items), 'application/feed+json; charset=utf-8'),
    ).toEqual([]);
    expect(checkJson(renderJsonFeed(channel(JSON_URL), []))).toEqual([]);
  });
});
