/**
 * A social card's cache key: everything its pixels depend on, so that equal keys mean the same
 * card and a cached card can stand in for a render (see `cache.ts`). Changing what goes in here
 * renames every cached card; tests/unit/social-card.test.ts pins it.
 *
 * Plain Node runs this module too (scripts/draw-cards-ahead.mjs), so runtime imports carry `.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SocialCardInput } from './input.ts';
import { loadFonts } from './raster.ts';
import { paperColours } from './tree.ts';
import { fileDigest } from '../build-cache/file-digest.ts';
import { cardDarkColours } from '../site/design-tokens.ts';
import { fromRoot } from '../site/project-root.ts';

/**
 * The design's version, part of every cache key. Bump it whenever the layout (`tree.ts`), sizes or encoding
 * (`raster.ts`) change, so no build serves a card drawn by the old design. (The colour tokens, the font
 * files and the versions of Takumi and sharp are hashed into the key on their own; they need no
 * bump.) 2: drawn by Takumi instead of satori + resvg, PNG in indexed colour, JPEG at quality 75.
 * 3: a photograph with transparency is put on white (it was black); a photo card's credit stays
 * on one line, ellipsized (short credits are drawn as in 2). 4: the same, after both changes
 * were drawn as 3 in separate branches. 5: a credit that says what it credits ("AP Photo/…",
 * "Courtesy of …") is drawn as written, without "Photo: " before it (`creditLine`); other
 * credits are drawn as in 4.
 */
export const CARD_VERSION = 5;

/** The libraries that draw and encode a card, by version: an upgrade may change pixels, so they are in the key. */
let rendererVersions: { '@takumi-rs/core': string; sharp: string } | undefined;

/** A dependency's installed version, read from its package.json (an upgrade may draw differently). */
function packageVersion(name: string): string {
  const json: unknown = JSON.parse(readFileSync(fromRoot(`./node_modules/${name}/package.json`), 'utf8'));
  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * What a card's cache key is made of, as JSON: {@link CARD_VERSION}, the renderers' versions, the
 * font files' digest, the colours, the input's fields in a fixed order, and for a photo card the
 * photograph's digest, crop and credit and the band's colours. Equal keys mean the same pixels.
 */
export function socialCardKey(input: SocialCardInput): string {
  rendererVersions ??= {
    '@takumi-rs/core': packageVersion('@takumi-rs/core'),
    sharp: packageVersion('sharp'),
  };
  // A fixed field order (not the caller's object), so equal inputs always give equal JSON.
  const fields = [input.headline, input.dek, input.section, input.date, input.siteTitle];
  const photo = input.photo && {
    bytes: fileDigest(input.photo.file),
    position: input.photo.position,
    credit: input.photo.credit,
    band: cardDarkColours(),
  };
  return JSON.stringify({
    version: CARD_VERSION,
    renderers: rendererVersions,
    fonts: loadFonts().digest,
    colours: paperColours(),
    fields,
    photo,
  });
}

/**
 * The cache key of a card: SHA-256 (hex) of {@link socialCardKey}, so a cached card can stand in
 * for a render.
 * @example socialCardHash({ headline: 'A', dek: 'B', section: 'World', date: 'March 29, 2023', siteTitle: 'JNS Wire' })
 * // '3f1c…' (64 hex digits)
 */
export function socialCardHash(input: SocialCardInput): string {
  return createHash('sha256').update(socialCardKey(input)).digest('hex');
}
