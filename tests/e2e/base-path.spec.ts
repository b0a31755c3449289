import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { productionBuild } from '../helpers/build';
import { findBrokenLinks } from '../helpers/dist';
import { NS, parseXml } from '../helpers/xml';

// A GitHub Pages project site is served under a path: https://user.github.io/news/.
const SITE = 'https://user.github.io';
const BASE = '/news/';

test.describe('a build under a base path', () => {
  test.describe.configure({ timeout: 180_000 });
  let out: string;

  test.beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'news-base-'));
    // The real production build (Astro, then the search index), as a deploy would run it.
    const build = productionBuild({ outDir: out, env: { SITE_URL: SITE, BASE_PATH: BASE } });
    expect(build.status, build.output).toBe(0);
  });
  test.afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('every link, asset and feed URL on the site resolves under the base path', () => {
    expect(findBrokenLinks(out, `${SITE}${BASE}`)).toEqual([]);
  });

  test('pages, canonical URLs, fonts and the feed all carry the base path', () => {
    const html = readFileSync(join(out, 'articles/azerbaijan-opens-embassy-in-israel/index.html'), 'utf8');
    const { document } = parseHTML(html);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${SITE}${BASE}articles/azerbaijan-opens-embassy-in-israel/`,
    );
    expect(document.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe(
      `${SITE}${BASE}rss.xml`,
    );
    for (const el of document.querySelectorAll('link[rel="preload"], link[rel="icon"], a[href^="/"]')) {
      expect(el.getAttribute('href')).toMatch(new RegExp(`^${BASE}`));
    }
    for (const [, url] of html.matchAll(/url\("?([^")]+)"?\)/g)) expect(url).toMatch(new RegExp(`^${BASE}`));

    const feed = parseXml(readFileSync(join(out, 'rss.xml'), 'utf8'));
    expect(feed.getElementsByTagNameNS(NS.atom, 'link')[0]?.getAttribute('href')).toBe(
      `${SITE}${BASE}rss.xml`,
    );
    expect(feed.getElementsByTagName('link')[0]?.textContent).toBe(`${SITE}${BASE}`);
    expect(feed.getElementsByTagName('item')[0]?.getElementsByTagName('link')[0]?.textContent).toBe(
      `${SITE}${BASE}articles/azerbaijan-opens-embassy-in-israel/`,
    );
  });
});
