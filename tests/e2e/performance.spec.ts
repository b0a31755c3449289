import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { listFiles } from '../helpers/dist';
import { ARTICLE_ID, builtFile, paths } from '../helpers/site';
import { settledLayoutShift } from './helpers';

/**
 * Budgets, measured in bytes and layout shift, never in seconds (timings flake; bytes do not).
 * - FIRST_ROUND_TRIP: the article's HTML with all its CSS, gzip, fits the first TCP round trip
 *   (10 packets of 1,460 bytes: 14,600 bytes), so the page can draw after one round trip.
 * - ARTICLE_TOTAL: everything the article page loads, fonts included, text counted gzip'd as
 *   any host sends it. The four font files are ~64 KB of it.
 */
const FIRST_ROUND_TRIP = 14_600;
const ARTICLE_TOTAL = 80_000;
const ARTICLE = paths.article(ARTICLE_ID);
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SEARCH_PAGE = builtFile(paths.search());
/** Pagefind's bundle, written by scripts/build.mjs, as a folder of dist/: "pagefind/". */
const PAGEFIND_DIR = paths.pagefind().slice(1);

const isText = (path: string) => /\.(html|css|js|xml|svg|json|txt)$/.test(path) || path.endsWith('/');
const fileOf = (pathname: string) =>
  DIST + (pathname.endsWith('/') ? `${pathname}index.html` : pathname).slice(1);
const wireBytes = (pathname: string) => {
  const body = readFileSync(fileOf(pathname));
  return isText(pathname) ? gzipSync(body, { level: 9 }).length : body.length;
};

/** The site paths the page requested while loading, in order. */
async function loadAndRecord(page: Page, path: string): Promise<string[]> {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  // The browser asks for the page's icon after the load event, on its own schedule: wait for that
  // request by name (networkidle's quiet window does not promise it), so every run counts it.
  const icons = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  await expect.poll(() => requested, 'the page icon was requested').toEqual(expect.arrayContaining(icons));
  return requested;
}

test.describe('budgets', () => {
  test(`the article's HTML and CSS fit the first round trip (≤ ${FIRST_ROUND_TRIP} bytes gzip)`, async ({
    page,
  }) => {
    const requested = await loadAndRecord(page, ARTICLE);
    const css = requested.filter((p) => p.endsWith('.css'));
    const bytes = [ARTICLE, ...css].reduce((sum, p) => sum + wireBytes(p), 0);
    test.info().annotations.push({ type: 'article HTML+CSS gzip bytes', description: String(bytes) });
    console.log(`article HTML + CSS, gzip: ${bytes} bytes (budget ${FIRST_ROUND_TRIP})`);
    expect(bytes).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
  });

  test(`the article page loads at most ${ARTICLE_TOTAL} bytes in all, fonts included`, async ({ page }) => {
    const requested = await loadAndRecord(page, ARTICLE);
    const sizes = requested.map((p) => [p, wireBytes(p)] as const);
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `article page, all requests: ${total} bytes (budget ${ARTICLE_TOTAL})\n${sizes.map(([p, n]) => `  ${n}\t${p}`).join('\n')}`,
    );
    expect(total).toBeLessThanOrEqual(ARTICLE_TOTAL);
  });

  // /search/ is the one exception: Pagefind's UI and index (all under pagefind/, written by
  // scripts/build.mjs) and Astro's own script for the page. Nothing else may have a script.
  test('no page but /search/ ships a byte of JavaScript', async ({ page }) => {
    const searchHtml = readFileSync(DIST + SEARCH_PAGE, 'utf8');
    const searchSources = [...searchHtml.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map(
      ([, src]) => src ?? '',
    );
    expect(searchSources.length, 'the search page loads Pagefind').toBeGreaterThan(0);
    for (const src of searchSources) {
      const dir = [paths.pagefind(), '/_astro/'].find((folder) => src.startsWith(folder));
      expect(dir !== undefined && /^[^/]+\.js$/.test(src.slice(dir.length)), src).toBe(true);
    }
    // Files the search page references by name, e.g. /_astro/search.astro_….js if Astro does not
    // inline its script; pagefind/ holds Pagefind's own bundle.
    const allowed = new Set(searchSources.map((src) => src.slice(1)));
    const scripts = listFiles(DIST).filter((f) => /\.(m?js)$/.test(f));
    expect(scripts.filter((f) => !f.startsWith(PAGEFIND_DIR) && !allowed.has(f))).toEqual([]);

    for (const file of listFiles(DIST).filter((f) => f.endsWith('.html') && f !== SEARCH_PAGE)) {
      expect(readFileSync(DIST + file, 'utf8'), file).not.toMatch(
        /<script\b(?![^>]*type="application\/ld\+json")/,
      );
    }
    const requested = await loadAndRecord(page, ARTICLE);
    expect(requested.filter((p) => p.endsWith('.js'))).toEqual([]);
  });
});

test.describe('layout stability', () => {
  for (const width of [375, 1280]) {
    test(`nothing moves while the article loads (CLS 0) at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(ARTICLE);
      expect(await settledLayoutShift(page)).toBe(0);
    });

    test(`nothing moves when the fonts arrive late (CLS 0) at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      // A slow connection: every font arrives 1.5 s after it is asked for. The delay is the test's
      // input (a late network), not a wait for the page: the checks below wait on conditions.
      await page.route('**/_astro/fonts/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await page.goto(ARTICLE);
      const cls = await settledLayoutShift(page);
      // The input took effect: the page drew its text before the first font arrived.
      const { firstPaint, firstFont } = await page.evaluate(() => ({
        firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
        firstFont: Math.min(
          ...performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.includes('/_astro/fonts/'))
            .map((entry) => (entry as PerformanceResourceTiming).responseEnd),
        ),
      }));
      expect(firstPaint, 'first contentful paint (ms) before the first font arrived').toBeLessThan(firstFont);
      expect(cls).toBe(0);
    });
  }
});
