import { expect, test } from '@playwright/test';
import { FEED_FORMAT_IDS } from '../../../src/lib/feed/formats';
import { CORRECTIONS_SCOPE, SITE_SCOPE } from '../../../src/lib/feed/scopes';
import { feed } from '../../helpers/feed-fetch';
import { paths, siteUrl } from '../../helpers/site';
import { axeViolations } from '../../helpers/browser';
import { NS, parseXml } from '../../helpers/xml';

// The example archive's people (tests/fixtures/authors/) and corrected articles
// (fixture-tech-exports: a correction and a clarification; fixture-crossing-talks: a clarification).
const DANA = { slug: 'dana-cohen', name: 'Dana Cohen' };

test.describe('people', () => {
  test('a byline names each person, linked to their page, then the agency', async ({ page }) => {
    await page.goto(paths.article('fixture-harvest-festival'));
    const byline = page.locator('.byline');
    await expect(byline).toHaveText('By Dana Cohen and Yusuf Aliyev, JNS');
    await expect(byline.locator('a[rel="author"]')).toHaveText(['Dana Cohen', 'Yusuf Aliyev']);
    expect(
      await byline
        .locator('a[rel="author"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual([paths.author('dana-cohen'), paths.author('yusuf-aliyev')]);
    await expect(byline.getByRole('link', { name: 'JNS' })).toHaveAttribute('href', paths.source('jns'));
    // An agency's story keeps its one-name byline.
    await page.goto(paths.article('fixture-syndicated-copy'));
    await expect(page.locator('.byline')).toHaveText('By JNS');
  });

  test('an author’s page has name, role, bio, links and their articles newest first', async ({ page }) => {
    await page.goto(paths.author(DANA.slug));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DANA.name);
    // The name keeps its own direction (a Hebrew name on an English page).
    await expect(page.getByRole('heading', { level: 1 }).locator('bdi')).toHaveText(DANA.name);
    await expect(page.locator('.role')).toHaveText('Environment correspondent');
    await expect(page.locator('.bio')).toContainText('covers');
    const elsewhere = page.getByRole('list', { name: `${DANA.name} elsewhere` }).getByRole('link');
    await expect(elsewhere).toHaveText(['example.org/dana', 'social.example.org/@dana']);
    for (const link of await elsewhere.all()) await expect(link).toHaveAttribute('rel', 'me');
    await expect(page.locator('.article-list .headline')).toHaveText([
      'Fixture article: a vote at an assembly',
      'Fixture article: a harvest festival in the valley',
      'Fixture article: a report on exports',
      'Fixture article: a trade agreement',
    ]);
    // Paginated like every listing (`src/lib/listings/pagination.ts`): four articles fit the front page.
    await expect(page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  });

  test('an author’s page advertises their feeds, which carry their articles and name them', async ({
    page,
    request,
  }) => {
    await page.goto(paths.author(DANA.slug));
    const own = FEED_FORMAT_IDS.map((format) =>
      siteUrl(paths.feed({ kind: 'author', slug: DANA.slug }, format)),
    );
    const advertised = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(advertised.filter((href) => own.includes(href))).toEqual(own);
    for (const format of FEED_FORMAT_IDS) {
      const items = await feed(request, { kind: 'author', slug: DANA.slug }, format);
      expect(items.map((item) => item.title)).toEqual([
        'Fixture article: a vote at an assembly',
        'Fixture article: a harvest festival in the valley',
        'Fixture article: a report on exports',
        'Fixture article: a trade agreement',
      ]);
    }
    // Each format names the item's people: dc:creator, Atom author (with their page), JSON Feed authors.
    const rss = parseXml(
      await (await request.get(paths.feed({ kind: 'author', slug: DANA.slug }, 'rss'))).text(),
    );
    const harvest = Array.from(rss.getElementsByTagName('item')).find((item) =>
      item.getElementsByTagName('title')[0]?.textContent?.includes('harvest'),
    );
    expect(
      Array.from(harvest?.getElementsByTagNameNS(NS.dc, 'creator') ?? []).map((el) => el.textContent),
    ).toEqual(['Dana Cohen', 'Yusuf Aliyev']);
    const atom = parseXml(
      await (await request.get(paths.feed({ kind: 'author', slug: DANA.slug }, 'atom'))).text(),
    );
    const entry = Array.from(atom.getElementsByTagNameNS(NS.atom, 'entry')).find((e) =>
      e.getElementsByTagNameNS(NS.atom, 'title')[0]?.textContent?.includes('harvest'),
    );
    const people = Array.from(entry?.getElementsByTagNameNS(NS.atom, 'author') ?? []).map((author) => [
      author.getElementsByTagNameNS(NS.atom, 'name')[0]?.textContent,
      author.getElementsByTagNameNS(NS.atom, 'uri')[0]?.textContent,
    ]);
    expect(people).toEqual([
      ['Dana Cohen', siteUrl(paths.author('dana-cohen'))],
      ['Yusuf Aliyev', siteUrl(paths.author('yusuf-aliyev'))],
    ]);
    const json = (await (
      await request.get(paths.feed({ kind: 'author', slug: DANA.slug }, 'json'))
    ).json()) as {
      items: { title: string; authors: { name: string; url?: string }[] }[];
    };
    expect(json.items.find((item) => item.title.includes('harvest'))?.authors).toEqual([
      { name: 'Dana Cohen', url: siteUrl(paths.author('dana-cohen')) },
      { name: 'Yusuf Aliyev', url: siteUrl(paths.author('yusuf-aliyev')) },
    ]);
  });

  test('/authors/ lists everyone, with their role and how many articles', async ({ page }) => {
    await page.goto(paths.authors());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authors');
    await expect(page.locator('main li')).toHaveText([
      /^Dana Cohen\s*Environment correspondent · 4 articles$/,
      /^Noa Peretz\s*Data editor · 0 articles$/,
      /^Yusuf Aliyev\s*Regional correspondent · 2 articles$/,
    ]);
    // Each name keeps its own direction (a Hebrew name beside the Latin role and count).
    await expect(page.locator('main li a bdi')).toHaveText(['Dana Cohen', 'Noa Peretz', 'Yusuf Aliyev']);
    await page.getByRole('link', { name: 'Noa Peretz' }).click();
    await expect(page.getByText('No articles here yet.')).toBeVisible();
  });
});

test.describe('corrections', () => {
  test('a correction is near the top, a clarification at the end with a pointer to it', async ({ page }) => {
    await page.goto(paths.article('fixture-tech-exports'));
    const top = page.getByRole('complementary', { name: 'Corrections' });
    await expect(top).toHaveText(
      "Correction, November 5, 2023: An earlier version gave the exports' growth as 12 per cent; it was 21 per cent.",
    );
    await expect(top.locator('time')).toHaveAttribute('datetime', '2023-11-05');
    const pointer = page.getByRole('link', { name: 'see the note at the end' });
    await expect(pointer).toHaveAttribute('href', '#clarifications');
    const end = page.getByRole('complementary', { name: 'Clarifications' });
    await expect(end).toHaveText(
      'Clarification, November 6, 2023: This article now says that the figures cover software and hardware together.',
    );
    // The top notice comes before the text, the clarification after it.
    const order = await page.evaluate(() =>
      ['#corrections', '.article-body', '#clarifications'].map(
        (selector) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1,
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  test('the page’s “Updated” date is its last change, as its structured data says', async ({ page }) => {
    // fixture-crossing-talks has no `updated`, only a clarification of 10 June; fixture-tech-exports
    // was updated on 6 November and clarified later that day, at 10:30.
    for (const [id, text, datetime, modified] of [
      ['fixture-crossing-talks', 'Updated June 10, 2024', '2024-06-10', '2024-06-10T00:00:00+03:00'],
      [
        'fixture-tech-exports',
        'Updated November 6, 2023',
        '2023-11-06T10:30:00+02:00',
        '2023-11-06T10:30:00+02:00',
      ],
    ] as const) {
      await page.goto(paths.article(id));
      const data = JSON.parse(
        (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
      );
      expect(data.dateModified).toBe(modified);
      await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute(
        'content',
        modified,
      );
      const updated = page.locator('.meta .updated');
      await expect(updated).toHaveText(text);
      // The notice's date as written: a day, or the instant with its offset.
      await expect(updated.locator('time')).toHaveAttribute('datetime', datetime);
    }
  });

  test('/corrections/ lists every notice newest first, each linking to it on its article', async ({
    page,
  }) => {
    await page.goto(paths.corrections());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Corrections and clarifications');
    const links = page.locator('main li .headline a');
    await expect(links).toHaveText([
      'Fixture article: talks on a border crossing',
      'Fixture article: a report on exports',
      'Fixture article: a report on exports',
    ]);
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual([
      `${paths.article('fixture-crossing-talks')}#notice-1`,
      `${paths.article('fixture-tech-exports')}#notice-2`,
      `${paths.article('fixture-tech-exports')}#notice-1`,
    ]);
    await links.nth(1).click();
    await expect(page.locator('#notice-2')).toContainText('Clarification, November 6, 2023');
  });

  test('/corrections/ shows its feeds to follow, as an author’s page does', async ({ page }) => {
    const follow = async () => {
      const line = page.getByText('Follow in your feed reader:');
      await expect(line).toBeVisible();
      return line.getByRole('link');
    };
    await page.goto(paths.corrections());
    const links = await follow();
    await expect(links).toHaveText(['RSS', 'Atom', 'JSON Feed']);
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(
      FEED_FORMAT_IDS.map((format) => paths.feed(CORRECTIONS_SCOPE, format)),
    );
    // The same line as on an author's page.
    await page.goto(paths.author(DANA.slug));
    await expect(await follow()).toHaveText(['RSS', 'Atom', 'JSON Feed']);
  });

  test('the corrections feed carries one item per notice, newest first, in all three formats', async ({
    request,
  }) => {
    for (const format of FEED_FORMAT_IDS) {
      const items = await feed(request, CORRECTIONS_SCOPE, format);
      expect(items.map((item) => [item.title, item.id])).toEqual([
        [
          'Clarification: Fixture article: talks on a border crossing',
          siteUrl(`${paths.article('fixture-crossing-talks')}#notice-1`),
        ],
        [
          'Clarification: Fixture article: a report on exports',
          siteUrl(`${paths.article('fixture-tech-exports')}#notice-2`),
        ],
        [
          'Correction: Fixture article: a report on exports',
          siteUrl(`${paths.article('fixture-tech-exports')}#notice-1`),
        ],
      ]);
    }
  });

  test('a corrected article’s feed items show the change: its date and its notices', async ({ request }) => {
    const id = siteUrl(paths.article('fixture-tech-exports'));
    const atom = parseXml(await (await request.get(paths.feed(SITE_SCOPE, 'atom'))).text());
    const entry = Array.from(atom.getElementsByTagNameNS(NS.atom, 'entry')).find(
      (e) => e.getElementsByTagNameNS(NS.atom, 'id')[0]?.textContent === id,
    );
    expect(entry?.getElementsByTagNameNS(NS.atom, 'published')[0]?.textContent).toBe(
      '2023-11-02T00:00:00+02:00',
    );
    expect(entry?.getElementsByTagNameNS(NS.atom, 'updated')[0]?.textContent).toBe(
      '2023-11-06T10:30:00+02:00',
    );
    expect(entry?.getElementsByTagNameNS(NS.atom, 'content')[0]?.textContent).toMatch(
      /Correction, <time datetime="2023-11-05">November 5, 2023<\/time>:.*Clarification, /s,
    );
    const json = (await (await request.get(paths.feed(SITE_SCOPE, 'json'))).json()) as {
      items: { id: string; date_modified: string }[];
    };
    expect(json.items.find((item) => item.id === id)?.date_modified).toBe('2023-11-06T10:30:00+02:00');
  });
});

test.describe('accessibility of the people and corrections pages', () => {
  for (const path of [
    paths.authors(),
    paths.author(DANA.slug),
    paths.corrections(),
    paths.article('fixture-tech-exports'),
  ]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violation on ${path} (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }
});
