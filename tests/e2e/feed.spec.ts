import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';

test('the feed is served as RSS, parses, and carries the whole article', async ({ request }) => {
  const response = await request.get('/rss.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);

  const { rss } = new XMLParser({
    ignoreAttributes: false,
    isArray: (n) => ['item', 'category'].includes(n),
  }).parse(xml);
  const [item] = rss.channel.item;
  expect(item.title).toBe('Azerbaijan opens embassy in Israel');
  expect(item.description).toBe(
    'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
  );
  expect(item.pubDate).toBe('Tue, 28 Mar 2023 21:00:00 GMT'); // midnight, 29 March, Israel time
  expect(item.category).toContain('World');

  const { document } = parseHTML(`<html><body>${item['content:encoded']}</body></html>`);
  expect(document.querySelectorAll('figure')).toHaveLength(3);
  expect(document.querySelector('bdi')?.textContent).toBe('אלי כהן | Eli Cohen');
  expect(document.querySelectorAll('script, style, [class]')).toHaveLength(0);
  for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  expect(document.body.textContent).toContain('Cohen is set to visit Baku next month.');

  // The item's link is an address on this site (the build's `site`); its path is served here.
  const path = new URL(item.link).pathname;
  expect((await request.get(path)).status()).toBe(200);
});
