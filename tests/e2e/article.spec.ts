import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITE_SCOPE } from '../../src/lib/feed/scopes';
import { ARTICLE_ID, paths, siteUrl } from '../helpers/site';
import { recordForeignRequests } from '../helpers/browser';

const ARTICLE = paths.article(ARTICLE_ID);
// The JNS report as published (dek, byline, body; lines 6–9 are the quoted post).
const source = readFileSync(
  new URL('../fixtures/jns-2023-03-29-azerbaijan-embassy.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);

test.describe('the article page', () => {
  test('has one headline, the dek, the byline and the date as a reader says it', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Azerbaijan opens embassy in Israel');
    await expect(page.locator('h1')).toHaveCount(1);
    const header = page.locator('article > header');
    await expect(header.getByText(source[0]!, { exact: true })).toBeVisible();
    await expect(header.getByText('By JNS')).toBeVisible();
    await expect(header.locator('time')).toHaveText('March 29, 2023');
    await expect(header.locator('time')).toHaveAttribute('datetime', '2023-03-29');
  });

  test('carries every sentence of the source, word for word and in order', async ({ page }) => {
    await page.goto(ARTICLE);
    // The body as a reader reads it: paragraphs and the quoted post, not the pull-quotes
    // (they repeat words and are hidden from assistive technology).
    const body = (await page.locator('.article-body').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      copy.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
      return copy.innerText;
    })) as string;
    const [dek, byline, ...rest] = source;
    expect(dek).toBe(
      'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
    );
    expect(byline).toBe('By JNS');
    const attribution = rest.findIndex((line) => line.startsWith('— '));
    const lines = rest.filter((_, i) => i !== attribution);
    let from = 0;
    for (const line of lines) {
      const at = body.indexOf(line, from);
      expect(at, `not found in order: ${line}`).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
  });

  test('shows the pull-quotes and the post in reading order, and the post reads correctly', async ({
    page,
  }) => {
    await page.goto(ARTICLE);
    const figures = page.locator('.article-body figure');
    await expect(figures).toHaveCount(3);
    await expect(figures.nth(0)).toContainText('Azerbaijan is a strategic partner of Israel');
    await expect(figures.nth(1)).toContainText('History!');
    await expect(figures.nth(2)).toContainText(
      'Israel and Azerbaijan share the same perception of the Iranian threats',
    );
    for (const i of [0, 1, 2]) await expect(figures.nth(i)).toBeVisible();

    const post = figures.nth(1);
    await expect(post.getByRole('link', { name: 'אלי כהן | Eli Cohen @elicoh1' })).toHaveAttribute(
      'href',
      'https://x.com/elicoh1',
    );
    await expect(post.getByRole('link', { name: '@Bayramov_Jeyhun' })).toHaveAttribute(
      'href',
      'https://x.com/Bayramov_Jeyhun',
    );
    await expect(post.locator('time')).toHaveText('March 29, 2023');
    // The mixed name reads as written: the Hebrew part on the left of "| Eli Cohen".
    const [hebrewX, latinX] = await post.locator('bdi').evaluate((bdi) => {
      const text = bdi.firstChild!;
      const at = (start: number, end: number) => {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, end);
        return range.getBoundingClientRect().left;
      };
      const value = text.textContent!;
      return [at(0, value.indexOf('|')), at(value.indexOf('Eli'), value.length)];
    });
    expect(hebrewX).toBeLessThan(latinX);
  });

  test('runs no script and asks no other host for anything', async ({ page, baseURL }) => {
    const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    // Structured data is a data block, never run: the only <script> allowed.
    await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
    expect(foreign).toEqual([]);
  });

  test('advertises the RSS feed', async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      siteUrl(paths.feed(SITE_SCOPE, 'rss')),
    );
  });
});

test.describe('the other pages', () => {
  test('the home page lists the article with its headline, dek and date', async ({ page }) => {
    await page.goto(paths.home());
    const link = page.getByRole('link', { name: 'Azerbaijan opens embassy in Israel' });
    await expect(link).toHaveAttribute('href', ARTICLE);
    await expect(page.getByText(source[0]!)).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(ARTICLE);
  });

  test('an unknown address gets the 404 page with a way home', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'Go to the latest news' })).toBeVisible();
  });
});
