/**
 * The site's typefaces, declared once: astro.config.mjs serves them as web fonts (WOFF2, through
 * Astro's Fonts API) and the social card draws with the same files (as WOFF, see card-draw.ts).
 * All come from `@fontsource` packages, so every machine renders the same glyphs.
 */

/** Latin letters, punctuation and symbols (Fontsource's "latin" subset range). */
export const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
/** Hebrew letters and marks (Fontsource's "hebrew" subset range). */
export const HEBREW_RANGE = 'U+0307-0308,U+0590-05FF,U+200C-2010,U+20AA,U+25CC,U+FB1D-FB4F';

/** A font weight the site uses. */
export type FontWeight = 400 | 700;

/** One typeface: how CSS names it, which Fontsource files hold it, which weights the pages use. */
export interface FontFamily {
  /** The family name, e.g. "Source Serif 4". */
  readonly name: string;
  /** The CSS custom property the Fonts API defines for it, e.g. "--font-serif". */
  readonly cssVariable: `--${string}`;
  /** Generic fallbacks after it, e.g. ["serif"]. */
  readonly fallbacks: readonly string[];
  /** The `@fontsource/<package>` it comes from, e.g. "source-serif-4". */
  readonly package: string;
  /** The Fontsource subset file used, e.g. "latin": pages need only these glyphs. */
  readonly subset: 'latin' | 'hebrew';
  /** The characters the subset covers (the @font-face `unicode-range`). */
  readonly unicodeRange: string;
  /** The weights the pages use (the card may use others of the same files); at least one. */
  readonly weights: readonly [FontWeight, ...FontWeight[]];
}

/** Source Serif 4: reading text and headlines. */
export const SERIF = {
  name: 'Source Serif 4',
  cssVariable: '--font-serif',
  fallbacks: ['serif'],
  package: 'source-serif-4',
  subset: 'latin',
  unicodeRange: LATIN_RANGE,
  weights: [400, 700],
} as const satisfies FontFamily;

/** Source Sans 3: labels and meta lines. */
export const SANS = {
  name: 'Source Sans 3',
  cssVariable: '--font-sans',
  fallbacks: ['sans-serif'],
  package: 'source-sans-3',
  subset: 'latin',
  unicodeRange: LATIN_RANGE,
  weights: [400],
} as const satisfies FontFamily;

/**
 * Noto Serif Hebrew: Hebrew letters only (its subset has no Latin), listed before the serif
 * stack wherever Hebrew may appear, so Latin letters fall through to Source Serif 4. No generic
 * fallbacks, for the same reason.
 */
export const HEBREW = {
  name: 'Noto Serif Hebrew',
  cssVariable: '--font-hebrew',
  fallbacks: [],
  package: 'noto-serif-hebrew',
  subset: 'hebrew',
  unicodeRange: HEBREW_RANGE,
  weights: [700],
} as const satisfies FontFamily;

/** Every family the pages load, in the order astro.config.mjs declares them. */
export const FONT_FAMILIES: readonly FontFamily[] = [SERIF, SANS, HEBREW];

/**
 * The project-relative path of a family's file at a weight, in a format.
 * @example fontFile(SERIF, 700, 'woff2') // './node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2'
 */
export function fontFile(family: FontFamily, weight: FontWeight, format: 'woff2' | 'woff'): string {
  return `./node_modules/@fontsource/${family.package}/files/${family.package}-${family.subset}-${weight}-normal.${format}`;
}

/** One file of a family as Astro's local font provider takes it (`fonts[].options.variants`). */
export interface WebFontVariant {
  readonly weight: FontWeight;
  readonly style: 'normal';
  readonly unicodeRange: [string];
  readonly src: [string];
}

/**
 * The WOFF2 files of a family, one per weight the pages use, for astro.config.mjs.
 * @example webFontVariants(SANS) // [{ weight: 400, style: 'normal', unicodeRange: [LATIN_RANGE], src: ['./node_modules/…/source-sans-3-latin-400-normal.woff2'] }]
 */
export function webFontVariants(family: FontFamily): [WebFontVariant, ...WebFontVariant[]] {
  const variant = (weight: FontWeight): WebFontVariant => ({
    weight,
    style: 'normal',
    unicodeRange: [family.unicodeRange],
    src: [fontFile(family, weight, 'woff2')],
  });
  const [first, ...rest] = family.weights;
  return [variant(first), ...rest.map(variant)];
}
