import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as designTokens from '../../src/lib/site/design-tokens';
import { cardColours } from '../../src/lib/site/design-tokens';
import type * as fonts from '../../src/lib/site/fonts';
import { prepareSocialCards, socialCard, socialCardCacheDir } from '../../src/lib/cards/cache';
import type { SocialCardInput } from '../../src/lib/cards/input';
import { CARD_VERSION, socialCardHash, socialCardKey } from '../../src/lib/cards/key';
import { renderSocialCard } from '../../src/lib/cards/raster';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/lib/cards/size';
import { jpegSize, pngHeader, pngSize } from '../helpers/image-size';

/** A render takes a few milliseconds, more while the fonts load. */
const RENDER_TIMEOUT = 30_000;

/**
 * What a card may weigh: the budget for a text card (the real article's is about 18 kB,
 * an indexed-colour PNG; drawn as a full-colour PNG it was 57 kB), and the site's 60 KB for a
 * photo card.
 */
const TEXT_CARD_BUDGET = 25_000;
const PHOTO_CARD_BUDGET = 60_000;

/** The real article's card. */
const article: SocialCardInput = {
  headline: 'Azerbaijan opens embassy in Israel',
  dek: 'The two nations’ foreign ministers met in Jerusalem ahead of the legation’s inauguration.',
  section: 'World',
  date: 'March 29, 2023',
  siteTitle: 'JNS Wire',
};

/** The example archive's lead photograph. */
const PHOTO = {
  file: join(process.cwd(), 'tests/fixtures/archive/fixture-harvest-festival/lead.jpg'),
  position: 'bottom',
  credit: 'Miriam Levi/JNS',
};

/** A card's pixels as greys (0 black … 255 white), row by row. */
async function greys(png: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await sharp(png).greyscale().raw().toBuffer());
}

/** The box around the dark pixels (text on the paper) within rows `top` to `bottom`. */
function inkBox(pixels: Uint8Array, top: number, bottom: number) {
  let left = CARD_WIDTH;
  let right = -1;
  let count = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < CARD_WIDTH; x++) {
      if ((pixels[y * CARD_WIDTH + x] ?? 255) < 128) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        count++;
      }
    }
  }
  return { left, right, count };
}

/** The box around the light pixels (the photo band's text) within rows `top` to `bottom`. */
function lightBox(pixels: Uint8Array, top: number, bottom: number) {
  let [first, last, left, right] = [bottom, -1, CARD_WIDTH, -1];
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < CARD_WIDTH; x++) {
      if ((pixels[y * CARD_WIDTH + x] ?? 0) > 128) {
        first = Math.min(first, y);
        last = Math.max(last, y);
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  return { top: first, bottom: last, left, right };
}

/** Mean absolute difference of two cards' greys over columns `left`…`right` of rows `top`…`bottom`. */
function meanDifference(
  a: Uint8Array,
  b: Uint8Array,
  box: { left: number; right: number },
  rows: [number, number],
) {
  let sum = 0;
  let n = 0;
  for (let y = rows[0]; y < rows[1]; y++) {
    for (let x = box.left; x <= box.right; x++) {
      sum += Math.abs((a[y * CARD_WIDTH + x] ?? 0) - (b[y * CARD_WIDTH + x] ?? 0));
      n++;
    }
  }
  return sum / n;
}

/** The real renderer, counting its calls: a cache hit must not call it. */
function countingRenderer() {
  return vi.fn((input: SocialCardInput) => renderSocialCard(input));
}

let cacheDir: string;

/**
 * Waits until each named card is in the cache. A card is written to a temp file and renamed, so
 * its own name appears only once it is whole; counting the folder's entries would count a temp
 * file of a card still being written (issue 18).
 */
async function cardsStored(names: readonly string[]): Promise<void> {
  await vi.waitFor(
    async () => {
      for (const name of names) await stat(join(cacheDir, name));
    },
    { timeout: RENDER_TIMEOUT, interval: 20 },
  );
}
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'news-cards-test-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
  vi.doUnmock('../../src/lib/site/design-tokens');
  vi.doUnmock('../../src/lib/site/fonts');
  vi.resetModules();
});

describe('renderSocialCard', () => {
  it(
    'draws the real article as a 1200×630 PNG in indexed colour, within the budget',
    async () => {
      const png = await renderSocialCard(article);
      expect(pngHeader(png)).toEqual({ width: 1200, height: 630, colourType: 3 });
      expect([CARD_WIDTH, CARD_HEIGHT]).toEqual([1200, 630]);
      expect(png.length).toBeLessThanOrEqual(TEXT_CARD_BUDGET);
    },
    RENDER_TIMEOUT,
  );

  it(
    'cuts a photo card from the lead photograph: a 1200×630 JPEG, within the budget',
    async () => {
      const jpeg = await renderSocialCard({ ...article, photo: PHOTO });
      expect(jpegSize(jpeg)).toEqual({ width: 1200, height: 630 });
      expect(jpeg.length).toBeLessThanOrEqual(PHOTO_CARD_BUDGET);
    },
    RENDER_TIMEOUT,
  );

  it(
    'keeps a 100-character photo credit on the band’s one line, cut with an ellipsis, moving nothing else',
    async () => {
      const credit =
        'Miriam Levi-Abergel for the Jewish News Syndicate, with additional reporting and photography by Yossi'.slice(
          0,
          100,
        );
      expect(credit).toHaveLength(100);
      const short = await greys(await renderSocialCard({ ...article, photo: PHOTO }));
      const long = await greys(await renderSocialCard({ ...article, photo: { ...PHOTO, credit } }));
      // The band's last row (site, date, credit): light text on the dark band, from row 540 down.
      const rowOf = (pixels: Uint8Array) => lightBox(pixels, 540, CARD_HEIGHT);
      const [shortRow, longRow] = [rowOf(short), rowOf(long)];
      // One line, where the short credit's is: two lines of 22 px text would be over 50 px tall.
      expect(Math.abs(longRow.top - shortRow.top)).toBeLessThanOrEqual(1);
      expect(longRow.bottom - longRow.top).toBeLessThan(30);
      // Within the band's 72 px right padding.
      expect(longRow.right).toBeLessThanOrEqual(CARD_WIDTH - 72);
      // The section and headline above it have not moved (JPEG noise only) …
      expect(meanDifference(short, long, { left: 0, right: CARD_WIDTH - 1 }, [0, 540])).toBeLessThan(1);
      // … nor the site and date on its left, which the credit must not squeeze onto two lines.
      expect(meanDifference(short, long, { left: 72, right: 300 }, [540, CARD_HEIGHT])).toBeLessThan(1);
    },
    RENDER_TIMEOUT,
  );

  it(
    'draws Hebrew with its own glyphs, right to left',
    async () => {
      // Three headlines of the same length class, so they are set at the same size in the same
      // place. "אלי כהן" (Eli Cohen) is read right to left: its first word, אלי, stands on the
      // right, so the word at the left edge is כהן, drawn exactly as כהן alone is.
      const name = await greys(await renderSocialCard({ ...article, headline: 'אלי כהן' }));
      const cohen = await greys(await renderSocialCard({ ...article, headline: 'כהן' }));
      const eli = await greys(await renderSocialCard({ ...article, headline: 'אלי' }));
      // The headline's line: below the section label (rows 211–226), above the dek (from 368).
      const rows: [number, number] = [240, 355];
      const word = inkBox(cohen, ...rows);
      // At the text column's left edge (80 px), give or take the glyph's side bearing.
      expect(word.left).toBeGreaterThanOrEqual(80);
      expect(word.left).toBeLessThan(90);
      expect(word.count).toBeGreaterThan(1500); // glyphs, not a hairline or nothing
      // The left word of the name is כהן, pixel for pixel (mean difference under 1 of 255) …
      expect(meanDifference(name, cohen, word, rows)).toBeLessThan(1);
      // … and not אלי, nor the same box drawn for every missing glyph.
      expect(meanDifference(eli, cohen, word, rows)).toBeGreaterThan(20);
      // Both words are there: the name is wider than either word.
      expect(inkBox(name, ...rows).right).toBeGreaterThan(
        Math.max(word.right, inkBox(eli, ...rows).right) + 40,
      );
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

  it(
    'names the card and the photograph when the photograph cannot be read',
    async () => {
      const file = join(cacheDir, 'not-a-photo.jpg');
      await writeFile(file, 'not a JPEG');
      await expect(renderSocialCard({ ...article, photo: { ...PHOTO, file } })).rejects.toThrow(
        `social card "Azerbaijan opens embassy in Israel" (from the photograph ${file}) could not be drawn: `,
      );
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
    expect(socialCardHash({ ...article, photo: PHOTO })).not.toBe(hash);
    expect(socialCardHash({ ...article, photo: { ...PHOTO, position: 'top' } })).not.toBe(
      socialCardHash({ ...article, photo: PHOTO }),
    );
  });

  it('does not confuse text moved between fields', () => {
    const a = socialCardHash({ ...article, headline: 'A', dek: 'B C' });
    const b = socialCardHash({ ...article, headline: 'A B', dek: 'C' });
    expect(a).not.toBe(b);
  });

  it('keys the design version, the renderers’ versions, the font files and the colours of global.css', () => {
    const key: unknown = JSON.parse(socialCardKey(article));
    const tokens = cardColours();
    expect(key).toMatchObject({
      version: CARD_VERSION,
      renderers: {
        '@takumi-rs/core': expect.stringMatching(/^\d+\.\d+\.\d+/),
        sharp: expect.stringMatching(/^\d+\.\d+\.\d+/),
      },
      fonts: expect.stringMatching(/^[0-9a-f]{64}$/),
      colours: {
        paper: tokens['--color-bg'],
        ink: tokens['--color-text'],
        muted: tokens['--color-muted'],
        rule: tokens['--color-rule'],
        accent: tokens['--color-accent'],
      },
    });
  });

  it('changes when a colour token of global.css changes', async () => {
    const before = socialCardHash(article);
    vi.resetModules();
    vi.doMock('../../src/lib/site/design-tokens', async (importOriginal) => {
      const real = await importOriginal<typeof designTokens>();
      return { ...real, cardColours: () => ({ ...real.cardColours(), '--color-accent': '#000000' }) };
    });
    const { socialCardHash: hashWithOtherColours } = await import('../../src/lib/cards/key');
    expect(hashWithOtherColours(article)).not.toBe(before);
  });

  it('changes when a font file changes', async () => {
    const before = socialCardHash(article);
    vi.resetModules();
    vi.doMock('../../src/lib/site/fonts', async (importOriginal) => {
      const real = await importOriginal<typeof fonts>();
      // The bold serif's file swapped for the regular one: other bytes under the same name.
      return {
        ...real,
        fontFile: (...[family, , format]: Parameters<typeof real.fontFile>) =>
          real.fontFile(family, 400, format),
      };
    });
    const { socialCardHash: hashWithOtherFonts } = await import('../../src/lib/cards/key');
    expect(hashWithOtherFonts(article)).not.toBe(before);
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

describe('prepareSocialCards (drawing ahead)', () => {
  const photoCard = { ...article, photo: PHOTO };

  it(
    'draws the cards into the cache before their pages ask, and the pages then draw nothing',
    async () => {
      const render = countingRenderer();
      prepareSocialCards([article, photoCard], { cacheDir, render });
      // Nothing asked for a card yet: both are drawn all the same, each once.
      await cardsStored([`${socialCardHash(article)}.png`, `${socialCardHash(photoCard)}.jpg`]);
      expect(render).toHaveBeenCalledTimes(2);
      expect((await readdir(cacheDir)).sort()).toEqual(
        [`${socialCardHash(article)}.png`, `${socialCardHash(photoCard)}.jpg`].sort(),
      );

      const png = await socialCard(article, { cacheDir, render });
      const jpeg = await socialCard(photoCard, { cacheDir, render });
      expect(render).toHaveBeenCalledTimes(2);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(jpegSize(jpeg)).toEqual({ width: 1200, height: 630 });
      expect(Buffer.from(png).equals(await readFile(join(cacheDir, `${socialCardHash(article)}.png`)))).toBe(
        true,
      );
    },
    RENDER_TIMEOUT,
  );

  it(
    'draws a card once when its page asks while it is still being drawn, or before its turn',
    async () => {
      const render = countingRenderer();
      const cards = [1, 2, 3].map((n) => ({ ...article, headline: `${article.headline} (${n})` }));
      prepareSocialCards(cards, { cacheDir, render });
      // The last one is asked for first: its page starts it rather than wait for its turn.
      const pngs = await Promise.all(
        [...cards].reverse().map((card) => socialCard(card, { cacheDir, render })),
      );
      await cardsStored(cards.map((card) => `${socialCardHash(card)}.png`));
      expect((await readdir(cacheDir)).sort()).toEqual(
        cards.map((card) => `${socialCardHash(card)}.png`).sort(),
      );
      expect(render).toHaveBeenCalledTimes(3);
      for (const png of pngs) expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    },
    RENDER_TIMEOUT,
  );

  it(
    'leaves a cached card as it is',
    async () => {
      await socialCard(article, { cacheDir });
      const render = countingRenderer();
      prepareSocialCards([article], { cacheDir, render });
      expect(Buffer.from(await socialCard(article, { cacheDir, render })).length).toBeGreaterThan(0);
      expect(render).not.toHaveBeenCalled();
    },
    RENDER_TIMEOUT,
  );

  it(
    'fails the card’s page with the error of a card that could not be drawn ahead',
    async () => {
      const broken = { ...article, headline: 'A card that cannot be drawn' };
      const render = vi.fn(() =>
        Promise.reject(new Error('social card "A card that cannot be drawn": broken')),
      );
      prepareSocialCards([broken], { cacheDir, render });
      await vi.waitFor(() => expect(render).toHaveBeenCalledTimes(1));
      await expect(socialCard(broken, { cacheDir, render })).rejects.toThrow(
        'social card "A card that cannot be drawn": broken',
      );
      expect(render).toHaveBeenCalledTimes(1); // its error, not a second try
      expect(await readdir(cacheDir)).toEqual([]); // nothing half-written
    },
    RENDER_TIMEOUT,
  );
});
