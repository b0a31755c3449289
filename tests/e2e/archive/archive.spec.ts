import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { findBrokenLinks, listFiles } from '../../helpers/dist';
import { ARTICLE_ID, paths, siteUrl } from '../../helpers/site';
import { axeViolations } from '../../helpers/browser';
import { parseXml } from '../../helpers/xml';

// The example archive is built with NEWS_PAGE_SIZE=3 and NEWS_BUILD_TIME=2024-06-11T12:00:00Z
// (package.json, build:fixtures), so pagination and time-based behaviour show up.
const DIST = fileURLToPath(new URL('../../../dist-fixtures/', import.meta.url));
/** The sitemap files the build wrote (scripts/sitemaps.mjs), as the sitemap index lists them. */
async function sitemapFiles(request: APIRequestContext): Promise<string[]> {
  const index = parseXml(await (await request.get(paths.sitemapIndex())).text());
  const files = [...index.getElementsByTagName('loc')].map((loc) => new URL(loc.textContent ?? '').pathname);
  expect(files.length, 'sitemaps in the index').toBeGreaterThan(0);
  return files;
}
const headlinesOn = (page: Page) =>
  page
    .locator('main article :is(h2, h3)')
    .allTextContents()
    .then((all) => all.map((h) => h.trim()));

test.describe('listings', () => {
  test('the home page leads with the newest article, then the latest, and links to the archive', async ({
    page,
  }) => {
    await page.goto(paths.home());
    // The live page, opened on 11 June at 08:00, is the newest: it leads like any article.
    await expect(page.locator('.lead h2')).toHaveText('Fixture live page: polling day in the north');
    expect(await headlinesOn(page)).toEqual([
      'Fixture live page: polling day in the north',
      'Fixture article: a budget debate',
      'Fixture article: talks on a border crossing',
    ]);
    await page.getByRole('link', { name: 'All reports, by date' }).click();
    await expect(page).toHaveURL(paths.archive());
  });

  test('drafts and embargoed articles have no page and are listed nowhere', async ({ request }) => {
    expect((await request.get(paths.article('fixture-draft'))).status()).toBe(404);
    expect((await request.get(paths.article('fixture-embargoed'))).status()).toBe(404);
    const everything = (await request.get(paths.source('jns'))).ok()
      ? (await sitemapFiles(request))
          .map((file) => readFileSync(`${DIST}${file.slice(1)}`, 'utf8'))
          .join('\n')
      : '';
    expect(everything).not.toMatch(/fixture-draft|fixture-embargoed/);
  });

  test('a tag page lists that tag’s articles, newest first, and links back', async ({ page }) => {
    await page.goto(paths.topic('diplomacy'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topic: diplomacy');
    // Six articles, the ended live page among them, three a page: the front page holds the newest
    // three, page 1 the oldest three.
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: talks on a border crossing',
      'Fixture article: a syndicated copy',
      'Fixture article: a vote at an assembly',
    ]);
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await pages.getByRole('link', { name: 'Older', exact: true }).click();
    await expect(page).toHaveURL(paths.listingPage(paths.topic('diplomacy'), 1));
    expect(await headlinesOn(page)).toEqual([
      'Fixture live page: a two-day summit, now over',
      'Fixture article: regional talks',
      'Azerbaijan opens embassy in Israel',
    ]);
    await expect(pages.getByRole('link', { name: 'Older', exact: true })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Topics' }).click();
    await expect(page.getByRole('link', { name: 'diplomacy' })).toBeVisible();
  });

  test('a section page lists only that section', async ({ page }) => {
    await page.goto(paths.section('middle-east'));
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: talks on a border crossing',
      'Fixture article: a syndicated copy',
      'Fixture article: regional talks',
    ]);
    await expect(page.getByRole('link', { name: 'Middle East' }).first()).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('a long listing keeps its newest on its own page and numbers full pages from the oldest', async ({
    page,
  }) => {
    // Twelve JNS reports (the two live pages among them), three a page: the front page holds the
    // newest three, page 3 the next three, and so on down to page 1, the oldest three. Publishing a
    // story changes the front page only.
    const jns = paths.source('jns');
    await page.goto(jns);
    await expect(page).toHaveTitle(/^By JNS – /);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('By JNS');
    expect(await headlinesOn(page)).toEqual([
      'Fixture live page: polling day in the north',
      'Fixture article: a budget debate',
      'Fixture article: talks on a border crossing',
    ]);
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(pages).toContainText('Latest');
    await expect(pages.getByRole('link', { name: 'Newer', exact: true })).toHaveCount(0);

    await pages.getByRole('link', { name: 'Older', exact: true }).click();
    await expect(page).toHaveURL(paths.listingPage(jns, 3));
    await expect(page).toHaveTitle(/^By JNS \(page 3\) – /);
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: a syndicated copy',
      'Fixture article: a vote at an assembly',
      'Fixture live page: a two-day summit, now over',
    ]);
    // A numbered page never gives the number of pages: that would change it with each new page.
    await expect(pages).toHaveText(/Newer\s*Page 3\s*Older/);
    await expect(pages.getByRole('link', { name: 'Newer', exact: true })).toHaveAttribute('href', jns);

    await pages.getByRole('link', { name: 'Older', exact: true }).click();
    await expect(page).toHaveURL(paths.listingPage(jns, 2));
    await expect(page).toHaveTitle(/^By JNS \(page 2\) – /);
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: a harvest festival in the valley',
      'Fixture article: a quoted post with its photo',
      'Fixture article: a report on exports',
    ]);
    await expect(pages).toHaveText(/Newer\s*Page 2\s*Older/);
    await expect(pages.getByRole('link', { name: 'Newer', exact: true })).toHaveAttribute(
      'href',
      paths.listingPage(jns, 3),
    );

    await pages.getByRole('link', { name: 'Older', exact: true }).click();
    await expect(page).toHaveURL(paths.listingPage(jns, 1));
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: regional talks',
      'Azerbaijan opens embassy in Israel',
      'Fixture article: a trade agreement',
    ]);
    await expect(pages.getByRole('link', { name: 'Older', exact: true })).toHaveCount(0);
    await pages.getByRole('link', { name: 'Newer', exact: true }).click();
    await expect(page).toHaveURL(paths.listingPage(jns, 2));
  });

  test('the date archive goes from years to months to articles, in the site’s time zone', async ({
    page,
  }) => {
    await page.goto(paths.archive());
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['2024 (8)', '2023 (3)', '2022 (1)']);
    await page.getByRole('link', { name: 'March 2023' }).click();
    await expect(page).toHaveURL(paths.archiveMonth('2023', '03'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('March 2023');
    expect(await headlinesOn(page)).toEqual(['Azerbaijan opens embassy in Israel']);
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: '2023' }).click();
    await expect(page).toHaveURL(paths.archiveYear('2023'));
  });
});

test.describe('an article in the archive', () => {
  test('links to older and newer articles and to more in its section', async ({ page }) => {
    await page.goto(paths.article('fixture-syndicated-copy'));
    const prevNext = page.getByRole('navigation', { name: 'Older and newer articles' });
    await expect(prevNext.getByRole('link', { name: /Older/ })).toHaveAttribute(
      'href',
      paths.article('fixture-assembly-vote'),
    );
    await expect(prevNext.getByRole('link', { name: /Newer/ })).toHaveAttribute(
      'href',
      paths.article('fixture-crossing-talks'),
    );
    const more = page.getByRole('region', { name: 'More in Middle East' });
    await expect(more.getByRole('link')).toHaveText([
      'Fixture article: talks on a border crossing',
      'Fixture article: regional talks',
    ]);
  });

  test('shows its reading time, its topics and its source', async ({ page }) => {
    await page.goto(paths.article('fixture-budget-debate'));
    await expect(page.locator('.reading')).toHaveText('1 min read');
    await expect(page.getByRole('link', { name: 'Knesset' })).toHaveAttribute('href', paths.topic('knesset'));
    await expect(page.getByRole('link', { name: 'JNS', exact: true })).toHaveAttribute(
      'href',
      paths.source('jns'),
    );
  });

  test('a syndicated copy names its original as canonical, in the page and in its structured data', async ({
    page,
  }) => {
    await page.goto(paths.article('fixture-syndicated-copy'));
    const original = 'https://www.jns.org/example-original-article/';
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', original);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', original);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(data.isBasedOn).toBe(original);
  });
});

test.describe('being found and shared', () => {
  test('each article has NewsArticle structured data with the fields Google recommends', async ({ page }) => {
    await page.goto(paths.article('fixture-crossing-talks'));
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Fixture article: talks on a border crossing',
      datePublished: '2024-06-09T14:30:00+03:00',
      // Its clarification of 10 June is its last change.
      dateModified: '2024-06-10T00:00:00+03:00',
      author: [{ '@type': 'Person', name: 'Yusuf Aliyev', url: siteUrl(paths.author('yusuf-aliyev')) }],
      correction: [
        {
          '@type': 'CorrectionComment',
          datePublished: '2024-06-10T00:00:00+03:00',
          text: 'This article now makes clear that the talks were held at the crossing itself.',
        },
      ],
      publisher: { '@type': 'Organization', name: 'JNS Wire', logo: { '@type': 'ImageObject' } },
      mainEntityOfPage: { '@id': siteUrl(paths.article('fixture-crossing-talks')) },
      articleSection: 'Middle East',
      keywords: ['diplomacy', 'humanitarian aid'],
      inLanguage: 'en',
    });
    expect(data.image).toEqual([siteUrl(paths.card('fixture-crossing-talks', 'png'))]);
    expect(data.headline.length).toBeLessThanOrEqual(110); // Google truncates longer headlines
  });

  test('names people as Persons with their links, and an agency’s story its organisation', async ({
    page,
  }) => {
    const jsonLd = async () =>
      JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as {
        author: unknown;
      };
    await page.goto(paths.article('fixture-harvest-festival'));
    expect((await jsonLd()).author).toEqual([
      {
        '@type': 'Person',
        name: 'Dana Cohen',
        url: siteUrl(paths.author('dana-cohen')),
        sameAs: ['https://example.org/dana', 'https://social.example.org/@dana'],
      },
      { '@type': 'Person', name: 'Yusuf Aliyev', url: siteUrl(paths.author('yusuf-aliyev')) },
    ]);
    await page.goto(paths.article('fixture-syndicated-copy'));
    expect((await jsonLd()).author).toEqual([
      { '@type': 'Organization', name: 'JNS', url: siteUrl(paths.source('jns')) },
    ]);
  });

  test('each article has Open Graph article tags, Twitter card tags, a description and a canonical link', async ({
    page,
  }) => {
    await page.goto(paths.article('fixture-crossing-talks'));
    const meta = (selector: string) => page.locator(selector).getAttribute('content');
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[property="article:published_time"]')).toBe('2024-06-09T14:30:00+03:00');
    expect(await meta('meta[property="article:section"]')).toBe('Middle East');
    expect(
      await page
        .locator('meta[property="article:tag"]')
        .evaluateAll((m) => m.map((e) => e.getAttribute('content'))),
    ).toEqual(['diplomacy', 'humanitarian aid']);
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[name="description"]')).toBe(
      'A made-up story with a time of day and a pull-quote, filed under Middle East.',
    );
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      siteUrl(paths.article('fixture-crossing-talks')),
    );
  });

  test('robots.txt names the sitemaps; the sitemap lists every published page; the news sitemap only the last two days', async ({
    request,
  }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain(`Sitemap: ${siteUrl(paths.sitemapIndex())}`);
    expect(robots).toContain(`Sitemap: ${siteUrl(paths.newsSitemap())}`);

    const locs: (string | null)[] = [];
    for (const file of await sitemapFiles(request)) {
      const sitemap = parseXml(await (await request.get(file)).text());
      locs.push(...[...sitemap.getElementsByTagName('loc')].map((l) => l.textContent));
    }
    // Every page the build made, once, and nothing else (the 404 page is not a page to index).
    const pages = listFiles(DIST)
      .filter((file) => file.endsWith('index.html') && !/^(pagefind|_astro)\//.test(file))
      .map((file) => siteUrl(`/${file.replace(/index\.html$/, '')}`));
    expect([...locs].sort()).toEqual(pages.sort());
    expect(locs).toContain(siteUrl(paths.article(ARTICLE_ID)));
    expect(locs).toContain(siteUrl(paths.article('fixture-live-election')));
    expect(locs).toContain(siteUrl(paths.article('fixture-live-summit')));
    expect(locs).toContain(siteUrl(paths.listingPage(paths.source('jns'), 1)));
    expect(locs.some((l) => l?.includes('404'))).toBe(false);

    const news = parseXml(await (await request.get(paths.newsSitemap())).text());
    const titles = [...news.getElementsByTagName('news:title')].map((t) => t.textContent);
    // Built at 2024-06-11T12:00Z: only the live page opened on 11 June and the 10 June piece are
    // within two days (the draft never is).
    expect(titles).toEqual([
      'Fixture live page: polling day in the north',
      'Fixture article: a budget debate',
    ]);
  });
});

test.describe('quality of every archive page', () => {
  test('every link and asset resolves to a built file', () => {
    expect(findBrokenLinks(DIST, siteUrl(paths.home()))).toEqual([]);
  });

  for (const path of [
    paths.archive(),
    paths.archiveMonth('2023', '03'),
    paths.topics(),
    paths.topic('diplomacy'),
    paths.source('jns'),
    paths.listingPage(paths.source('jns'), 2),
    paths.article('fixture-syndicated-copy'),
    paths.article('fixture-harvest-festival'),
    paths.article('fixture-embassy-visit'),
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
