/**
 * How a social card is rasterised: the 1200×630 image link previews (Open Graph, X, messengers)
 * show for an article. Takumi (a Rust layout and raster engine, `@takumi-rs/core`) lays out the
 * card's tree (`tree.ts`) with the site's own fonts and no system font, so a card looks the same
 * on every machine and nothing is fetched from another host; sharp cuts and encodes a photo card.
 * The cache, and drawing a build's cards ahead of their pages, are in `cache.ts`.
 *
 * Plain Node runs this module too (bench/cards.mjs, scripts/draw-cards-ahead.mjs, with Node's
 * built-in type stripping), so its runtime imports name their files with the `.ts` extension
 * (Node resolves no extensionless path) and it imports nothing that only Vite resolves.
 */
import { Renderer } from '@takumi-rs/core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './size.ts';
import type { SocialCardInput } from './input.ts';
import { cardTree, photoBandTree, type CardNode } from './tree.ts';
import { HEBREW, SANS, SERIF, fontFile } from '../site/fonts.ts';
import { fromRoot } from '../site/project-root.ts';
import { JPEG_BACKGROUND } from '../photos/sizes.ts';

/**
 * The font files a card uses: the site's families (src/lib/site/fonts.ts), as WOFF. The Hebrew face
 * (only Hebrew glyphs) comes after each Latin family in `fontFamily`, so Takumi takes a glyph from
 * it only where the Latin font has none; the card's dek needs its regular weight too.
 */
const FONT_FILES = (
  [
    [SERIF, 700],
    [SERIF, 400],
    [SANS, 400],
    [HEBREW, 700],
    [HEBREW, 400],
  ] as const
).map(([family, weight]) => ({
  name: family.name,
  weight,
  path: fromRoot(fontFile(family, weight, 'woff')),
}));

/** The card's fonts, read: each file's bytes under its family's name and weight, and their digest. */
export interface LoadedFonts {
  readonly fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
  /** SHA-256 of every font file (with its family and weight): a new font file means new cards. */
  readonly digest: string;
}

let loaded: LoadedFonts | undefined;

/** Reads the fonts once per process (a build draws many cards with them). */
export function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const hash = createHash('sha256');
  const fonts = FONT_FILES.map(({ name, weight, path }) => {
    const data = readFileSync(path);
    hash.update(`${name}:${weight}:`).update(data);
    return { name, data, weight, style: 'normal' as const };
  });
  loaded = { fonts, digest: hash.digest('hex') };
  return loaded;
}

/** The one renderer of this process, with the card's fonts registered (a build draws many cards). */
let renderer: Promise<Renderer> | undefined;

function cardRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const created = new Renderer();
    for (const font of loadFonts().fonts) await created.registerFont(font);
    return created;
  })();
  return renderer;
}

/**
 * Takumi lays out the tree and rasterises it, on libuv's thread pool (the JavaScript thread is
 * free meanwhile): PNG bytes. Its encoder writes an indexed (palette) PNG when the picture has at
 * most 256 colours, which a text card has (flat colours and the anti-aliased edges between
 * them, about 90), so the palette loses nothing; the photo band, with its gradient and
 * transparency, comes out as RGBA.
 */
async function rasterise(tree: CardNode): Promise<Buffer> {
  return (await cardRenderer()).render(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'png' });
}

/**
 * JPEG quality of a photo card (mozjpeg). 75 keeps the headline's edges clean on the dark band
 * and a card at 35–46 kB on the bench's photographs (82 made 42–64 kB); see bench/README.md,
 * "Social cards".
 */
export const PHOTO_CARD_QUALITY = 75;

/**
 * Draws a social card, without the cache, exactly {@link CARD_WIDTH}×{@link CARD_HEIGHT} px: from
 * the text alone, PNG bytes (indexed colour); from the lead photograph (`input.photo`), JPEG
 * bytes: the photo cut to 1200×630 where its subject is, under the headline band. Both the
 * drawing (Takumi) and the photo's crop and encoding (sharp) run off the JavaScript thread.
 * @throws an error naming the card's headline and what went wrong (a photo sharp cannot read, …)
 * @example const png = await renderSocialCard({ headline: 'Azerbaijan opens embassy in Israel',
 *   dek: 'The two nations’ foreign ministers met…', section: 'World', date: 'March 29, 2023', siteTitle: 'JNS Wire' });
 */
export async function renderSocialCard(input: SocialCardInput): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const { photo } = input;
    if (!photo) return new Uint8Array(await rasterise(cardTree(input)));
    const band = await rasterise(photoBandTree({ ...input, photo }));
    const jpeg = await sharp(photo.file)
      .rotate()
      .resize(CARD_WIDTH, CARD_HEIGHT, { fit: 'cover', position: photo.position })
      // JPEG has no alpha: a transparent PNG, WebP or AVIF goes on white, not black.
      .flatten({ background: JPEG_BACKGROUND })
      .composite([{ input: band }])
      .jpeg({ quality: PHOTO_CARD_QUALITY, mozjpeg: true })
      .toBuffer();
    return new Uint8Array(jpeg);
  } catch (error) {
    const what = input.photo ? `from the photograph ${input.photo.file}` : 'from its text';
    throw new Error(
      `social card "${input.headline}" (${what}) could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
