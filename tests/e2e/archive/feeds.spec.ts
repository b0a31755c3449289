import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { siteConfig } from '../../../src/site.config';
import { listFiles } from '../../helpers/dist';
import { checkAtomFeed, checkJsonFeed } from '../../helpers/feed-formats';
import { checkRssFeed } from '../../helpers/feed-rules';
import { NS, parseXml } from '../../helpers/xml';
import { recordForeignRequests } from '../helpers';

// The example archive: the real article plus the fixtures in tests/fixtures/archive, built with
// NEWS_BUILD_TIME=2024-06-11T12:00:00Z and NEWS_PAGE_SIZE=3 (package.json, build:fixtures).
const DIST = fileURLToPath(new URL('../../../dist-fixtures/', import.meta.url));

/** One feed item as all three formats carry it. */
interface Item {
  id: string;
  title: string;
}

/** The items of a feed in the order it lists them, read from RSS, Atom or JSON Feed. */
function itemsOf(path: string, body: string): Item[] {
  if (path.endsWith('feed.json')) {
    return (JSON.parse(body) as { items: Item[] }).items.map(({ id, title }) => ({ id, title }));
  }
  const doc = parseXml(body);
  if (path.endsWith('atom.xml')) {
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
async function feed(request: APIRequestContext, path: string): Promise<Item[]> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const body = await response.text();
  const feedUrl = `${siteConfig.url}${path}`;
  const contentType = response.headers()['content-type'] ?? '';
  const problems = path.endsWith('feed.json')
    ? checkJsonFeed(body, { feedUrl, contentType })
    : path.endsWith('atom.xml')
      ? checkAtomFeed(body, { feedUrl, contentType })
      : checkRssFeed(body, { feedUrl, contentType });
  expect(problems, path).toEqual([]);
  return itemsOf(path, body);
}

const FORMATS = ['rss.xml', 'atom.xml', 'feed.json'] as const;
const permalink = (id: string) => `${siteConfig.url}/articles/${id}/`;

/** The articles a listing lists over all its pages (/sections/world/, /sections/world/2/, …), in order. */
function listedOn(listing: string): string[] {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const file = `${DIST}${listing}${page === 1 ? '' : `${page}/`}index.html`;
    if (!existsSync(file)) return ids;
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const link of document.querySelectorAll('main article :is(h2, h3) a[href]')) {
      ids.push(/\/articles\/([^/]+)\/$/.exec(link.getAttribute('href') ?? '')?.[1] ?? '');
    }
  }
}

test.describe('section and tag feeds', () => {
  test('a section feed holds exactly that section’s articles, newest first, in all three formats', async ({
    request,
  }) => {
    const expected = [
      { id: permalink('fixture-crossing-talks'), title: 'Fixture article: talks on a border crossing' },
      { id: permalink('fixture-syndicated-copy'), title: 'Fixture article: a syndicated copy' },
      { id: permalink('fixture-regional-talks'), title: 'Fixture article: regional talks' },
    ];
    for (const format of FORMATS) {
      expect(await feed(request, `/feeds/section/middle-east/${format}`), format).toEqual(expected);
    }
  });

  test('a tag feed holds exactly that tag’s articles, from every section, in all three formats', async ({
    request,
  }) => {
    const expected = [
      { id: permalink('fixture-budget-debate'), title: 'Fixture article: a budget debate' },
      { id: permalink('fixture-tech-exports'), title: 'Fixture article: a report on exports' },
      { id: permalink('fixture-trade-agreement'), title: 'Fixture article: a trade agreement' },
    ];
    for (const format of FORMATS) {
      expect(await feed(request, `/feeds/tag/economy/${format}`), format).toEqual(expected);
    }
  });

  test('every section and tag page has feeds that list what the page lists, and only that', async ({
    request,
  }) => {
    const listings = listFiles(DIST)
      .map((file) => /^(sections|tags)\/([^/]+)\/index\.html$/.exec(file))
      .filter((match) => match !== null)
      .map(([, kind, slug]) => ({
        listing: `${kind}/${slug}/`,
        feeds: `/feeds/${kind === 'sections' ? 'section' : 'tag'}/${slug}/`,
      }));
    expect(listings.length).toBeGreaterThanOrEqual(3 + 8); // three sections, several tags
    for (const { listing, feeds } of listings) {
      // The item limit (siteConfig.feedItemLimit) is larger than any listing here.
      const expected = listedOn(listing).map(permalink);
      for (const format of FORMATS) {
        const items = await feed(request, `${encodeURI(feeds)}${format}`);
        expect(
          items.map((item) => item.id),
          `${feeds}${format}`,
        ).toEqual(expected);
      }
    }
  });

  test('no feed carries a draft or an embargoed article', () => {
    const feeds = listFiles(DIST).filter((file) => /(rss\.xml|atom\.xml|feed\.json)$/.test(file));
    expect(feeds.length).toBeGreaterThanOrEqual(3 * (1 + 3 + 8));
    for (const file of feeds) {
      expect(readFileSync(`${DIST}${file}`, 'utf8'), file).not.toMatch(/fixture-draft|fixture-embargoed/);
    }
  });

  test('the site’s three feeds list every published article, newest first, and agree', async ({
    request,
  }) => {
    const [rss, atom, json] = await Promise.all(FORMATS.map((format) => feed(request, `/${format}`)));
    expect(rss?.map((item) => item.id)).toEqual(
      [
        'fixture-budget-debate',
        'fixture-crossing-talks',
        'fixture-syndicated-copy',
        'fixture-assembly-vote',
        'fixture-tech-exports',
        'fixture-regional-talks',
        'azerbaijan-opens-embassy-in-israel',
        'fixture-trade-agreement',
      ].map(permalink),
    );
    expect(atom).toEqual(rss);
    expect(json).toEqual(rss);
  });

  test('a section page advertises its own feeds after the site’s', async ({ page }) => {
    await page.goto('/sections/world/');
    const links = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((all) =>
        all.map((link) => [
          link.getAttribute('type'),
          link.getAttribute('title'),
          new URL(link.getAttribute('href') ?? '').pathname,
        ]),
      );
    expect(links).toEqual([
      ['application/rss+xml', `${siteConfig.title} (RSS)`, '/rss.xml'],
      ['application/atom+xml', `${siteConfig.title} (Atom)`, '/atom.xml'],
      ['application/feed+json', `${siteConfig.title} (JSON Feed)`, '/feed.json'],
      ['application/rss+xml', `${siteConfig.title} – World (RSS)`, '/feeds/section/world/rss.xml'],
      ['application/atom+xml', `${siteConfig.title} – World (Atom)`, '/feeds/section/world/atom.xml'],
      ['application/feed+json', `${siteConfig.title} – World (JSON Feed)`, '/feeds/section/world/feed.json'],
    ]);
  });

  test('section and tag pages link to their own feeds where readers see them', async ({ page }) => {
    for (const [path, scope] of [
      ['/sections/world/', '/feeds/section/world/'],
      ['/tags/economy/', '/feeds/tag/economy/'],
    ] as const) {
      await page.goto(path);
      const follow = page.locator('main p.follow');
      await expect(follow).toBeVisible();
      await expect(follow).toHaveText('Follow in your feed reader: RSS · Atom · JSON Feed');
      expect(
        await follow.getByRole('link').evaluateAll((all) => all.map((a) => a.getAttribute('href'))),
      ).toEqual([`${scope}rss.xml`, `${scope}atom.xml`, `${scope}feed.json`]);
      for (const href of ['rss.xml', 'atom.xml', 'feed.json'])
        expect((await page.request.get(`${scope}${href}`)).status()).toBe(200);
    }
    // Pages that are neither show no such line.
    await page.goto('/archive/2024/');
    await expect(page.locator('p.follow')).toHaveCount(0);
  });
});

// Browsers show an RSS or Atom document with an xml-stylesheet through public/feed.xsl when it is
// served with an XML type (astro preview sends text/xml for .xml). Chromium has deprecated XSLT;
// when it drops it, these tests fail and the feeds show as XML source instead.
test.describe('feeds in a browser', () => {
  for (const [path, heading] of [
    ['/rss.xml', siteConfig.title],
    ['/atom.xml', siteConfig.title],
    ['/feeds/section/middle-east/atom.xml', `${siteConfig.title} – Middle East`],
    ['/feeds/tag/economy/rss.xml', `${siteConfig.title} – Topic: economy`],
  ] as const) {
    test(`${path} opens as a readable page that says how to subscribe`, async ({
      page,
      request,
      baseURL,
    }) => {
      const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
      const items = itemsOf(path, await (await request.get(path)).text());
      expect(items.length).toBeGreaterThan(0);

      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.locator('body')).toContainText(
        'This is a web feed. Copy this address into your feed reader to subscribe:',
      );
      await expect(page.locator('.feed-url')).toHaveText(`${siteConfig.url}${path}`);
      // Every item, by headline, linked to its article, in the feed's order.
      const links = page.getByRole('heading', { level: 2 }).getByRole('link');
      await expect(links).toHaveText(items.map((item) => item.title));
      expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(
        items.map((item) => item.id),
      );
      // Dates and deks are shown too.
      await expect(page.locator('main li').first()).toContainText(/\d{4}/);
      await expect(page.getByRole('link', { name: 'Visit the website' })).toBeVisible();
      // Styled by the stylesheet itself; nothing loads from anywhere, no script runs.
      expect(await page.locator('script').count()).toBe(0);
      expect(foreign).toEqual([]);
    });
  }
});
