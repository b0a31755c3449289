import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { headersFor, parseHeadersFile } from '../../helpers/headers';
import { ARTICLE_ID, idIn, paths } from '../../helpers/site';
import { recordForeignRequests, watchProblems } from '../../helpers/browser';

/**
 * /search/ on the example archive: Pagefind's index is built by scripts/build.mjs from the
 * `data-pagefind-body` part of each published article only. The page runs under its own <meta>
 * policy and the _headers policy together, as a static host would serve it.
 */
const rules = parseHeadersFile(
  readFileSync(new URL('../../../dist-fixtures/_headers', import.meta.url), 'utf8'),
);
const BUDGET = { title: 'Fixture article: a budget debate', href: paths.article('fixture-budget-debate') };
const HIDDEN = [paths.article('fixture-draft'), paths.article('fixture-embargoed')];
// Two articles with "talks" in their headline, in two years' search shards (scripts/search-shards.mjs).
const TALKS = [paths.article('fixture-regional-talks'), paths.article('fixture-crossing-talks')];

/** Opens /search/ with the _headers policy applied and collects every CSP violation and error. */
async function openSearch(page: Page, path = paths.search()): Promise<string[]> {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), ...headersFor(rules, new URL(route.request().url()).pathname) },
    });
  });
  const problems = await watchProblems(page);
  await page.goto(path, { waitUntil: 'networkidle' });
  return problems;
}

/** Types a query into the labelled search box and waits for Pagefind's answer. */
async function search(page: Page, query: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Words to search for' }).fill(query);
  await expect(page.locator('.pagefind-ui__message')).toHaveText(
    new RegExp(`^(No results|\\d+ results?) for ${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
}

/**
 * Every result for a query, not just the first page the UI shows, from Pagefind's own API; `null`
 * asks for every page in the index.
 */
async function allResults(
  page: Page,
  query: string | null,
): Promise<{ url: string; content: string; score: number }[]> {
  return page.evaluate(
    async ({ q, api }) => {
      interface Result {
        score: number;
        data(): Promise<{ url: string; content: string }>;
      }
      const pagefind = (await import(api)) as {
        search(term: string | null): Promise<{ results: Result[] }>;
      };
      const { results } = await pagefind.search(q);
      return Promise.all(
        results.map(async (r) => {
          const { url, content } = await r.data();
          return { url, content, score: r.score };
        }),
      );
    },
    { q: query, api: paths.pagefind('pagefind.js') },
  );
}

/** The URLs of every result for a query. */
async function allResultUrls(page: Page, query: string | null): Promise<string[]> {
  return (await allResults(page, query)).map((r) => r.url);
}

test.describe('search', () => {
  // Pagefind's worker may still be fetching index fragments when a test ends.
  test.afterEach(async ({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }));

  test('finds the budget article by a word in it, and its result links to it', async ({ page }) => {
    const problems = await openSearch(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    await search(page, 'budget');
    const result = page.locator('.pagefind-ui__result-link', { hasText: BUDGET.title });
    await expect(result).toHaveAttribute('href', BUDGET.href);
    // The count is also in a live region, so a screen reader hears it.
    await expect(page.getByRole('status')).toHaveText(/^\d+ results? for budget$/);
    await result.click();
    await expect(page).toHaveURL(BUDGET.href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BUDGET.title);
    expect(problems).toEqual([]);
  });

  test('/search/?q= opens with that search done', async ({ page }) => {
    await openSearch(page, paths.search('budget'));
    await expect(page.locator('.pagefind-ui__result-link', { hasText: BUDGET.title })).toBeVisible();
  });

  test('the header and footer are not indexed, only the articles themselves', async ({ page }) => {
    await openSearch(page);
    // The footer says "published as fast, private, accessible static pages" and links the "RSS
    // feed"; the header names "JNS Wire"; every page starts with "Skip to content". No article
    // says these words. (Pagefind forgives typos, so a long word such as "accessible" can still
    // match short article words: it is no probe.)
    for (const word of ['private', 'static', 'RSS', 'Wire', 'Skip']) {
      await search(page, word);
      await expect(page.locator('.pagefind-ui__message')).toHaveText(`No results for ${word}`);
      expect(await allResultUrls(page, word), word).toEqual([]);
    }
    // And the text Pagefind holds for each page has none of it, nor the article's meta line (section,
    // byline, date, reading time): an excerpt starts with the headline and the dek.
    const everything = await allResults(page, null);
    expect(everything.length).toBeGreaterThan(1);
    for (const { url, content } of everything) {
      expect(content, url).not.toMatch(/private, accessible static pages|Skip to content|RSS feed|JNS Wire/);
      expect(content, url).not.toMatch(/\bBy JNS\b|\bmin read\b|Photo: |Credit: /);
    }
  });

  test('only published article pages are in the index: no draft, no embargoed story', async ({ page }) => {
    await openSearch(page);
    const everything = await allResultUrls(page, null);
    expect(everything).toContain(BUDGET.href);
    expect(everything).toContain(paths.article(ARTICLE_ID));
    for (const url of everything) expect(idIn(paths.article, url), `${url} is an article page`).toBeDefined();
    for (const query of [
      'draft that must not be published',
      'Drafts never reach a production build',
      'embargoed story',
      'held back until a build after that instant',
    ]) {
      await search(page, query);
      for (const hidden of HIDDEN) {
        await expect(page.locator(`.pagefind-ui__result-link[href="${hidden}"]`)).toHaveCount(0);
      }
      const urls = await allResultUrls(page, query);
      for (const hidden of HIDDEN) expect(urls, query).not.toContain(hidden);
    }
  });

  test('a word in articles of two years finds both, best score first', async ({ page }) => {
    await openSearch(page);
    // September 2023 and June 2024: one shard each, merged by pagefind/pagefind.js.
    const results = await allResults(page, 'talks');
    expect(results.map((r) => r.url).sort()).toEqual([...TALKS].sort());
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The search box shows both, in that order.
    await search(page, 'talks');
    await expect(page.locator('.pagefind-ui__message')).toHaveText('2 results for talks');
    const links = page.locator('.pagefind-ui__result-link');
    await expect(links).toHaveCount(2);
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(
      results.map((r) => r.url),
    );
  });

  test('searching asks no other host for anything and breaks no CSP rule', async ({ page, baseURL }) => {
    const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
    const problems = await openSearch(page);
    for (const query of ['budget', 'talks', 'nothing-matches-this']) await search(page, query);
    await page.waitForLoadState('networkidle');
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("the page's own policy allows its scripts and WebAssembly, and nothing unsafe", async ({ page }) => {
    await page.goto(paths.search());
    const csp = (await page
      .locator('meta[http-equiv="content-security-policy"]')
      .getAttribute('content')) as string;
    const scriptSrc = csp.match(/script-src ([^;]*)/)?.[1] ?? '';
    expect(scriptSrc.split(/\s+/)).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    // Fetches (the index) stay on this site.
    expect(csp).toMatch(/default-src 'self'/);
  });
});
