import { expect, test, type Page } from '@playwright/test';
import { FEED_FORMAT_IDS } from '../../../src/lib/feed/formats';
import { feed } from '../../helpers/feed-fetch';
import { paths, siteUrl } from '../../helpers/site';
import { axeViolations, watchProblems } from '../../helpers/browser';

/**
 * Live pages of the example archive, built at NEWS_BUILD_TIME=2024-06-11T12:00:00Z:
 * `fixture-live-election` (coverage live; its 16:30+03:00 update is after the clock, so held
 * back) and `fixture-live-summit` (coverage ended).
 */
const LIVE = { kind: 'live', slug: 'fixture-live-election' } as const;
const ENDED = { kind: 'live', slug: 'fixture-live-summit' } as const;
const LIVE_PAGE = paths.article(LIVE.slug);
const ENDED_PAGE = paths.article(ENDED.slug);

/** The live page's published updates, newest first: anchor and title. */
const SHOWN = [
  { anchor: 'update-20240611T110500Z', title: 'Polls close in the northern districts' },
  { anchor: 'update-20240611T083000Z', title: 'Turnout passes a third by noon' },
  { anchor: 'update-20240611T061500Z', title: 'Polling stations open' },
];
/** The update held back by the pinned clock (16:30+03:00 is after 12:00Z). */
const HELD = { anchor: 'update-20240611T133000Z', title: 'Held back: counting begins', word: 'marmalade' };

/** Opens a page collecting every CSP violation, console error and page error. */
async function openWatched(page: Page, path: string): Promise<string[]> {
  const problems = await watchProblems(page);
  await page.goto(path, { waitUntil: 'networkidle' });
  return problems;
}

/** The page's JSON-LD objects. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test.describe('a live page', () => {
  test('shows Live, the summary, key events, then the updates newest first with stable anchors', async ({
    page,
  }) => {
    await page.goto(LIVE_PAGE);
    const article = page.locator('main article.article');
    await expect(article.locator('.live-label')).toHaveText('Live');
    const updates = page.locator('article.update');
    await expect(updates).toHaveCount(SHOWN.length);
    expect(await updates.evaluateAll((nodes) => nodes.map((n) => n.id))).toEqual(SHOWN.map((u) => u.anchor));
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(SHOWN.map((u) => u.title));
    // Times in the sans, as the clock in the site's zone, with the full instant in datetime.
    await expect(updates.first().locator('time')).toHaveText('14:05');
    await expect(updates.first().locator('time')).toHaveAttribute('datetime', '2024-06-11T14:05:00+03:00');
    // The summary comes first, then key events, then the updates.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('.article-body > p, .key-events, #updates, article.update')].map(
        (n) => n.className || n.id || n.localName,
      ),
    );
    expect(order.slice(0, 3)).toEqual(['p', 'key-events', 'updates-heading']);
    // Key events: the key updates shown, newest first, each a link to its anchor.
    const keys = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
    await expect(keys).toHaveText([/Polls close in the northern districts/, /Polling stations open/]);
    expect(await keys.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      `#${SHOWN[0]?.anchor}`,
      `#${SHOWN[2]?.anchor}`,
    ]);
    await keys.last().click();
    await expect(page).toHaveURL(new RegExp(`#${SHOWN[2]?.anchor}$`));
    await expect(page.locator(`#${SHOWN[2]?.anchor}`)).toBeInViewport();
  });

  test('holds back the update whose time is after the build, on the page and in its JSON-LD', async ({
    page,
  }) => {
    await page.goto(LIVE_PAGE);
    const html = await page.content();
    expect(html).not.toContain(HELD.anchor);
    expect(html).not.toContain(HELD.title);
    expect(html).not.toContain(HELD.word);
  });

  test('is a LiveBlogPosting with one BlogPosting per published update and no end yet', async ({ page }) => {
    await page.goto(LIVE_PAGE);
    const [ld] = await jsonLd(page);
    const url = siteUrl(LIVE_PAGE);
    expect(ld).toMatchObject({
      '@type': 'LiveBlogPosting',
      coverageStartTime: '2024-06-11T08:00:00+03:00',
      dateModified: '2024-06-11T14:05:00+03:00',
      liveBlogUpdate: SHOWN.map((u) => ({
        '@type': 'BlogPosting',
        headline: u.title,
        url: `${url}#${u.anchor}`,
      })),
    });
    expect(ld).not.toHaveProperty('coverageEndTime');
    expect(JSON.stringify(ld)).not.toContain(HELD.title);
    // The held-back update's 28 words are not counted either (109 with them): the word count and
    // the reading time must not tell how long text under embargo is.
    expect(ld?.['wordCount']).toBe(81);
  });

  test('has its own three feeds, one item per published update, newest first', async ({ request }) => {
    const expected = SHOWN.map((u) => ({ id: `${siteUrl(LIVE_PAGE)}#${u.anchor}`, title: u.title }));
    for (const format of FEED_FORMAT_IDS) {
      expect(await feed(request, LIVE, format), format).toEqual(expected);
      const body = await (await request.get(paths.feed(LIVE, format))).text();
      expect(body, format).not.toContain(HELD.word);
    }
    const json = (await (await request.get(paths.feed(LIVE, 'json'))).json()) as {
      items: { date_published: string; content_html: string }[];
    };
    expect(json.items.map((i) => i.date_published)).toEqual([
      '2024-06-11T14:05:00+03:00',
      '2024-06-11T11:30:00+03:00',
      '2024-06-11T09:15:00+03:00',
    ]);
    expect(json.items[0]?.content_html).toContain('closed their doors on time');
  });

  test('is one article in the site’s feed, updated at its latest update shown', async ({ request }) => {
    const site = (await (await request.get(paths.feed({ kind: 'site' }, 'json'))).json()) as {
      items: { id: string; date_modified: string; content_html: string }[];
    };
    const item = site.items.find((i) => i.id === siteUrl(LIVE_PAGE));
    expect(item?.date_modified).toBe('2024-06-11T14:05:00+03:00');
    expect(site.items.filter((i) => i.id.startsWith(siteUrl(LIVE_PAGE)))).toHaveLength(1);
    expect(JSON.stringify(site)).not.toContain(HELD.word);
  });

  test('is in the search index with its summary and updates, without the held-back one', async ({ page }) => {
    await page.goto(paths.search());
    const found = await page.evaluate(
      async ({ api, words }) => {
        const pagefind = (await import(api)) as {
          search(term: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
        };
        const urls: Record<string, string[]> = {};
        for (const word of words) {
          const { results } = await pagefind.search(word);
          urls[word] = await Promise.all(results.map(async (r) => (await r.data()).url));
        }
        return urls;
      },
      { api: paths.pagefind('pagefind.js'), words: ['unfolding', 'queues', HELD.word] },
    );
    expect(found['unfolding']).toContain(LIVE_PAGE);
    expect(found['queues']).toContain(LIVE_PAGE);
    expect(found[HELD.word]).toEqual([]);
  });

  test('has no axe violations and no CSP violations, and loads the new-updates script', async ({ page }) => {
    const problems = await openWatched(page, LIVE_PAGE);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await expect(page.locator('script[src*="/_astro/"]')).toHaveCount(1);
  });

  test('offers "2 new updates" when the feed has two newer, and the button takes focus to the updates', async ({
    page,
  }) => {
    const feedPath = paths.feed(LIVE, 'json');
    const served = (await (await page.request.get(feedPath)).json()) as { items: Record<string, unknown>[] };
    const newer = [
      { ...served.items[0], id: 'x-1', title: 'Newer one', date_published: '2024-06-11T15:30:00+03:00' },
      { ...served.items[0], id: 'x-2', title: 'Newer two', date_published: '2024-06-11T15:00:00+03:00' },
    ];
    await page.clock.install();
    await page.route(`**${feedPath}`, (route) =>
      route.fulfill({ json: { ...served, items: [...newer, ...served.items] } }),
    );
    await page.goto(LIVE_PAGE);
    const region = page.locator('.new-updates');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await expect(region.getByRole('button')).toHaveCount(0);
    const before = await page.locator('article.update').first().boundingBox();
    // One check's interval, without waiting for it.
    await page.clock.runFor(60_000);
    const button = region.getByRole('button', { name: '2 new updates' });
    await expect(button).toBeVisible();
    // Nothing was inserted, and nothing below the button moved.
    await expect(page.locator('article.update')).toHaveCount(SHOWN.length);
    expect(await page.locator('article.update').first().boundingBox()).toEqual(before);
    await page.unroute(`**${feedPath}`);
    await button.click();
    await page.waitForLoadState('load');
    await expect(page.locator('#updates')).toBeFocused();
  });

  test('checks again at once when the tab becomes visible', async ({ page }) => {
    const feedPath = paths.feed(LIVE, 'json');
    let fetched = 0;
    await page.route(`**${feedPath}`, async (route) => {
      fetched++;
      await route.continue();
    });
    await page.goto(LIVE_PAGE);
    expect(fetched).toBe(0);
    const response = page.waitForResponse(`**${feedPath}`);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await response;
    expect(fetched).toBe(1);
    // The feed holds nothing newer than the page: no button.
    await expect(page.locator('.new-updates button')).toHaveCount(0);
  });
});

test.describe('an ended live page', () => {
  test('says when the coverage ended, keeps its updates, and has no script', async ({ page }) => {
    const problems = await openWatched(page, ENDED_PAGE);
    await expect(page.locator('.live-label')).toHaveCount(0);
    await expect(page.locator('.live-status')).toHaveText('Coverage ended May 3, 2024, 18:00');
    await expect(page.locator('.live-status time')).toHaveAttribute('datetime', '2024-05-03T18:00:00+03:00');
    // An update on another day than publication shows its date.
    await expect(page.locator('article.update').first().locator('.update-time')).toHaveText('May 3, 17:45');
    await expect(page.locator('article.update').nth(1).locator('.update-time')).toHaveText('15:20');
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    await expect(page.locator('.new-updates')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('is a LiveBlogPosting with its end', async ({ page }) => {
    await page.goto(ENDED_PAGE);
    const [ld] = await jsonLd(page);
    expect(ld).toMatchObject({
      '@type': 'LiveBlogPosting',
      coverageStartTime: '2024-05-02T09:00:00+03:00',
      coverageEndTime: '2024-05-03T18:00:00+03:00',
      dateModified: '2024-05-03T17:45:00+03:00',
    });
    expect((ld?.['liveBlogUpdate'] as unknown[]).length).toBe(3);
  });

  test('has its three feeds', async ({ request }) => {
    for (const format of FEED_FORMAT_IDS) {
      expect(
        (await feed(request, ENDED, format)).map((i) => i.title),
        format,
      ).toEqual([
        'The summit closes with a joint statement',
        'Talks run into the afternoon',
        'Delegations arrive',
      ]);
    }
  });
});

test('an ordinary article has no script', async ({ page }) => {
  await page.goto(paths.article('fixture-assembly-vote'));
  await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
});
