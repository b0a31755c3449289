import { expect, test } from '@playwright/test';
import { ARTICLE_ID, paths } from '../../helpers/site';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test.describe('social cards', () => {
  for (const id of [ARTICLE_ID, 'fixture-crossing-talks']) {
    test(`${paths.card(id)} is a 1200×630 PNG`, async ({ request }) => {
      const response = await request.get(paths.card(id));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/png\b/);
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    });
  }

  test('drafts and embargoed articles have no card', async ({ request }) => {
    expect((await request.get(paths.card('fixture-draft'))).status()).toBe(404);
    expect((await request.get(paths.card('fixture-embargoed'))).status()).toBe(404);
  });
});
