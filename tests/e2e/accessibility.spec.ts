import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_ID, paths } from '../helpers/site';
import { axeViolations } from '../helpers/browser';

const PAGES = {
  home: paths.home(),
  article: paths.article(ARTICLE_ID),
  section: paths.section('world'),
  'empty section': paths.section('israel'),
  // An address that is no page of the site at all (not an article that is missing).
  'not found': '/no-such-page/',
  search: paths.search(),
} as const;
const WIDTHS = { phone: 375, desktop: 1280 } as const;
const SCHEMES = ['light', 'dark'] as const;

for (const [name, path] of Object.entries(PAGES)) {
  for (const [device, width] of Object.entries(WIDTHS)) {
    for (const colorScheme of SCHEMES) {
      test(`axe finds no violation: ${name}, ${device}, ${colorScheme}`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }
}

async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return outlined && rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < innerHeight;
  });
}

test.describe('keyboard', () => {
  test('the first Tab reaches a visible “Skip to content” link that moves focus to the article', async ({
    page,
  }) => {
    await page.goto(PAGES.article);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    // The next Tab goes to the first link inside the main content, not back to the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(inMain).toBe(true);
  });

  test('every link on the article page can be reached with Tab and shows a visible focus ring', async ({
    page,
  }) => {
    await page.goto(PAGES.article);
    const links = await page.locator('a[href]').count();
    const seen = new Set<string>();
    for (let i = 0; i < links; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIsVisible(page), `focus ring on tab stop ${i + 1}`).toBe(true);
      seen.add(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).outerHTML));
    }
    expect(seen.size).toBe(links);
  });

  for (const [name, path] of Object.entries(PAGES)) {
    test(`headings start at one h1 and never skip a level: ${name}`, async ({ page }) => {
      await page.goto(path);
      const levels = await page
        .locator('h1, h2, h3, h4, h5, h6')
        .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.slice(1).forEach((level, i) => expect(level).toBeLessThanOrEqual(levels[i]! + 1));
    });
  }
});
