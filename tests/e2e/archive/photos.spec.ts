import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Locator } from '@playwright/test';
import sharp from 'sharp';
import { isAbsoluteUrl } from '../../feed-validator/common';
import { distFile, paths, siteUrl } from '../../helpers/site';
import { settledLayoutShift } from '../../helpers/browser';

/**
 * Photographs as a reader on a phone gets them. Budgets in bytes, never in seconds.
 * - LEAD_IMAGE_PHONE: what the lead photograph costs on a 375 px phone at 2× (a 750 px slot): the
 *   800 px AVIF. A detailed news photograph there is 25–40 KB at the site's AVIF settings, so
 *   40,000 bytes; picking the 1,800 px JPEG (no `sizes`, no AVIF) would blow it. The fixture's
 *   drawn picture is far smaller; the test also checks which file was chosen.
 * - FIRST_ROUND_TRIP: the page's HTML and CSS still fit the first round trip with pictures in it.
 */
const LEAD_IMAGE_PHONE = 40_000;
const FIRST_ROUND_TRIP = 14_600;
const ARTICLE = paths.article('fixture-harvest-festival');
const DIST = fileURLToPath(new URL('../../../dist-fixtures/', import.meta.url));

test.use({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });

test(`a phone fetches the lead photograph as the 800 px AVIF, at most ${LEAD_IMAGE_PHONE} bytes`, async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(ARTICLE, { waitUntil: 'load' });
  const lead = page.locator('.lead-image img');
  await expect.poll(() => lead.evaluate((img) => (img as HTMLImageElement).currentSrc)).not.toBe('');
  const chosen = new URL(await lead.evaluate((img) => (img as HTMLImageElement).currentSrc)).pathname;
  // The candidate for a 335 px slot at 2×: the first at least 670 px wide.
  const candidates = await page.locator('.lead-image source[type="image/avif"]').getAttribute('srcset');
  const avif800 = /(\S+) 800w/.exec(candidates ?? '')?.[1];
  expect(chosen).toBe(avif800);
  expect(requested.filter((path) => path.includes('/_astro/lead.'))).toEqual([chosen]);
  const bytes = readFileSync(distFile(DIST, chosen)).length;
  console.log(
    `lead photograph on a 375 px phone at 2×: ${chosen}, ${bytes} bytes (budget ${LEAD_IMAGE_PHONE})`,
  );
  expect(bytes).toBeLessThanOrEqual(LEAD_IMAGE_PHONE);
});

test('the NewsArticle structured data lists the lead photograph’s 16:9, 4:3 and 1:1 crops, 1,200 px wide, as absolute URLs of built files', async ({
  page,
  request,
}) => {
  await page.goto(ARTICLE);
  const data = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as {
    '@type'?: string;
    image?: unknown;
  };
  expect(data['@type']).toBe('NewsArticle');
  expect(Array.isArray(data.image), 'image is a list').toBe(true);
  const urls = data.image as unknown[];
  const home = siteUrl(paths.home());
  const sizes = [];
  for (const url of urls) {
    expect(typeof url, String(url)).toBe('string');
    expect(isAbsoluteUrl(String(url), ['https:']), String(url)).toBe(true);
    expect(String(url).startsWith(home), `${String(url)} is on the site`).toBe(true);
    const pathname = decodeURIComponent(new URL(String(url)).pathname);
    const file = distFile(DIST, pathname);
    expect(existsSync(file), `${String(url)} is built`).toBe(true);
    const { format, width, height } = await sharp(file).metadata();
    expect(format, String(url)).toBe('jpeg');
    sizes.push(`${width}×${height}`);
    expect((await request.get(pathname)).status(), String(url)).toBe(200);
  }
  // Google's rule for article images: 16:9, 4:3 and 1:1, each at least 1,200 px wide.
  expect(sizes).toEqual(['1200×675', '1200×900', '1200×1200']);
});

test('the lead photograph loads first and at once; body pictures lazily; all have width and height', async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const lead = page.locator('.lead-image img');
  await expect(lead).toHaveAttribute('fetchpriority', 'high');
  await expect(lead).toHaveAttribute('loading', 'eager');
  const body = page.locator('.article-body img');
  await expect(body).toHaveCount(1);
  await expect(body).toHaveAttribute('loading', 'lazy');
  await expect(body).toHaveAttribute('decoding', 'async');
  for (const img of await page.locator('main img').all()) {
    expect(Number(await img.getAttribute('width')), 'width').toBeGreaterThan(0);
    expect(Number(await img.getAttribute('height')), 'height').toBeGreaterThan(0);
    expect(await img.getAttribute('alt'), 'alt').toMatch(/\w{3}/);
  }
});

test(`the photo article's HTML and CSS still fit the first round trip (≤ ${FIRST_ROUND_TRIP} bytes gzip)`, async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(ARTICLE, { waitUntil: 'load' });
  const css = requested.filter((path) => path.endsWith('.css'));
  const bytes = [ARTICLE, ...css].reduce(
    (sum, path) => sum + gzipSync(readFileSync(distFile(DIST, path)), { level: 9 }).length,
    0,
  );
  console.log(`photo article HTML + CSS, gzip: ${bytes} bytes (budget ${FIRST_ROUND_TRIP})`);
  expect(bytes).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
});

test('caption and credit read as text under each picture, the credit last', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(page.locator('.lead-image figcaption')).toHaveText(
    'The festival grounds on Sunday evening. Photo: Miriam Levi/JNS',
  );
  await expect(page.locator('.article-body figcaption')).toHaveText(
    'Where the festival is held, south of Afula. Credit: JNS graphics',
  );
  await expect(page.locator('.article-body figcaption em')).toHaveText('south of Afula');
});

test('the layout does not move while the pictures load', async ({ page }) => {
  await page.goto(ARTICLE, { waitUntil: 'load' });
  for (const image of await page.locator('main img').all()) await image.scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      page.locator('main img').evaluateAll((all) => all.every((img) => (img as HTMLImageElement).complete)),
    )
    .toBe(true);
  const shift = await settledLayoutShift(page);
  expect(shift).toBe(0);
});

test.describe('a picture narrower than the column', () => {
  // A desktop at 1×, where the column (640 px) is wider than the embassy fixture's 400 px emblem.
  test.use({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });

  /** The drawn width of an image and the width of the file the browser chose for it, in px. */
  const drawn = (img: Locator) =>
    img.evaluate((element) => {
      const image = element as HTMLImageElement;
      return { width: image.getBoundingClientRect().width, natural: image.naturalWidth };
    });

  test('is shown at its own width, sharp, not stretched to the column; a wide one still fills the column', async ({
    page,
  }) => {
    await page.goto(paths.article('fixture-embassy-visit'));
    const emblem = page.locator('.article-body figure.photo img[alt^="A round blue and white emblem"]');
    await emblem.scrollIntoViewIfNeeded();
    await expect.poll(() => emblem.evaluate((img) => (img as HTMLImageElement).complete)).toBe(true);
    const small = await drawn(emblem);
    expect(small.width).toBe(400);
    expect(small.natural, 'a file at least as wide as it is drawn').toBeGreaterThanOrEqual(small.width);
    // The caption's column is unchanged: the figure, not the picture, spans it.
    const column = await page.locator('.article-body').evaluate((body) => body.getBoundingClientRect().width);
    expect(column).toBe(640);

    await page.goto(ARTICLE);
    const map = page.locator('.article-body figure.photo img');
    await map.scrollIntoViewIfNeeded();
    expect((await drawn(map)).width).toBe(640);

    // On a phone the small picture is as wide as the column, never wider.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(paths.article('fixture-embassy-visit'));
    expect((await drawn(emblem)).width).toBe(375 - 40);
  });
});
