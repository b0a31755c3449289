import { expect, test } from '@playwright/test';
import { gotoWithFonts } from '../helpers';

// Listing pages of the example archive, phone and desktop, light and dark. Baselines in
// visual.spec.ts-snapshots/ beside this file; update on purpose only (README, "Screenshots").
const PAGES = { home: '/', section: '/sections/middle-east/' } as const;
const WIDTHS = { phone: 375, desktop: 1280 } as const;

for (const [name, path] of Object.entries(PAGES)) {
  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${name} page, ${device} (${width}px), ${colorScheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await gotoWithFonts(page, path);
        await expect(page).toHaveScreenshot(`${name}-${device}-${colorScheme}.png`, { fullPage: true });
      });
    }
  }
}
