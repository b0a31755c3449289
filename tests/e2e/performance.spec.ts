import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { isText, listFiles } from '../helpers/dist';
import { startNginx } from '../helpers/nginx';
import { ARTICLE_ID, builtFile, distFile, paths } from '../helpers/site';
import { settledLayoutShift } from '../helpers/browser';

/**
 * Budgets, measured in bytes and layout shift, never in seconds (timings flake; bytes do not).
 * - FIRST_ROUND_TRIP: the article's HTML with all its CSS, gzip, fits the first TCP round trip
 *   (10 packets of 1,460 bytes: 14,600 bytes), so the page can draw after one round trip.
 * - ARTICLE_TOTAL: everything the article page transfers, fonts included, as Lighthouse's "total
 *   byte weight" counts it: the page served by nginx with deploy/nginx.conf (gzip, as a CDN
 *   serves it), each response's bytes on the wire, headers included. The four font subsets are
 *   ~41 KB of it, their response headers ~3 KB.
 */
const FIRST_ROUND_TRIP = 14_600;
const ARTICLE_TOTAL = 54_000;
const ARTICLE = paths.article(ARTICLE_ID);
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SERVER_BLOCK = readFileSync(new URL('../../deploy/nginx.conf', import.meta.url), 'utf8');
const SEARCH_PAGE = builtFile(paths.search());
/** Pagefind's bundle, written by scripts/build.mjs, as a folder of dist/: "pagefind/". */
const PAGEFIND_DIR = paths.pagefind().slice(1);

const wireBytes = (pathname: string) => {
  const body = readFileSync(distFile(DIST, pathname));
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

/**
 * Loads a page with an empty cache and returns the bytes each request took on the wire: Chromium's
 * `encodedDataLength` (DevTools protocol), headers and compressed body, which is what Lighthouse
 * reports as a request's transfer size and adds up to the page's "total byte weight".
 * @returns [path, bytes] of every request, in the order they started, once all have finished
 */
async function transferSizes(page: Page, url: string): Promise<[string, number][]> {
  const cdp = await page.context().newCDPSession(page);
  const started = new Map<string, string>();
  const finished = new Map<string, number>();
  const failed: string[] = [];
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) =>
    started.set(requestId, new URL(request.url).pathname),
  );
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) =>
    finished.set(requestId, encodedDataLength),
  );
  cdp.on('Network.loadingFailed', ({ requestId, errorText }) => {
    finished.set(requestId, Number.NaN);
    failed.push(`${started.get(requestId)}: ${errorText}`);
  });
  await cdp.send('Network.enable');
  await loadAndRecord(page, url);
  await expect
    .poll(() => [...started.keys()].filter((id) => !finished.has(id)).map((id) => started.get(id)))
    .toEqual([]);
  await cdp.detach();
  expect(failed, 'requests that failed').toEqual([]);
  return [...started].map(([id, path]) => [path, finished.get(id) ?? Number.NaN]);
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

  test(`the article page transfers at most ${ARTICLE_TOTAL} bytes in all, as Lighthouse counts them`, async ({
    page,
  }) => {
    const nginx = await startNginx(SERVER_BLOCK, DIST);
    try {
      const sizes = await transferSizes(page, `${nginx.origin}${ARTICLE}`);
      const total = sizes.reduce((sum, [, n]) => sum + n, 0);
      console.log(
        `article page, all requests on the wire: ${total} bytes (budget ${ARTICLE_TOTAL})\n${sizes.map(([p, n]) => `  ${n}\t${p}`).join('\n')}`,
      );
      expect(
        sizes.map(([p]) => p),
        'the page, its fonts and its icon',
      ).toEqual(expect.arrayContaining([ARTICLE, paths.favicon()]));
      expect(sizes.filter(([p]) => p.startsWith('/_astro/fonts/')).length, 'font files').toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(ARTICLE_TOTAL);
    } finally {
      await nginx.stop();
    }
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
