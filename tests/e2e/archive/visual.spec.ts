import { expect, test, type Page } from '@playwright/test';
import { paths } from '../../helpers/site';
import { expectSiteFontsDrawn, gotoWithFonts, SITE_FACES, type DrawnIn } from '../../helpers/fonts';

// Listing pages and the search page of the example archive, phone and desktop, light and dark.
// Baselines in visual.spec.ts-snapshots/ beside this file; update on purpose only (docs/testing.md,
// "Screenshots").
// `fonts`: elements whose faces are checked before the shot, besides the site name and the section
// links (serif 700 and sans on every page); the whole page must be free of fallback fonts too.
const PAGES: Record<
  string,
  { path: string; fonts: readonly DrawnIn[]; ready?: (page: Page) => Promise<void> }
> = {
  home: {
    path: paths.home(),
    fonts: [
      { selector: '.headline', faces: [SITE_FACES.serifBold] },
      { selector: '.dek', faces: [SITE_FACES.serif] },
    ],
  },
  section: {
    path: paths.section('middle-east'),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '.dek', faces: [SITE_FACES.serif] },
    ],
  },
  // An article with a lead photograph and a map in its body: caption, credit, spacing.
  photo: {
    path: paths.article('fixture-harvest-festival'),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '.article-body p', faces: [SITE_FACES.serif] },
      { selector: 'figcaption', faces: [SITE_FACES.sans] },
    ],
    ready: async (page) => {
      // The body's pictures load lazily, when a reader scrolls near them: bring each into view,
      // wait until every picture on the page is decoded, then go back to the top.
      const images = page.locator('main img');
      for (const image of await images.all()) await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() =>
          images.evaluateAll((all) =>
            all.every(
              (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
            ),
          ),
        )
        .toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  // A numbered page of a long listing, counted from the oldest: newer and older links around "Page 2".
  'listing-page': {
    path: paths.listingPage(paths.source('jns'), 2),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '.dek', faces: [SITE_FACES.serif] },
      { selector: '.pagination', faces: [SITE_FACES.sans] },
    ],
  },
  // A person's page: name, role, bio, links, feeds, then their articles (all four on one page).
  author: {
    path: paths.author('dana-cohen'),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '.bio p', faces: [SITE_FACES.serif] },
      { selector: '.role', faces: [SITE_FACES.sans] },
    ],
  },
  // An article with a correction near the top and a clarification at the end.
  corrected: {
    path: paths.article('fixture-tech-exports'),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '.corrections strong', faces: [SITE_FACES.serifBold] },
      { selector: '.clarifications p', faces: [SITE_FACES.sans, SITE_FACES.serifBold] },
    ],
  },
  // A live page whose coverage runs: the Live label, key events, updates newest first, one held back.
  live: {
    path: paths.article('fixture-live-election'),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '.update-title', faces: [SITE_FACES.serifBold] },
      { selector: '.update-body p', faces: [SITE_FACES.serif] },
    ],
  },
  // A search already done (?q=), so the shot shows Pagefind's results as a reader sees them.
  search: {
    path: paths.search('budget'),
    fonts: [
      { selector: 'h1', faces: [SITE_FACES.serifBold] },
      { selector: '#search-intro', faces: [SITE_FACES.serif] },
      { selector: '.pagefind-ui__result-link', faces: [SITE_FACES.serifBold] },
      { selector: '.pagefind-ui__message', faces: [SITE_FACES.sans] },
    ],
    ready: async (page) => {
      await expect(page.locator('.pagefind-ui__message')).toHaveText(/^\d+ results? for budget$/);
      await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
      // Each result's excerpt loads on its own: wait until none is still a placeholder.
      await expect(page.locator('.pagefind-ui__loading')).toHaveCount(0);
    },
  },
};
const WIDTHS = { phone: 375, desktop: 1280 } as const;

for (const [name, { path, fonts, ready }] of Object.entries(PAGES)) {
  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${name} page, ${device} (${width}px), ${colorScheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await gotoWithFonts(page, path);
        await ready?.(page);
        await expectSiteFontsDrawn(page, fonts);
        await expect(page).toHaveScreenshot(`${name}-${device}-${colorScheme}.png`, { fullPage: true });
      });
    }
  }
}
