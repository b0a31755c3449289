/**
 * Social card images: the 1200×630 PNG that link previews (Open Graph, X, messengers) show for an
 * article. Drawn at build time from the headline, dek, section and date with the site's own fonts
 * (satori lays out and turns text into SVG paths, resvg rasterises), so a card looks the same on
 * every machine and nothing is fetched from another host.
 *
 * A render costs roughly 50–400 ms per card, so finished cards are kept in a content-addressed
 * cache: an article whose card inputs did not change costs a file read (about 1 ms) on the next build.
 */
import { Resvg } from '@resvg/resvg-js';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import satori from 'satori';
import sharp from 'sharp';
import { cardColours, cardDarkColours } from './design-tokens';
import { HEBREW, SANS, SERIF, fontFile } from './fonts';

import { CARD_HEIGHT, CARD_WIDTH } from './card-size';

export { CARD_HEIGHT, CARD_WIDTH };

/**
 * The design's version, part of every cache key. Bump it whenever the layout or sizes below
 * change, so no build serves a card drawn by the old design. (The colour tokens, the font files
 * and the versions of satori and resvg are hashed into the key on their own; they need no bump.)
 */
export const CARD_VERSION = 1;

/** What a card shows; every field is plain text, already formatted for readers. */
export interface SocialCardInput {
  /** e.g. "Azerbaijan opens embassy in Israel" */
  readonly headline: string;
  /** The standfirst, e.g. "The two nations’ foreign ministers met in Jerusalem…" */
  readonly dek: string;
  /** The section's label as readers see it, e.g. "World" (shown uppercase). */
  readonly section: string;
  /** The date as readers say it, e.g. "March 29, 2023" (see `formatDate`). */
  readonly date: string;
  /** The publication's name, e.g. "JNS Wire". */
  readonly siteTitle: string;
  /**
   * The lead photograph, when the article has one: the card is then the photo, cropped to
   * 1200×630, with the headline on a dark band across its foot (a JPEG). Without it, the card is
   * drawn from the text alone (a PNG).
   */
  readonly photo?: CardPhoto | undefined;
}

/** The photograph a photo card is cut from. */
export interface CardPhoto {
  /** The image file, an absolute path. */
  readonly file: string;
  /** Where the crop keeps the subject, as sharp names it ("centre", "left top", …). */
  readonly position: string;
  /** Who took it, shown small on the band: "Miriam Levi/JNS". */
  readonly credit: string;
}

/** Where cached cards live, and how a missing one is drawn (tests pass a counting renderer). */
export interface SocialCardOptions {
  /**
   * Cache folder. Default: the `NEWS_CARD_CACHE_DIR` environment variable if set, else
   * `node_modules/.cache/news-cards/` under the project root (kept between local builds, and
   * where CI caches usually look; deleting it is always safe).
   */
  readonly cacheDir?: string;
  /** Draws a card that is not cached. Default: {@link renderSocialCard}. */
  readonly render?: (input: SocialCardInput) => Promise<Uint8Array>;
}

/** The card's colours: the light scheme's tokens from global.css (see `design-tokens.ts`). */
function colours() {
  const tokens = cardColours();
  return {
    paper: tokens['--color-bg'],
    ink: tokens['--color-text'],
    muted: tokens['--color-muted'],
    rule: tokens['--color-rule'],
    accent: tokens['--color-accent'],
  };
}

/** The project root: Astro builds (and Vitest runs) from there, while bundling moves `import.meta.url`. */
const root = pathToFileURL(`${process.cwd()}/`);
const fromRoot = (path: string): string => fileURLToPath(new URL(path, root));

/**
 * The font files a card uses: the site's families (src/lib/fonts.ts), as WOFF, not WOFF2, since
 * satori's font parser reads TTF, OTF and WOFF only. The Hebrew face (only Hebrew glyphs) comes
 * after each Latin family in `fontFamily`, so satori takes a glyph from it only where the Latin
 * font has none; the card's dek needs its regular weight too.
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

interface LoadedFonts {
  readonly fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[];
  /** SHA-256 of every font file and of the renderer versions: a new font or library means new cards. */
  readonly digest: string;
}

let loaded: LoadedFonts | undefined;

/** Reads the fonts once per process (a build draws many cards with them). */
function loadFonts(): LoadedFonts {
  if (loaded) return loaded;
  const hash = createHash('sha256');
  const fonts = FONT_FILES.map(({ name, weight, path }) => {
    const data = readFileSync(path);
    hash.update(`${name}:${weight}:`).update(data);
    return { name, data, weight, style: 'normal' as const };
  });
  for (const pkg of ['satori', '@resvg/resvg-js']) {
    hash.update(`${pkg}@${packageVersion(pkg)}`);
  }
  loaded = { fonts, digest: hash.digest('hex') };
  return loaded;
}

/** A dependency's installed version, read from its package.json (an upgrade may draw differently). */
function packageVersion(name: string): string {
  const json: unknown = JSON.parse(readFileSync(fromRoot(`./node_modules/${name}/package.json`), 'utf8'));
  const version = typeof json === 'object' && json !== null && 'version' in json ? json.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/**
 * The cache key of a card: SHA-256 (hex) of the input, {@link CARD_VERSION}, the colours, the font files and the
 * renderer versions. Equal keys mean the same pixels, so a cached card can stand in for a render.
 * @example socialCardHash({ headline: 'A', dek: 'B', section: 'World', date: 'March 29, 2023', siteTitle: 'JNS Wire' })
 * // '3f1c…' (64 hex digits)
 */
export function socialCardHash(input: SocialCardInput): string {
  // A fixed field order (not the caller's object), so equal inputs always give equal JSON.
  const fields = [input.headline, input.dek, input.section, input.date, input.siteTitle];
  // A photo card changes with the photo's bytes, its crop and credit, and the band's colours.
  const photo = input.photo && {
    bytes: createHash('sha256').update(readFileSync(input.photo.file)).digest('hex'),
    position: input.photo.position,
    credit: input.photo.credit,
    band: cardDarkColours(),
  };
  return createHash('sha256')
    .update(
      JSON.stringify({ version: CARD_VERSION, fonts: loadFonts().digest, colours: colours(), fields, photo }),
    )
    .digest('hex');
}

/** A satori element: the shape of a React element, written as a plain object (no JSX, no React). */
interface CardNode {
  readonly type: 'div';
  readonly props: {
    readonly style: Readonly<Record<string, string | number>>;
    readonly children?: CardChild;
  };
}
type CardChild = string | CardNode | readonly CardNode[];

const div = (style: Record<string, string | number>, children?: CardChild): CardNode => ({
  type: 'div',
  props: children === undefined ? { style } : { style, children },
});

/**
 * Headline size in px: large for short headlines, smaller for long ones, so that up to the schema's
 * 150 characters fit in at most four lines of the 1040 px text column (Source Serif 4 Bold averages
 * about half an em per character). Anything longer is cut off with an ellipsis by `lineClamp`.
 */
function headlineSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 40) return 76;
  if (length <= 70) return 66;
  if (length <= 100) return 56;
  return 48;
}

/** The card's element tree. */
function cardTree(input: SocialCardInput): CardNode {
  const COLOURS = colours();
  const headlinePx = headlineSize(input.headline);
  // A long headline leaves room for two lines of dek, a short one for three.
  const dekLines = headlinePx >= 66 ? 3 : 2;
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      // Padding inside the 1200×630, as in the site's CSS (satori's default is content-box).
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      padding: '56px 80px 52px',
      backgroundColor: COLOURS.paper,
      color: COLOURS.ink,
      fontFamily: `"${SERIF.name}", "${HEBREW.name}"`,
    },
    [
      // Masthead: the publication's name over a thin rule, as on a front page.
      div(
        {
          display: 'flex',
          paddingBottom: 18,
          borderBottom: `2px solid ${COLOURS.ink}`,
          fontSize: 30,
          fontWeight: 700,
          letterSpacing: '0.01em',
        },
        input.siteTitle,
      ),
      // The story, centred in the space between masthead and date line.
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          justifyContent: 'center',
          padding: '28px 0',
          overflow: 'hidden',
        },
        [
          div(
            {
              display: 'flex',
              marginBottom: 18,
              fontFamily: `"${SANS.name}", "${HEBREW.name}"`,
              fontSize: 24,
              letterSpacing: '0.14em',
              textTransform: 'uppercase',
              color: COLOURS.accent,
            },
            input.section,
          ),
          div(
            {
              display: 'block',
              fontSize: headlinePx,
              fontWeight: 700,
              lineHeight: 1.1,
              letterSpacing: '-0.01em',
              // Balanced lines read better, but satori balances over the unclamped text, which
              // squeezes a headline that needs the ellipsis into a narrow column.
              textWrap: [...input.headline].length <= 100 ? 'balance' : 'wrap',
              lineClamp: 4,
              textOverflow: 'ellipsis',
            },
            input.headline,
          ),
          div(
            {
              display: 'block',
              marginTop: 22,
              fontSize: 30,
              fontWeight: 400,
              lineHeight: 1.35,
              color: COLOURS.muted,
              lineClamp: dekLines,
              textOverflow: 'ellipsis',
            },
            input.dek,
          ),
        ],
      ),
      div(
        {
          display: 'flex',
          paddingTop: 16,
          borderTop: `1px solid ${COLOURS.rule}`,
          fontFamily: `"${SANS.name}", "${HEBREW.name}"`,
          fontSize: 24,
          color: COLOURS.muted,
        },
        input.date,
      ),
    ],
  );
}

/** An `rgba()` colour from a token's `#rrggbb` value and an opacity. */
function withAlpha(hex: string, alpha: number): string {
  const [r = 0, g = 0, b = 0] = (/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) ?? [])
    .slice(1)
    .map((part) => Number.parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The band of a photo card: transparent over the photo's upper part, then the dark scheme's
 * background fading in, with the section, the headline, and a line with the site, the date and
 * the photographer.
 */
function photoBandTree(input: SocialCardInput & { photo: CardPhoto }): CardNode {
  const dark = cardDarkColours();
  const length = [...input.headline].length;
  const headlinePx = length <= 50 ? 60 : length <= 90 ? 52 : 44;
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'flex-end',
      fontFamily: `"${SERIF.name}", "${HEBREW.name}"`,
    },
    div(
      {
        display: 'flex',
        flexDirection: 'column',
        padding: '120px 72px 40px',
        backgroundImage: `linear-gradient(to bottom, ${withAlpha(dark['--color-bg'], 0)}, ${withAlpha(dark['--color-bg'], 0.88)} 42%)`,
        color: dark['--color-text'],
      },
      [
        div(
          {
            display: 'flex',
            marginBottom: 12,
            fontFamily: `"${SANS.name}", "${HEBREW.name}"`,
            fontSize: 24,
            letterSpacing: '0.14em',
            textTransform: 'uppercase',
            color: dark['--color-accent'],
          },
          input.section,
        ),
        div(
          {
            display: 'block',
            fontSize: headlinePx,
            fontWeight: 700,
            lineHeight: 1.1,
            letterSpacing: '-0.01em',
            lineClamp: 3,
            textOverflow: 'ellipsis',
          },
          input.headline,
        ),
        div(
          {
            display: 'flex',
            justifyContent: 'space-between',
            marginTop: 20,
            fontFamily: `"${SANS.name}", "${HEBREW.name}"`,
            fontSize: 22,
            color: dark['--color-muted'],
          },
          [
            div({ display: 'flex' }, `${input.siteTitle} · ${input.date}`),
            div({ display: 'flex' }, `Photo: ${input.photo.credit}`),
          ],
        ),
      ],
    ),
  );
}

/** satori lays out a tree (text becomes SVG paths), resvg rasterises it: PNG bytes, RGBA. */
async function rasterise(tree: CardNode): Promise<Buffer> {
  const svg = await satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: loadFonts().fonts });
  // Text is already paths in the SVG, so resvg needs no fonts: skipping the system's keeps the
  // PNG the same on every machine (and saves scanning them).
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

/**
 * Draws a social card, without the cache, exactly {@link CARD_WIDTH}×{@link CARD_HEIGHT} px: from
 * the text alone, PNG bytes; from the lead photograph (`input.photo`), JPEG bytes: the photo cut
 * to 1200×630 where its subject is, under the headline band.
 * @example const png = await renderSocialCard({ headline: 'Azerbaijan opens embassy in Israel',
 *   dek: 'The two nations’ foreign ministers met…', section: 'World', date: 'March 29, 2023', siteTitle: 'JNS Wire' });
 */
export async function renderSocialCard(input: SocialCardInput): Promise<Uint8Array<ArrayBuffer>> {
  const { photo } = input;
  if (!photo) return new Uint8Array(await rasterise(cardTree(input)));
  const band = await rasterise(photoBandTree({ ...input, photo }));
  const jpeg = await sharp(photo.file)
    .rotate()
    .resize(CARD_WIDTH, CARD_HEIGHT, { fit: 'cover', position: photo.position })
    .composite([{ input: band }])
    .jpeg({ quality: 82, mozjpeg: true })
    .toBuffer();
  return new Uint8Array(jpeg);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** The folder cached cards are kept in (see {@link SocialCardOptions.cacheDir}). */
export function socialCardCacheDir(options: Pick<SocialCardOptions, 'cacheDir'> = {}): string {
  // `||`, not `??`: an empty variable (`NEWS_CARD_CACHE_DIR=`) means unset, not the current folder.
  return (
    options.cacheDir ?? (process.env.NEWS_CARD_CACHE_DIR || fromRoot('./node_modules/.cache/news-cards/'))
  );
}

/**
 * A social card, from the cache when an identical card (same input, design version, fonts and
 * renderer) was drawn before, else drawn and stored: PNG (text) or JPEG (photo) bytes, 1200×630 px. The file is named by
 * {@link socialCardHash}, so a changed article simply gets a new file.
 * @example new Response(await socialCard(input), { headers: { 'Content-Type': 'image/png' } })
 */
export async function socialCard(
  input: SocialCardInput,
  options: SocialCardOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const dir = socialCardCacheDir(options);
  const file = join(dir, `${socialCardHash(input)}.${input.photo ? 'jpg' : 'png'}`);
  const signature = input.photo ? JPEG_SIGNATURE : PNG_SIGNATURE;

  const cached = await readFile(file).catch(() => undefined);
  // Writes are atomic, so a cached file is whole; the signature check still guards against a
  // cache folder someone filled by hand.
  if (cached && signature.every((byte, i) => cached[i] === byte)) return new Uint8Array(cached);

  const png = new Uint8Array(await (options.render ?? renderSocialCard)(input));
  // Temp file + rename: a build that is killed mid-write, or two builds at once, never leave a
  // half-written card under the real name.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, png);
    await rename(temp, file);
  } catch (error) {
    // A cache that cannot be written (read-only folder) only costs speed, never the build.
    await rm(temp, { force: true });
    console.warn(`social card cache: could not write ${file}: ${String(error)}`);
  }
  return png;
}
