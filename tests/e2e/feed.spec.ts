import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { FEED_FORMATS, FEED_FORMAT_IDS } from '../../src/lib/feed/formats';
import { SITE_SCOPE } from '../../src/lib/feed/scopes';
import type { Section } from '../../src/lib/listings/sections';
import type { FeedPlace } from '../../src/lib/site/site-paths';
import { siteConfig } from '../../src/site.config';
import { listFiles } from '../helpers/dist';
import { headersFor, parseHeadersFile } from '../helpers/headers';
import { checkAtomFeed } from '../feed-validator/atom';
import { checkJsonFeed } from '../feed-validator/json-feed';
import { checkRssFeed } from '../feed-validator/rss';
import { ARTICLE_ID, idIn, paths, siteUrl } from '../helpers/site';
import { NS, parseXml, firstElementText } from '../helpers/xml';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ARTICLE = siteUrl(paths.article(ARTICLE_ID));

test('the feed is served as RSS, parses strictly, and carries the whole article', async ({ request }) => {
  const response = await request.get(paths.feed(SITE_SCOPE, 'rss'));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);

  const xml = await response.text();
  // The rules the W3C Feed Validator enforces, with the Content-Type the server sent.
  expect(
    checkRssFeed(xml, {
      feedUrl: siteUrl(paths.feed(SITE_SCOPE, 'rss')),
      contentType: response.headers()['content-type'] ?? '',
    }),
  ).toEqual([]);

  const items = parseXml(xml).getElementsByTagName('item');
  expect(items).toHaveLength(1);
  const item = items[0]!;
  expect(firstElementText(item, 'title')).toBe('Azerbaijan opens embassy in Israel');
  expect(firstElementText(item, 'description')).toBe(
    'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
  );
  expect(firstElementText(item, 'pubDate')).toBe('Tue, 28 Mar 2023 21:00:00 GMT'); // midnight, 29 March, Israel time
  expect([...item.getElementsByTagName('category')].map((c) => c.textContent)).toContain('World');

  const content = item.getElementsByTagNameNS(NS.content, 'encoded')[0]?.textContent ?? '';
  const { document } = parseHTML(`<html><body>${content}</body></html>`);
  expect(document.querySelectorAll('figure')).toHaveLength(3);
  expect(document.querySelector('bdi')?.textContent).toBe('אלי כהן | Eli Cohen');
  expect(document.querySelectorAll('script, style, [class]')).toHaveLength(0);
  for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  expect(document.body.textContent).toContain('Cohen is set to visit Baku next month.');

  // The item's link is an address on this site (the build's `site`); its path is served here.
  const path = new URL(firstElementText(item, 'link')!).pathname;
  expect((await request.get(path)).status()).toBe(200);
});

test('/atom.xml is served as XML, passes the Atom rules and carries the same article, whole', async ({
  request,
}) => {
  const response = await request.get(paths.feed(SITE_SCOPE, 'atom'));
  expect(response.status()).toBe(200);
  const contentType = response.headers()['content-type'] ?? '';
  expect(contentType).toMatch(/^(application\/atom\+xml|application\/xml|text\/xml)\b/);
  const xml = await response.text();
  expect(checkAtomFeed(xml, { feedUrl: siteUrl(paths.feed(SITE_SCOPE, 'atom')), contentType })).toEqual([]);

  const entries = Array.from(parseXml(xml).getElementsByTagNameNS(NS.atom, 'entry'));
  expect(entries).toHaveLength(1);
  const one = (name: string) => entries[0]!.getElementsByTagNameNS(NS.atom, name)[0];
  expect(one('id')?.textContent).toBe(ARTICLE);
  expect(one('title')?.textContent).toBe('Azerbaijan opens embassy in Israel');
  // Midnight, 29 March, Israel time: the same instant as the RSS pubDate, written in the site's zone.
  expect(one('published')?.textContent).toBe('2023-03-29T00:00:00+03:00');
  const { document } = parseHTML(`<html><body>${one('content')?.textContent ?? ''}</body></html>`);
  expect(document.querySelectorAll('figure')).toHaveLength(3);
  expect(document.body.textContent).toContain('Cohen is set to visit Baku next month.');
});

test('/feed.json is served as JSON, passes the JSON Feed rules and carries the same article, whole', async ({
  request,
}) => {
  const response = await request.get(paths.feed(SITE_SCOPE, 'json'));
  expect(response.status()).toBe(200);
  const contentType = response.headers()['content-type'] ?? '';
  expect(contentType).toMatch(/^application\/(feed\+)?json\b/);
  const json = await response.text();
  expect(checkJsonFeed(json, { feedUrl: siteUrl(paths.feed(SITE_SCOPE, 'json')), contentType })).toEqual([]);

  const feed = JSON.parse(json) as { items: { id: string; title: string; content_html: string }[] };
  expect(feed.items.map((item) => [item.id, item.title])).toEqual([
    [ARTICLE, 'Azerbaijan opens embassy in Israel'],
  ]);
  expect(feed.items[0]?.content_html).toContain('Cohen is set to visit Baku next month.');
});

test('the RSS, Atom and JSON feeds list the same items', async ({ request }) => {
  const rss = parseXml(await (await request.get(paths.feed(SITE_SCOPE, 'rss'))).text());
  const atom = parseXml(await (await request.get(paths.feed(SITE_SCOPE, 'atom'))).text());
  const json = (await (await request.get(paths.feed(SITE_SCOPE, 'json'))).json()) as {
    items: { id: string }[];
  };
  const rssIds = Array.from(rss.getElementsByTagName('guid')).map((guid) => guid.textContent);
  const atomIds = Array.from(atom.getElementsByTagNameNS(NS.atom, 'entry')).map(
    (entry) => entry.getElementsByTagNameNS(NS.atom, 'id')[0]?.textContent,
  );
  expect(atomIds).toEqual(rssIds);
  expect(json.items.map((item) => item.id)).toEqual(rssIds);
});

test('an article without a lead photograph has no picture in any feed: no Media RSS, enclosure or image', async ({
  request,
}) => {
  const rssXml = await (await request.get(paths.feed(SITE_SCOPE, 'rss'))).text();
  const rss = parseXml(rssXml);
  expect(rss.getElementsByTagName('item')).toHaveLength(1);
  expect(Array.from(rss.getElementsByTagNameNS(NS.media, '*'))).toEqual([]);
  // Nor is the namespace declared: the feed is what it was before the site had photographs.
  expect(rssXml).not.toContain(NS.media);

  const atom = parseXml(await (await request.get(paths.feed(SITE_SCOPE, 'atom'))).text());
  const entry = atom.getElementsByTagNameNS(NS.atom, 'entry')[0];
  expect(
    Array.from(entry?.getElementsByTagNameNS(NS.atom, 'link') ?? []).map((link) => link.getAttribute('rel')),
  ).toEqual(['alternate']);

  const json = (await (await request.get(paths.feed(SITE_SCOPE, 'json'))).json()) as {
    items: Record<string, unknown>[];
  };
  expect(json.items).toHaveLength(1);
  expect(json.items[0]).not.toHaveProperty('image');
  expect(json.items[0]?.content_html).not.toMatch(/<(img|picture)\b/);
});

test('every page advertises the site’s RSS, Atom and JSON feeds; section, tag, author and corrections pages their own too', () => {
  const pages = listFiles(DIST).filter((file) => /(^|\/)(index|404)\.html$/.test(file));
  expect(pages.length).toBeGreaterThan(5);
  const expected = (place: FeedPlace) =>
    FEED_FORMAT_IDS.map((format) => [
      FEED_FORMATS[format].mediaType,
      // As the page writes it: absolute, and percent-encoded (a tag slug may be Hebrew).
      siteUrl(paths.feed(place, format)),
    ]);
  for (const file of pages) {
    const { document } = parseHTML(readFileSync(`${DIST}${file}`, 'utf8'));
    const feedLinks = [...document.querySelectorAll('link[rel="alternate"][type]')].filter((link) =>
      /rss|atom|feed\+json/.test(link.getAttribute('type') ?? ''),
    );
    const advertised = feedLinks.map((link) => [link.getAttribute('type'), link.getAttribute('href')]);
    const path = `/${file.replace(/index\.html$/, '')}`;
    const slugIn = (make: (slug: string) => string) =>
      idIn(make, path) ?? idIn(make, path.replace(/\d+\/$/, ''));
    const section = slugIn((slug) => paths.section(slug as Section));
    const tag = slugIn(paths.topic);
    const author = slugIn(paths.author);
    const own: FeedPlace | undefined = section
      ? { kind: 'section', slug: section }
      : tag
        ? { kind: 'tag', slug: tag }
        : author
          ? { kind: 'author', slug: author }
          : path === paths.corrections()
            ? { kind: 'corrections' }
            : undefined;
    expect(advertised, file).toEqual([...expected(SITE_SCOPE), ...(own ? expected(own) : [])]);
    // A reader lists feeds by title, so each says whose it is and which format.
    for (const link of feedLinks) {
      const title = link.getAttribute('title') ?? '';
      expect(title.startsWith(siteConfig.title), `${file}: ${title}`).toBe(true);
      expect(title, file).toMatch(/ \((RSS|Atom|JSON Feed)\)$/);
    }
  }
});

test('the feeds a section page advertises are served and pass their rules', async ({ page, request }) => {
  await page.goto(paths.section('world'));
  const own = FEED_FORMAT_IDS.map((format) =>
    siteUrl(paths.feed({ kind: 'section', slug: 'world' }, format)),
  );
  const hrefs = (
    await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  ).filter((href) => own.includes(href));
  expect(hrefs).toEqual(own);
  for (const href of hrefs) {
    const response = await request.get(new URL(href).pathname);
    expect(response.status(), href).toBe(200);
    const body = await response.text();
    const problems = href.endsWith('rss.xml')
      ? checkRssFeed(body, { feedUrl: href })
      : href.endsWith('atom.xml')
        ? checkAtomFeed(body, { feedUrl: href })
        : checkJsonFeed(body, { feedUrl: href });
    expect(problems, href).toEqual([]);
    expect(body).toContain('azerbaijan-opens-embassy-in-israel');
  }
});

test('_headers gives every feed a media type its readers accept, in UTF-8', () => {
  // `astro preview` picks types by extension; a static host sends what _headers says.
  const rules = parseHeadersFile(readFileSync(`${DIST}_headers`, 'utf8'));
  const feeds = FEED_FORMAT_IDS.flatMap((format) => [
    paths.feed(SITE_SCOPE, format),
    paths.feed({ kind: 'section', slug: 'world' }, format),
    paths.feed({ kind: 'tag', slug: 'iran' }, format),
  ]);
  for (const path of feeds) {
    const contentType = headersFor(rules, path)['content-type'] ?? '';
    const body = readFileSync(`${DIST}${path.slice(1)}`, 'utf8');
    const feedUrl = siteUrl(path);
    // Only the content-type rule matters here; the feeds' other rules are checked above.
    const problems = (
      path.endsWith('feed.json')
        ? checkJsonFeed(body, { feedUrl, contentType })
        : path.endsWith('atom.xml')
          ? checkAtomFeed(body, { feedUrl, contentType })
          : checkRssFeed(body, { feedUrl, contentType })
    ).filter((problem) => problem.rule === 'content-type');
    expect(problems, `${path} is sent as ${JSON.stringify(contentType)}`).toEqual([]);
  }
});
