import { expect, type Page } from '@playwright/test';

/**
 * Opens a page so that its own fonts are the ones drawn. The site's fonts use `font-display:
 * optional`: a font that misses the first-paint window (a busy test machine) is not swapped in
 * later for that view, which is what keeps layout shift at zero for readers. Screenshots must
 * not depend on that race, so we load once to fill the cache and then reload, as a reader's
 * second page view would: the fonts are then in time on every run.
 */
export async function gotoWithFonts(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
  await page.reload();
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family),
  );
  expect(loaded.some((family) => family.startsWith('Source Serif 4'))).toBe(true);
}

/** Collects every request the page makes to a host other than the site's own. */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) foreign.push(request.url());
  });
  return foreign;
}
