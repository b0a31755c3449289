import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { siteConfig } from '../../src/site.config';
import { checkRssFeed } from '../helpers/feed-rules';
import { NS, parseXml, textOf } from '../helpers/xml';

test('the feed is served as RSS, parses strictly, and carries the whole article', async ({ request }) => {
  const response = await request.get('/rss.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);

  const xml = await response.text();
  // The rules the W3C Feed Validator enforces, with the Content-Type the server sent.
  expect(
    checkRssFeed(xml, {
      feedUrl: `${siteConfig.url}/rss.xml`,
      contentType: response.headers()['content-type'] ?? '',
    }),
  ).toEqual([]);

  const items = parseXml(xml).getElementsByTagName('item');
  expect(items).toHaveLength(1);
  const item = items[0]!;
  expect(textOf(item, 'title')).toBe('Azerbaijan opens embassy in Israel');
  expect(textOf(item, 'description')).toBe(
    'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
  );
  expect(textOf(item, 'pubDate')).toBe('Tue, 28 Mar 2023 21:00:00 GMT'); // midnight, 29 March, Israel time
  expect([...item.getElementsByTagName('category')].map((c) => c.textContent)).toContain('World');

  const content = item.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent ?? '';
  const { document } = parseHTML(`<html><body>${content}</body></html>`);
  expect(document.querySelectorAll('figure')).toHaveLength(3);
  expect(document.querySelector('bdi')?.textContent).toBe('אלי כהן | Eli Cohen');
  expect(document.querySelectorAll('script, style, [class]')).toHaveLength(0);
  for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  expect(document.body.textContent).toContain('Cohen is set to visit Baku next month.');

  // The item's link is an address on this site (the build's `site`); its path is served here.
  const path = new URL(textOf(item, 'link')!).pathname;
  expect((await request.get(path)).status()).toBe(200);
});
