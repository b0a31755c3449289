import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SITE_SCOPE } from '../../src/lib/feed/scopes';
import { headersFor, parseHeadersFile } from '../helpers/headers';
import { ARTICLE_ID, paths } from '../helpers/site';
import { recordForeignRequests } from '../helpers/browser';

// The last is no page of the site at all: the 404 page.
const PAGES = [paths.home(), paths.article(ARTICLE_ID), paths.section('world'), '/no-such-page/'];
const rules = parseHeadersFile(readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8'));

test.describe('privacy', () => {
  for (const path of PAGES) {
    test(`${path} asks no host but the site’s own for anything`, async ({ page, baseURL }) => {
      const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
      await page.goto(path, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      expect(foreign).toEqual([]);
    });
  }
});

test.describe('security headers', () => {
  test('_headers sends the full set a static host should send', () => {
    const page = headersFor(rules, paths.article(ARTICLE_ID));
    expect(page['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(page['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    // Hosts merge every matching rule: a script-src (or default-src) here would also bind /search/
    // and its Pagefind worker, and block the search. Each page's <meta> policy limits scripts.
    expect(headersFor(rules, paths.search())['content-security-policy']).not.toMatch(
      /script-src|default-src/,
    );
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page['permissions-policy']).toMatch(/camera=\(\)/);
    expect(page['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    expect(headersFor(rules, '/_astro/fonts/a.woff2')['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersFor(rules, paths.feed(SITE_SCOPE, 'rss'))['content-type']).toBe(
      'application/rss+xml; charset=utf-8',
    );
    // Pages themselves are not cached as immutable: a corrected article must reach readers.
    expect(page['cache-control']).toBeUndefined();
  });

  for (const path of PAGES) {
    test(`${path} renders under the header policy and its own <meta> policy with no violation`, async ({
      page,
    }) => {
      // Serve every response with the headers from _headers, as Netlify or Cloudflare Pages would.
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const url = new URL(route.request().url());
        await route.fulfill({
          response,
          headers: { ...response.headers(), ...headersFor(rules, url.pathname) },
        });
      });
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportViolation(v: string): void }).reportViolation(
            `${e.violatedDirective} ${e.blockedURI}`,
          ),
        );
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      expect(violations).toEqual([]);
      // The page's own styles applied (they are inline, allowed by hash): the layout is there.
      const measure = await page
        .locator('main > *')
        .first()
        .evaluate((el) => getComputedStyle(el).maxWidth);
      expect(measure).not.toBe('none');
    });
  }
});
