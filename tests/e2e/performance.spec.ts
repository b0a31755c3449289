import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { parseHTML } from 'linkedom';
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
/**
 * The two builds whose scripts are checked, with the running live pages each has. The real site
 * has none; the example archive (npm run build:fixtures) has one, so the exception for live pages
 * is exercised.
 */
const BUILDS = [
  { dist: DIST, livePages: [] },
  {
    dist: fileURLToPath(new URL('../../dist-fixtures/', import.meta.url)),
    livePages: [builtFile(paths.article('fixture-live-election'))],
  },
];
/**
 * The "new updates" script of a live page, by the name Astro gives the script of
 * src/components/live/NewUpdates.astro: "_astro/NewUpdates.astro_astro_type_script_index_0_lang.<hash>.js".
 * A site without a live page has it too, referenced by no page: the article route imports
 * NewUpdates.astro (through the MDX components' <Update>), and Astro bundles the script of every
 * component a route imports, whether or not a page renders it.
 */
const LIVE_SCRIPT = /^_astro\/NewUpdates\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/;
/** The live page's script, gzip: the one script an article page may carry stays small. */
const LIVE_SCRIPT_GZIP = 2_048;

/** Whether a built page is live coverage still running: a LiveBlogPosting with no end. */
function isRunningLivePage(document: ParentNode): boolean {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].some((block) => {
    const data = JSON.parse(block.textContent ?? '{}') as Record<string, unknown>;
    return data['@type'] === 'LiveBlogPosting' && data['coverageEndTime'] === undefined;
  });
}

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

  // Two kinds of page may run a script. /search/: Pagefind's UI and index (all under pagefind/,
  // written by scripts/build.mjs) and Astro's own script for the page. A live page whose coverage
  // runs: its "new updates" button, one small external file and nothing else.
  test('no page but /search/ and a running live page ships a byte of JavaScript', async ({ page }) => {
    for (const { dist, livePages } of BUILDS) {
      const html = (file: string) => readFileSync(dist + file, 'utf8');
      const searchSources = [...html(SEARCH_PAGE).matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)].map(
        ([, src]) => src ?? '',
      );
      expect(searchSources.length, `${dist}: the search page loads Pagefind`).toBeGreaterThan(0);
      for (const src of searchSources) {
        const dir = [paths.pagefind(), '/_astro/'].find((folder) => src.startsWith(folder));
        expect(dir !== undefined && /^[^/]+\.js$/.test(src.slice(dir.length)), src).toBe(true);
      }
      // Files the search page references by name, e.g. /_astro/search.astro_….js if Astro does not
      // inline its script; pagefind/ holds Pagefind's own bundle; the live page's script.
      const allowed = new Set(searchSources.map((src) => src.slice(1)));
      const scripts = listFiles(dist).filter((f) => /\.(m?js)$/.test(f) && !f.startsWith(PAGEFIND_DIR));
      const liveScripts = scripts.filter((f) => LIVE_SCRIPT.test(f));
      expect(
        scripts.filter((f) => !allowed.has(f) && !liveScripts.includes(f)),
        `${dist}: scripts that are neither the search page's nor the live page's`,
      ).toEqual([]);
      expect(liveScripts.length, `${dist}: copies of the live page's script`).toBeLessThanOrEqual(1);
      for (const file of liveScripts) {
        const bytes = gzipSync(readFileSync(dist + file), { level: 9 }).length;
        expect(bytes, `${file}, gzip (budget ${LIVE_SCRIPT_GZIP})`).toBeLessThanOrEqual(LIVE_SCRIPT_GZIP);
      }

      const running: string[] = [];
      for (const file of listFiles(dist).filter((f) => f.endsWith('.html') && f !== SEARCH_PAGE)) {
        const { document } = parseHTML(html(file));
        const loaded = [...document.querySelectorAll('script:not([type="application/ld+json"])')].map(
          (script) => `${script.getAttribute('type')} ${script.getAttribute('src') ?? script.textContent}`,
        );
        if (isRunningLivePage(document)) {
          running.push(file);
          expect(loaded, file).toEqual([`module /${liveScripts[0]}`]);
        } else {
          expect(loaded, file).toEqual([]);
        }
      }
      expect(running, `${dist}: running live pages`).toEqual(livePages);
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
