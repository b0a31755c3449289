import { expect, test } from '@playwright/test';
import { jpegSize, pngHeader, pngSize } from '../../helpers/image-size';
import { ARTICLE_ID, paths } from '../../helpers/site';

/**
 * What a card may weigh as served: a text card (an indexed-colour PNG; the real article's is
 * about 18 kB) and a photo card (JPEG). See the budgets in tests/unit/social-card.test.ts.
 */
const TEXT_CARD_BUDGET = 25_000;
const PHOTO_CARD_BUDGET = 60_000;

/** The example archive's article with a lead photograph. */
const PHOTO_ID = 'fixture-harvest-festival';

test.describe('social cards', () => {
  for (const id of [ARTICLE_ID, 'fixture-crossing-talks']) {
    test(`${paths.card(id, 'png')} is a 1200×630 PNG in indexed colour, within the budget`, async ({
      request,
    }) => {
      const response = await request.get(paths.card(id, 'png'));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/png\b/);
      const png = await response.body();
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(pngHeader(png).colourType).toBe(3);
      expect(png.length).toBeLessThanOrEqual(TEXT_CARD_BUDGET);
    });
  }

  test(`an article with a lead photograph has a 1200×630 JPEG card cut from it, and no PNG one`, async ({
    request,
  }) => {
    const response = await request.get(paths.card(PHOTO_ID, 'jpg'));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/jpeg\b/);
    const jpeg = await response.body();
    expect(jpegSize(jpeg)).toEqual({ width: 1200, height: 630 });
    expect(jpeg.length).toBeLessThanOrEqual(PHOTO_CARD_BUDGET);
    expect((await request.get(paths.card(PHOTO_ID, 'png'))).status()).toBe(404);
  });

  test('drafts and embargoed articles have no card', async ({ request }) => {
    for (const id of ['fixture-draft', 'fixture-embargoed']) {
      for (const format of ['png', 'jpg'] as const) {
        expect((await request.get(paths.card(id, format))).status()).toBe(404);
      }
    }
  });
});
