import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  renderSocialCard,
  socialCard,
  socialCardCacheDir,
  socialCardHash,
  type SocialCardInput,
} from '../../src/lib/social-card';

/** A real render takes a few hundred milliseconds, more while fonts and the layout engine load. */
const RENDER_TIMEOUT = 30_000;

const article: SocialCardInput = {
  headline: 'Azerbaijan opens embassy in Israel',
  dek: 'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
  section: 'World',
  date: 'March 29, 2023',
  siteTitle: 'JNS Wire',
};

/** Width and height from a PNG's IHDR chunk, after checking the signature: no image library needed. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  // The first chunk: 4-byte length (13), type "IHDR", then width and height, big-endian.
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The real renderer, counting its calls: a cache hit must not call it. */
function countingRenderer() {
  return vi.fn((input: SocialCardInput) => renderSocialCard(input));
}

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'news-cards-test-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('renderSocialCard', () => {
  it(
    'draws a 1200×630 PNG',
    async () => {
      const png = await renderSocialCard(article);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
    },
    RENDER_TIMEOUT,
  );

  it(
    'draws Hebrew with real glyphs',
    async () => {
      // Two names of the same shape (three letters, a space, three letters), so layout and bidi
      // are the same. Without a Hebrew font every letter is the same "missing glyph" box and the two
      // PNGs are byte for byte equal (checked once by taking the Hebrew font out); drawn with real
      // glyphs, they differ.
      const guest = ' hosts his Azerbaijani guest';
      const hebrew = await renderSocialCard({ ...article, headline: `אלי כהן${guest}` });
      const other = await renderSocialCard({ ...article, headline: `בגד שטף${guest}` });
      expect(pngSize(hebrew)).toEqual({ width: 1200, height: 630 });
      expect(Buffer.from(hebrew).equals(Buffer.from(other))).toBe(false);
    },
    RENDER_TIMEOUT,
  );

  it(
    'fits a headline of the longest allowed length (150 characters) and one beyond it',
    async () => {
      const long = 'Ministers from eleven countries meet in Jerusalem to discuss water, trade, energy and ';
      for (const headline of [long.repeat(2).slice(0, 150), long.repeat(4)]) {
        expect(pngSize(await renderSocialCard({ ...article, headline }))).toEqual({
          width: 1200,
          height: 630,
        });
      }
    },
    RENDER_TIMEOUT,
  );
});

describe('socialCardHash', () => {
  it('is a SHA-256 that changes with any field and not with the order of the keys', () => {
    const hash = socialCardHash(article);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const { siteTitle, date, section, dek, headline } = article;
    expect(socialCardHash({ siteTitle, date, section, dek, headline })).toBe(hash);
    expect(socialCardHash({ ...article, headline: 'Azerbaijan opens embassy in Israel.' })).not.toBe(hash);
    expect(socialCardHash({ ...article, dek: `${article.dek} ` })).not.toBe(hash);
    expect(socialCardHash({ ...article, section: 'Israel' })).not.toBe(hash);
    expect(socialCardHash({ ...article, date: 'March 30, 2023' })).not.toBe(hash);
    expect(socialCardHash({ ...article, siteTitle: 'Another Wire' })).not.toBe(hash);
  });

  it('does not confuse text moved between fields', () => {
    const a = socialCardHash({ ...article, headline: 'A', dek: 'B C' });
    const b = socialCardHash({ ...article, headline: 'A B', dek: 'C' });
    expect(a).not.toBe(b);
  });
});

describe('socialCard (cached)', () => {
  it(
    'renders once; the same input again is read from the cache without rendering',
    async () => {
      const render = countingRenderer();
      const first = await socialCard(article, { cacheDir, render });
      expect(render).toHaveBeenCalledTimes(1);
      const file = join(cacheDir, `${socialCardHash(article)}.png`);
      const written = await stat(file);

      const second = await socialCard({ ...article }, { cacheDir, render });
      expect(render).toHaveBeenCalledTimes(1); // a hit: no render
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
      expect(pngSize(second)).toEqual({ width: 1200, height: 630 });
      expect((await stat(file)).mtimeMs).toBe(written.mtimeMs); // not rewritten
      // Written through a temporary file, of which nothing is left.
      expect(await readdir(cacheDir)).toEqual([`${socialCardHash(article)}.png`]);
    },
    RENDER_TIMEOUT,
  );

  it(
    'renders again when the headline changes, into a second file',
    async () => {
      const png = await renderSocialCard(article);
      const render = vi.fn(() => Promise.resolve(png));
      await socialCard(article, { cacheDir, render });
      const changed = { ...article, headline: 'Azerbaijan opens an embassy in Israel' };
      await socialCard(changed, { cacheDir, render });
      expect(render).toHaveBeenCalledTimes(2);
      expect(render).toHaveBeenLastCalledWith(changed);
      expect((await readdir(cacheDir)).sort()).toEqual(
        [`${socialCardHash(article)}.png`, `${socialCardHash(changed)}.png`].sort(),
      );
    },
    RENDER_TIMEOUT,
  );

  it(
    'renders again over a cache file that is not a PNG',
    async () => {
      const png = await renderSocialCard(article);
      const render = vi.fn(() => Promise.resolve(png));
      await writeFile(join(cacheDir, `${socialCardHash(article)}.png`), 'not a png');
      expect(Buffer.from(await socialCard(article, { cacheDir, render })).equals(Buffer.from(png))).toBe(
        true,
      );
      expect(render).toHaveBeenCalledTimes(1);
      // And the repaired file is a hit next time.
      await socialCard(article, { cacheDir, render });
      expect(render).toHaveBeenCalledTimes(1);
    },
    RENDER_TIMEOUT,
  );

  it('keeps its cache in NEWS_CARD_CACHE_DIR when set, else in node_modules/.cache/news-cards/', () => {
    expect(socialCardCacheDir({ cacheDir: '/x' })).toBe('/x');
    vi.stubEnv('NEWS_CARD_CACHE_DIR', cacheDir);
    expect(socialCardCacheDir()).toBe(cacheDir);
    vi.stubEnv('NEWS_CARD_CACHE_DIR', undefined);
    expect(socialCardCacheDir()).toBe(join(process.cwd(), 'node_modules/.cache/news-cards/'));
  });
});
