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
/**
 * What one Pagefind index of the whole example archive answers (main at 7b9de8e, before the index
 * was split by year): each query's results in order, with their scores. Recorded once from that
 * build (`git archive 7b9de8e | tar -x -C /tmp/main-base`, `npm run build:fixtures` there, each
 * query through its /pagefind/pagefind.js), as docs/performance.md says. The shards must answer the same.
 */
const ONE_INDEX: Record<string, [string, number][]> = {
  // Two years, ranked the other way round by the years' own statistics before.
  talks: [
    ['fixture-regional-talks', 11.5241],
    ['fixture-crossing-talks', 11.1499],
    ['fixture-live-summit', 4.6332],
  ],
  // A prefix.
  tal: [
    ['fixture-regional-talks', 11.3352],
    ['fixture-crossing-talks', 10.888],
    ['fixture-live-summit', 4.379],
  ],
  // One year only (2022): the other years have no word starting with it and must not fall back.
  agreement: [['fixture-trade-agreement', 18.9576]],
  israel: [
    ['azerbaijan-opens-embassy-in-israel', 13.9359],
    ['fixture-budget-debate', 3.1435],
  ],
  border: [
    ['fixture-crossing-talks', 13.8563],
    ['azerbaijan-opens-embassy-in-israel', 1.5345],
  ],
  // Two words.
  'regional talks': [['fixture-regional-talks', 23.0481]],
  'the vote': [
    ['fixture-assembly-vote', 13.6491],
    ['fixture-live-election', 6.7833],
  ],
  'talks a': [
    ['fixture-regional-talks', 12.3759],
    ['fixture-crossing-talks', 11.9725],
    ['fixture-live-summit', 5.2398],
  ],
  // A word no article has is left out of the search; a typo falls back to the archive's longest prefix.
  'zzz talks': [
    ['fixture-regional-talks', 5.504],
    ['fixture-crossing-talks', 5.1298],
    ['fixture-live-summit', 4.6332],
  ],
  agreemnt: [
    ['fixture-embassy-visit', 0.3807],
    ['fixture-harvest-festival', 0.3766],
    ['fixture-budget-debate', 0.3409],
    ['fixture-trade-agreement', 0.3405],
    ['fixture-crossing-talks', 0.3403],
    ['fixture-assembly-vote', 0.34],
    ['fixture-live-summit', 0.3397],
    ['fixture-syndicated-copy', 0.3396],
    ['fixture-tech-exports', 0.3356],
    ['fixture-live-election', 0.1357],
    ['fixture-regional-talks', 0.1261],
    ['azerbaijan-opens-embassy-in-israel', 0.0807],
  ],
  '"budget debate"': [['fixture-budget-debate', 1]],
};

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

  test("the years' shards answer as one index of the archive: same results, order and scores", async ({
    page,
  }) => {
    const problems = await openSearch(page);
    for (const [query, expected] of Object.entries(ONE_INDEX)) {
      const results = await allResults(page, query);
      expect(
        results.map((r) => r.url),
        query,
      ).toEqual(expected.map(([id]) => paths.article(id)));
      results.forEach((r, i) =>
        expect(r.score, `${query}: ${r.url}`).toBeCloseTo(expected[i]?.[1] ?? NaN, 3),
      );
    }
    // The search box shows them in that order.
    await search(page, 'talks');
    await expect(page.locator('.pagefind-ui__message')).toHaveText('3 results for talks');
    const links = page.locator('.pagefind-ui__result-link');
    await expect(links).toHaveCount(3);
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual(
      ONE_INDEX.talks?.map(([id]) => paths.article(id)),
    );
    // No "Pagefind scored … recomputed …" warning: the scoring replica matched Pagefind's own.
    expect(problems).toEqual([]);
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
