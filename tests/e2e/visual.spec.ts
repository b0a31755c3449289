import { expect, test } from '@playwright/test';
import { ARTICLE_ID, paths } from '../helpers/site';
import { expectSiteFontsDrawn, gotoWithFonts, SITE_FACES, type DrawnIn } from '../helpers/fonts';

// The article page as readers see it, at phone, tablet and desktop widths, in both colour
// schemes. Baselines live in visual.spec.ts-snapshots/; change them only on purpose with
// `npm run test:visual:update`, and look at every image that changed.
const WIDTHS = { phone: 375, tablet: 768, desktop: 1280 } as const;

// Fonts are made deterministic before each shot (gotoWithFonts) and checked in the browser
// (expectSiteFontsDrawn): no retries, a page in fallback fonts fails naming the element.
const FONTS: readonly DrawnIn[] = [
  { selector: 'h1', faces: [SITE_FACES.serifBold] },
  { selector: '.article-body > p', faces: [SITE_FACES.serif] },
  // Hebrew letters in Noto Serif Hebrew, the rest of the name (" | Eli Cohen") in the serif.
  { selector: '.tweet .name', faces: [SITE_FACES.hebrewBold, SITE_FACES.serifBold] },
];
const SCHEMES = ['light', 'dark'] as const;

for (const [device, width] of Object.entries(WIDTHS)) {
  for (const colorScheme of SCHEMES) {
    test(`article page, ${device} (${width}px), ${colorScheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await gotoWithFonts(page, paths.article(ARTICLE_ID));
      await expectSiteFontsDrawn(page, FONTS);
      await expect(page).toHaveScreenshot(`article-${device}-${colorScheme}.png`, { fullPage: true });
    });
  }
}
