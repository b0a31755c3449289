import { expect, test } from '@playwright/test';
import { gotoWithFonts } from './helpers';

// The article page as readers see it, at phone, tablet and desktop widths, in both colour
// schemes. Baselines live in visual.spec.ts-snapshots/; change them only on purpose with
// `npm run test:visual:update`, and look at every image that changed.
const WIDTHS = { phone: 375, tablet: 768, desktop: 1280 } as const;

// One retry, screenshots only: with `font-display: optional`, a font that reaches a heavily loaded
// machine after its 100 ms block period is not used for that page load, and the whole page reflows
// in the fallback face (seen once in a fresh-clone CI run with two workers on two cores). The retry
// still has to match the baseline pixel for pixel; a real change fails both attempts.
test.describe.configure({ retries: 1 });
const SCHEMES = ['light', 'dark'] as const;

for (const [device, width] of Object.entries(WIDTHS)) {
  for (const colorScheme of SCHEMES) {
    test(`article page, ${device} (${width}px), ${colorScheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await gotoWithFonts(page, '/articles/azerbaijan-opens-embassy-in-israel/');
      await expect(page).toHaveScreenshot(`article-${device}-${colorScheme}.png`, { fullPage: true });
    });
  }
}
