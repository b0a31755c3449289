import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { findBrokenLinks } from '../../helpers/dist';
import { parseXml } from '../../helpers/xml';

// The example archive is built with NEWS_PAGE_SIZE=3 and NEWS_BUILD_TIME=2024-06-11T12:00:00Z
// (package.json, build:fixtures), so pagination and time-based behaviour show up.
const DIST = fileURLToPath(new URL('../../../dist-fixtures/', import.meta.url));
const headlinesOn = (page: Page) =>
  page
    .locator('main article :is(h2, h3)')
    .allTextContents()
    .then((all) => all.map((h) => h.trim()));

test.describe('listings', () => {
  test('the home page leads with the newest article, then the latest, and links to the archive', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('.lead h2')).toHaveText('Fixture article: a budget debate');
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: a budget debate',
      'Fixture article: talks on a border crossing',
      'Fixture article: a syndicated copy',
    ]);
    await page.getByRole('link', { name: 'All reports, by date' }).click();
    await expect(page).toHaveURL(/\/archive\/$/);
  });

  test('drafts and embargoed articles have no page and are listed nowhere', async ({ request }) => {
    expect((await request.get('/articles/fixture-draft/')).status()).toBe(404);
    expect((await request.get('/articles/fixture-embargoed/')).status()).toBe(404);
    const everything = (await request.get('/source/jns/')).ok()
      ? readFileSync(`${DIST}sitemap-0.xml`, 'utf8')
      : '';
    expect(everything).not.toMatch(/fixture-draft|fixture-embargoed/);
  });

  test('a tag page lists that tag’s articles, paginated, newest first, and links back', async ({ page }) => {
    await page.goto('/tags/diplomacy/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topic: diplomacy');
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: talks on a border crossing',
      'Fixture article: a syndicated copy',
      'Fixture article: a vote at an assembly',
    ]);
    await expect(page.getByText('Page 1 of 2')).toBeVisible();
    await page.getByRole('link', { name: 'Older →' }).click();
    await expect(page).toHaveURL(/\/tags\/diplomacy\/2\/$/);
    expect(await headlinesOn(page)).toEqual([
      'Fixture article: regional talks',
      'Azerbaijan opens embassy in Israel',
    ]);
    await expect(page.getByRole('link', { name: '← Newer' })).toHaveAttribute('href', '/tags/diplomacy/');
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'Topics' }).click();
    await expect(page.getByRole('link', { name: 'diplomacy' })).toBeVisible();
  });

  test('a section page lists only that section', async ({ page }) => {
    await page.goto('/sections/middle-east/');
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

  test('the source page lists everything by JNS across pages', async ({ page }) => {
    await page.goto('/source/jns/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('By JNS');
    await expect(page.getByText('Page 1 of 3')).toBeVisible();
  });

  test('the date archive goes from years to months to articles, in the site’s time zone', async ({
    page,
  }) => {
    await page.goto('/archive/');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['2024 (4)', '2023 (3)', '2022 (1)']);
    await page.getByRole('link', { name: 'March 2023' }).click();
    await expect(page).toHaveURL(/\/archive\/2023\/03\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('March 2023');
    expect(await headlinesOn(page)).toEqual(['Azerbaijan opens embassy in Israel']);
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: '2023' }).click();
    await expect(page).toHaveURL(/\/archive\/2023\/$/);
  });
});

test.describe('an article in the archive', () => {
  test('links to older and newer articles and to more in its section', async ({ page }) => {
    await page.goto('/articles/fixture-syndicated-copy/');
    const prevNext = page.getByRole('navigation', { name: 'Older and newer articles' });
    await expect(prevNext.getByRole('link', { name: /Older/ })).toHaveAttribute(
      'href',
      '/articles/fixture-assembly-vote/',
    );
    await expect(prevNext.getByRole('link', { name: /Newer/ })).toHaveAttribute(
      'href',
      '/articles/fixture-crossing-talks/',
    );
    const more = page.getByRole('region', { name: 'More in Middle East' });
    await expect(more.getByRole('link')).toHaveText([
      'Fixture article: talks on a border crossing',
      'Fixture article: regional talks',
    ]);
  });

  test('shows its reading time, its topics and its source', async ({ page }) => {
    await page.goto('/articles/fixture-budget-debate/');
    await expect(page.locator('.reading')).toHaveText('1 min read');
    await expect(page.getByRole('link', { name: 'Knesset' })).toHaveAttribute('href', '/tags/knesset/');
    await expect(page.getByRole('link', { name: 'JNS', exact: true })).toHaveAttribute(
      'href',
      '/source/jns/',
    );
  });

  test('a syndicated copy names its original as canonical, in the page and in its structured data', async ({
    page,
  }) => {
    await page.goto('/articles/fixture-syndicated-copy/');
    const original = 'https://www.jns.org/example-original-article/';
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', original);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', original);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(data.isBasedOn).toBe(original);
  });
});

test.describe('being found and shared', () => {
  test('each article has NewsArticle structured data with the fields Google recommends', async ({ page }) => {
    await page.goto('/articles/fixture-crossing-talks/');
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Fixture article: talks on a border crossing',
      datePublished: '2024-06-09T14:30:00+03:00',
      dateModified: '2024-06-09T14:30:00+03:00',
      author: [{ '@type': 'Organization', name: 'JNS', url: 'https://news.example.com/source/jns/' }],
      publisher: { '@type': 'Organization', name: 'JNS Wire', logo: { '@type': 'ImageObject' } },
      mainEntityOfPage: { '@id': 'https://news.example.com/articles/fixture-crossing-talks/' },
      articleSection: 'Middle East',
      keywords: ['diplomacy', 'humanitarian aid'],
      inLanguage: 'en',
    });
    expect(data.image).toEqual(['https://news.example.com/cards/fixture-crossing-talks.png']);
    expect(data.headline.length).toBeLessThanOrEqual(110); // Google truncates longer headlines
  });

  test('each article has Open Graph article tags, Twitter card tags, a description and a canonical link', async ({
    page,
  }) => {
    await page.goto('/articles/fixture-crossing-talks/');
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
      'https://news.example.com/articles/fixture-crossing-talks/',
    );
  });

  test('robots.txt names the sitemaps; the sitemap lists every published page; the news sitemap only the last two days', async ({
    request,
  }) => {
    const robots = await (await request.get('/robots.txt')).text();
    expect(robots).toContain('Sitemap: https://news.example.com/sitemap-index.xml');
    expect(robots).toContain('Sitemap: https://news.example.com/sitemaps/news.xml');

    const sitemap = parseXml(await (await request.get('/sitemap-0.xml')).text());
    const locs = [...sitemap.getElementsByTagName('loc')].map((l) => l.textContent);
    expect(locs).toContain('https://news.example.com/articles/azerbaijan-opens-embassy-in-israel/');
    expect(locs).toContain('https://news.example.com/tags/diplomacy/2/');
    expect(locs.some((l) => l?.includes('404'))).toBe(false);

    const news = parseXml(await (await request.get('/sitemaps/news.xml')).text());
    const titles = [...news.getElementsByTagName('news:title')].map((t) => t.textContent);
    // Built at 2024-06-11T12:00Z: only the 10 June piece is within two days (the draft never is).
    expect(titles).toEqual(['Fixture article: a budget debate']);
  });
});

test.describe('quality of every archive page', () => {
  test('every link and asset resolves to a built file', () => {
    expect(findBrokenLinks(DIST, 'https://news.example.com/')).toEqual([]);
  });

  for (const path of [
    '/archive/',
    '/archive/2023/03/',
    '/tags/',
    '/tags/diplomacy/2/',
    '/source/jns/',
    '/articles/fixture-syndicated-copy/',
  ]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violation on ${path} (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
          .analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
    }
  }
});
