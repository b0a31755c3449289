import { expect, test } from '@playwright/test';
import { ARTICLE_ID, paths } from '../../helpers/site';

/**
 * What a card may weigh as served: a text card (an indexed-colour PNG; the real article's is
 * about 18 kB) and a photo card (JPEG). See the budgets in tests/unit/social-card.test.ts.
 */
const TEXT_CARD_BUDGET = 25_000;
const PHOTO_CARD_BUDGET = 60_000;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The colour type in a PNG's IHDR chunk: 3 is indexed colour (a palette). */
const pngColourType = (png: Buffer): number => png.readUInt8(25);

/** Width and height from a JPEG's first start-of-frame marker, after checking the signature. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  for (let at = 2; at < jpeg.length;) {
    const marker = jpeg.readUInt16BE(at);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    }
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no start-of-frame marker in the JPEG');
}

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
      expect(pngColourType(png)).toBe(3);
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
