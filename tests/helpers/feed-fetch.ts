import { expect, type APIRequestContext } from '@playwright/test';
import type { FeedFormat } from '../../src/lib/feed/formats';
import type { FeedPlace } from '../../src/lib/site/site-paths';
import { checkAtomFeed } from '../feed-validator/atom';
import { checkJsonFeed } from '../feed-validator/json-feed';
import { checkRssFeed } from '../feed-validator/rss';
import { paths, siteUrl } from './site';
import { NS, parseXml } from './xml';

/** One feed item as all three formats carry it. */
export interface Item {
  id: string;
  title: string;
}

/** The items of a feed in the order it lists them, read from RSS, Atom or JSON Feed. */
export function itemsOf(format: FeedFormat, body: string): Item[] {
  if (format === 'json') {
    return (JSON.parse(body) as { items: Item[] }).items.map(({ id, title }) => ({ id, title }));
  }
  const doc = parseXml(body);
  if (format === 'atom') {
    return Array.from(doc.getElementsByTagNameNS(NS.atom, 'entry')).map((entry) => ({
      id: entry.getElementsByTagNameNS(NS.atom, 'id')[0]?.textContent ?? '',
      title: entry.getElementsByTagNameNS(NS.atom, 'title')[0]?.textContent ?? '',
    }));
  }
  return Array.from(doc.getElementsByTagName('item')).map((item) => ({
    id: item.getElementsByTagName('guid')[0]?.textContent ?? '',
    title: item.getElementsByTagName('title')[0]?.textContent ?? '',
  }));
}

/** Fetches a feed, checks it against its format's rules and returns its items. */
export async function feed(
  request: APIRequestContext,
  place: FeedPlace,
  format: FeedFormat,
): Promise<Item[]> {
  const path = encodeURI(paths.feed(place, format));
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const body = await response.text();
  const feedUrl = siteUrl(path);
  const contentType = response.headers()['content-type'] ?? '';
  const check = { json: checkJsonFeed, atom: checkAtomFeed, rss: checkRssFeed }[format];
  expect(check(body, { feedUrl, contentType }), path).toEqual([]);
  return itemsOf(format, body);
}
