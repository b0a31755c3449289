import { expect, test } from '@playwright/test';

test.describe('the example archive', () => {
  test('the home page lists every published article, newest first, and no draft or embargoed one', async ({
    page,
  }) => {
    await page.goto('/');
    const headlines = await page.locator('main article h2, main article h3').allTextContents();
    expect(headlines.map((h) => h.trim())).toEqual([
      'Fixture article: a budget debate',
      'Fixture article: talks on a border crossing',
      'Fixture article: a syndicated copy',
      'Fixture article: a vote at an assembly',
      'Fixture article: a report on exports',
      'Fixture article: regional talks',
      'Azerbaijan opens embassy in Israel',
      'Fixture article: a trade agreement',
    ]);
  });

  test('drafts and embargoed articles have no page', async ({ request }) => {
    expect((await request.get('/articles/fixture-draft/')).status()).toBe(404);
    expect((await request.get('/articles/fixture-embargoed/')).status()).toBe(404);
  });
});
