/**
 * How a social card is drawn: the 1200×630 image that link previews (Open Graph, X, messengers)
 * show for an article, from the headline, dek, section and date with the site's own fonts.
 * Takumi (a Rust layout and raster engine, `@takumi-rs/core`) lays the card out and rasterises it
 * with no system font, so a card looks the same on every machine and nothing is fetched from
 * another host. The cache, and drawing a build's cards ahead of their pages, are in
 * `cache.ts`.
 *
 * Plain Node runs this module too (bench/cards.mjs, with Node's built-in type stripping), so its
 * imports name their files with the `.ts` extension (Node resolves no extensionless path) and it
 * imports nothing that only Vite resolves.
 */
import { Renderer } from '@takumi-rs/core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from './size.ts';
import { cardColours, cardDarkColours } from '../site/design-tokens.ts';
import { fileDigest } from '../build-cache/file-digest.ts';
import { HEBREW, SANS, SERIF, fontFile } from '../site/fonts.ts';
import { creditLine } from '../photos/rules.ts';
import { JPEG_BACKGROUND } from '../photos/sizes.ts';

export { CARD_HEIGHT, CARD_WIDTH };

/**
 * The design's version, part of every cache key. Bump it whenever the layout, sizes or encoding
 * below change, so no build serves a card drawn by the old design. (The colour tokens, the font
 * files and the versions of Takumi and sharp are hashed into the key on their own; they need no
 * bump.) 2: drawn by Takumi instead of satori + resvg, PNG in indexed colour, JPEG at quality 75.
 * 3: a photograph with transparency is put on white (it was black); a photo card's credit stays
 * on one line, ellipsized (short credits are drawn as in 2). 4: the same, after both changes
 * were drawn as 3 in separate branches. 5: a credit that says what it credits ("AP Photo/…",
 * "Courtesy of …") is drawn as written, without "Photo: " before it (`creditLine`); other
 * credits are drawn as in 4.
 */
export const CARD_VERSION = 5;

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

/** The card's colours: the light scheme's tokens from global.css (see `site/design-tokens.ts`). */
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
    colours: colours(),
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

/** A card's style: CSS properties in camelCase, lengths in px as numbers (Takumi's style objects). */
export type CardStyle = Record<string, string | number>;

/** A node of Takumi's tree: a box holding other nodes, or a box of text. Plain objects, no JSX. */
export type CardNode =
  | { type: 'container'; style: CardStyle; children: CardNode[] }
  | { type: 'text'; style: CardStyle; text: string };

/** A block: a box of text when given a string, else a box holding the given nodes (like a `<div>`). */
const div = (style: CardStyle, content: string | CardNode[]): CardNode =>
  typeof content === 'string'
    ? { type: 'text', style, text: content }
    : { type: 'container', style, children: content };

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

/** The labels' face: the sans, with the Hebrew face for Hebrew letters. */
const SANS_STACK = `"${SANS.name}", "${HEBREW.name}"`;

/** The section's label above the headline, in capitals, in the scheme's accent colour. */
const sectionLabel = (section: string, color: string, marginBottom: number): CardNode =>
  div(
    {
      display: 'flex',
      marginBottom,
      fontFamily: SANS_STACK,
      fontSize: 24,
      letterSpacing: '0.14em',
      textTransform: 'uppercase',
      color,
    },
    section,
  );

/** The headline's type, both cards: bold, tight, at most `lines` lines, then an ellipsis. */
const headlineStyle = (fontSize: number, lines: number): CardStyle => ({
  display: 'block',
  fontSize,
  fontWeight: 700,
  lineHeight: 1.1,
  letterSpacing: '-0.01em',
  lineClamp: lines,
  textOverflow: 'ellipsis',
});

/** The text card's tree: masthead, section, headline, dek and date on the paper colour. */
export function cardTree(input: SocialCardInput): CardNode {
  const COLOURS = colours();
  const headlinePx = headlineSize(input.headline);
  // A long headline leaves room for two lines of dek, a short one for three.
  const dekLines = headlinePx >= 66 ? 3 : 2;
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      // Padding inside the 1200×630, as in the site's CSS (the default is content-box).
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
          sectionLabel(input.section, COLOURS.accent, 18),
          div(
            {
              ...headlineStyle(headlinePx, 4),
              // Balanced lines read better; past 100 characters a headline fills the column
              // instead, so that as much of it as fits shows before the ellipsis.
              textWrap: [...input.headline].length <= 100 ? 'balance' : 'wrap',
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
          fontFamily: SANS_STACK,
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
export function photoBandTree(input: SocialCardInput & { photo: CardPhoto }): CardNode {
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
    [
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          padding: '120px 72px 40px',
          backgroundImage: `linear-gradient(to bottom, ${withAlpha(dark['--color-bg'], 0)}, ${withAlpha(dark['--color-bg'], 0.88)} 42%)`,
          color: dark['--color-text'],
        },
        [
          sectionLabel(input.section, dark['--color-accent'], 12),
          div(headlineStyle(headlinePx, 3), input.headline),
          div(
            {
              display: 'flex',
              justifyContent: 'space-between',
              marginTop: 20,
              fontFamily: SANS_STACK,
              fontSize: 22,
              color: dark['--color-muted'],
            },
            [
              div({ display: 'flex', flexShrink: 0 }, `${input.siteTitle} · ${input.date}`),
              // The credit takes what the site and date leave, on one line: a long one (an
              // agency's full name, several photographers) ends in an ellipsis rather than
              // wrap the row and push the headline up the photo. A short one is drawn as before.
              div(
                {
                  display: 'block',
                  flexShrink: 1,
                  minWidth: 0,
                  marginLeft: 32,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                },
                creditLine(input.photo.credit, 'Photo'),
              ),
            ],
          ),
        ],
      ),
    ],
  );
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
