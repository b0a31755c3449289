import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { FONT_FAMILIES, rangeIncludes } from '../../src/lib/site/fonts';
import { findBrokenLinks, listFiles } from '../helpers/dist';
import { ARTICLE_ID, builtFile, paths, siteUrl } from '../helpers/site';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/**
 * The example archive's articles with pictures (a lead photograph and a figure; a post with its
 * saved photo), which the real site does not have yet: `npm run test:e2e` builds both.
 */
const FIXTURES_DIST = fileURLToPath(new URL('../../dist-fixtures/', import.meta.url));
const PHOTO_PAGES = ['fixture-harvest-festival', 'fixture-embassy-visit'].map(
  (id) => FIXTURES_DIST + builtFile(paths.article(id)),
);
const pages = listFiles(DIST).filter((file) => file.endsWith('.html'));

interface NuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
}

/**
 * Two known limits of the Nu checker's CSP emulation, accepted only where we prove it wrong:
 * - it cannot compute hashes, so it reports every inline <style> after a CSP <meta> as blocked,
 *   even when the policy allows it by its exact sha256 (as Astro's does): accepted only for
 *   pages whose every inline style we have proved is allowed (see the next test);
 * - it treats a JSON-LD data block as an inline script, which CSP does not govern (browsers do
 *   not execute it): accepted only for pages whose every inline script is JSON-LD.
 * - it checks files, whose origin is file:, which 'self' never matches in its emulation, so it
 *   reports the search page's own Pagefind stylesheet and script, and every picture, as blocked:
 *   accepted only for a root-relative URL of a file that exists in the page's own build, on a
 *   page whose policy for that directive (or default-src) has 'self' (search.spec.ts and
 *   archive/photos.spec.ts prove Chromium loads them under that policy).
 * Each message must be worded exactly as the checker words that limitation.
 */
const NU_CANNOT_HASH =
  /^Inline style violates Content Security Policy \(meta tag\): blocked by “style-src” directive \(missing “‘unsafe-inline’” or nonce\/hash\)\.$/;
const NU_DATA_BLOCK =
  /^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src” directive \(missing “‘unsafe-inline’” or nonce\/hash\)\.$/;

const NU_FILE_ORIGIN =
  /^Resource violates Content Security Policy \(meta tag\): (?:external stylesheet|external script|image) “(\/[^”]*)” blocked by “(style-src|script-src|img-src)” directive\.$/;

/** @param root the build the page belongs to: dist/ or dist-fixtures/ */
function ownFileAllowedBySelf(html: string, message: string, root: string): boolean {
  const match = NU_FILE_ORIGIN.exec(message);
  if (!match) return false;
  const [, path = '', directive = ''] = match;
  const { document } = parseHTML(html);
  const policy =
    document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
  const sources = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return (
    !path.startsWith('//') &&
    existsSync(join(root, decodeURIComponent(path.slice(1)))) &&
    (sources?.includes("'self'") ?? false)
  );
}

function inlineScriptsAreDataOnly(html: string): boolean {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('script:not([src])')].every(
    (script) => script.getAttribute('type') === 'application/ld+json',
  );
}

function inlineStylesAllowedByHash(html: string): boolean {
  const { document } = parseHTML(html);
  const policy =
    document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
  const styleSrc = policy.split(';').find((d) => d.trim().startsWith('style-src')) ?? '';
  const hashes = new Set([...styleSrc.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]));
  return [...document.querySelectorAll('style')].every((style) =>
    hashes.has(
      createHash('sha256')
        .update(style.textContent ?? '')
        .digest('base64'),
    ),
  );
}

test.describe('validity of the built site', () => {
  test('has the page types we check', () => {
    expect(pages).toEqual(
      expect.arrayContaining([builtFile(paths.home()), '404.html', builtFile(paths.article(ARTICLE_ID))]),
    );
  });

  test('every page passes the W3C Nu HTML Checker with no error and no warning', () => {
    const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync(
      'java',
      ['-jar', vnu, '--format', 'json', '--also-check-css', ...pages.map((p) => DIST + p), ...PHOTO_PAGES],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(run.error).toBeUndefined();
    const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: NuMessage[] };
    const problems = messages.filter((m) => {
      if (m.type === 'info' && m.subType !== 'warning') return false; // plain notes, not warnings
      const page = fileURLToPath(m.url);
      const html = readFileSync(page, 'utf8');
      if (NU_CANNOT_HASH.test(m.message) && inlineStylesAllowedByHash(html)) return false;
      if (NU_DATA_BLOCK.test(m.message) && inlineScriptsAreDataOnly(html)) return false;
      if (ownFileAllowedBySelf(html, m.message, page.startsWith(FIXTURES_DIST) ? FIXTURES_DIST : DIST))
        return false;
      return true;
    });
    expect(problems.map((m) => `${m.url.replace(/^file:.*\/dist(-fixtures)?\//, '')}: ${m.message}`)).toEqual(
      [],
    );
    // The photo pages were checked too.
    expect(PHOTO_PAGES.every((page) => existsSync(page))).toBe(true);
  });

  test('every inline style is allowed by its page’s CSP by its sha256, with no unsafe-inline or unsafe-eval', () => {
    for (const page of pages) {
      const html = readFileSync(DIST + page, 'utf8');
      const { document } = parseHTML(html);
      const policy = document
        .querySelector('meta[http-equiv="content-security-policy"]')
        ?.getAttribute('content');
      expect(policy, page).toBeTruthy();
      // The keywords themselves, quoted; 'wasm-unsafe-eval' (WebAssembly only, for Pagefind on
      // /search/) is a different keyword and allows no string-to-code eval.
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(inlineStylesAllowedByHash(html), page).toBe(true);
    }
  });

  test('every link and asset on the site’s own origin resolves to a built file', () => {
    expect(findBrokenLinks(DIST, siteUrl(paths.home()))).toEqual([]);
  });

  test('every character of every page’s text is one the site’s fonts carry', () => {
    // The pages' fonts are subsets (src/lib/site/fonts.ts): a character outside them would be drawn
    // in a fallback face, in the middle of a word. Checked on the site and the example archive.
    const ranges = FONT_FAMILIES.map((family) => family.unicodeRange);
    const outside = new Map<string, Set<string>>();
    for (const dist of [DIST, FIXTURES_DIST]) {
      for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
        const { document } = parseHTML(readFileSync(dist + file, 'utf8'));
        for (const hidden of document.querySelectorAll('script, style, template')) hidden.remove();
        for (const char of document.body?.textContent ?? '') {
          const codePoint = char.codePointAt(0) ?? 0;
          if (/\s/.test(char) || ranges.some((range) => rangeIncludes(range, codePoint))) continue;
          const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} ${char}`;
          outside.set(
            name,
            (outside.get(name) ?? new Set()).add(`${dist === DIST ? 'dist' : 'dist-fixtures'}/${file}`),
          );
        }
      }
    }
    expect(
      [...outside].map(([char, files]) => `${char} in ${[...files].slice(0, 3).join(', ')}`),
      'add each to LATIN_TEXT_RANGE or HEBREW_LETTERS_RANGE in src/lib/site/fonts.ts, run `npm run fonts:subset`',
    ).toEqual([]);
  });

  test('the link check finds a broken link (it can fail)', () => {
    // A page that links to a missing article must be reported.
    const broken = findBrokenLinks(
      fileURLToPath(new URL('../fixtures/broken-links/', import.meta.url)),
      siteUrl(paths.home()),
    );
    expect(broken).toEqual([
      { from: 'index.html', link: '/_astro/fonts/missing.woff2' },
      { from: 'index.html', link: paths.article('missing') },
    ]);
  });
});
