/**
 * The site's typefaces, declared once: astro.config.mjs serves them as web fonts (WOFF2, through
 * Astro's Fonts API) and the social card draws with the same families (as WOFF, see cards/raster.ts).
 * All come from `@fontsource` packages, so every machine renders the same glyphs.
 *
 * The pages load subsets of Fontsource's files cut to the characters news text needs (below),
 * checked in under src/fonts/ and made by `npm run fonts:subset` (scripts/subset-fonts.mjs), which
 * records in src/fonts/subsets.json what each was made from; tests/unit/design-tokens.test.ts
 * fails when that no longer matches this file or the installed Fontsource files. The card keeps
 * Fontsource's whole Latin and Hebrew files: headlines may hold any character.
 */

/**
 * The characters the Latin faces carry on the pages: Basic Latin; Latin-1 punctuation and symbols
 * (no-break space, « », ·, ©, °, ½…) with × and ÷; ʻ and ʼ; thin and hair spaces and the
 * zero-width joiners; dashes; typographic quotes; † ‡ •; the ellipsis; ‰ ′ ″; ‹ › (pagination);
 * the fraction slash; € and ™. Letters with diacritics (é, ñ, ü…) are not in it: a page that has
 * one draws that letter in the fallback face. A character added here costs bytes on every page:
 * add it, run `npm run fonts:subset`, and mind the byte budget in tests/e2e/performance.spec.ts.
 *
 * ʻ and ʼ (U+02BB–02BC) share their glyphs with ‘ and ’ in these fonts, and FreeType's auto-hinter
 * (Chromium on Linux) places a glyph that a modifier letter maps to differently: without them ’
 * is drawn a pixel lower than from Fontsource's whole file.
 */
export const LATIN_TEXT_RANGE =
  'U+0020-007E,U+00A0-00BF,U+00D7,U+00F7,U+02BB-02BC,U+2009-200D,U+2010-2015,U+2018-201E,U+2020-2022,U+2026,U+2030,U+2032-2033,U+2039-203A,U+2044,U+2060,U+20AC,U+2122,U+FEFF';
/**
 * The characters the Hebrew face carries: the 27 letters (finals included), maqaf, paseq, sof
 * pasuq, nun hafukha, geresh and gershayim. No points or cantillation marks: names in posts are
 * written without them.
 */
export const HEBREW_LETTERS_RANGE = 'U+05BE,U+05C0,U+05C3,U+05C6,U+05D0-05EA,U+05F3-05F4';

/**
 * The OpenType features the subsets keep: those browsers apply to text by default (composition,
 * local forms, marks, kerning, standard and contextual ligatures, variation selection). The
 * others in Fontsource's files (fractions, numerators, tabular and proportional figures) are
 * never switched on by the site's CSS, so their glyphs are left out.
 */
export const LAYOUT_FEATURES = [
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'kern',
  'liga',
  'calt',
  'clig',
  'rlig',
  'rclt',
  'rvrn',
] as const;

/**
 * Whether a `unicode-range` value covers a code point.
 * @example rangeIncludes('U+0020-007E,U+00B7', 0xb7) // true
 */
export function rangeIncludes(range: string, codePoint: number): boolean {
  return range.split(',').some((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return codePoint >= parseInt(from, 16) && codePoint <= parseInt(to, 16);
  });
}

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
  /** The Fontsource subset file the page subset and the card are made from, e.g. "latin". */
  readonly subset: 'latin' | 'hebrew';
  /** The characters the pages' subset covers (the @font-face `unicode-range`, and what it is cut to). */
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
  unicodeRange: LATIN_TEXT_RANGE,
  weights: [400, 700],
} as const satisfies FontFamily;

/** Source Sans 3: labels and meta lines. */
export const SANS = {
  name: 'Source Sans 3',
  cssVariable: '--font-sans',
  fallbacks: ['sans-serif'],
  package: 'source-sans-3',
  subset: 'latin',
  unicodeRange: LATIN_TEXT_RANGE,
  weights: [400],
} as const satisfies FontFamily;

/**
 * Noto Serif Hebrew: Hebrew letters only (no Latin in it), listed before the serif
 * stack wherever Hebrew may appear, so Latin letters fall through to Source Serif 4. No generic
 * fallbacks, for the same reason.
 */
export const HEBREW = {
  name: 'Noto Serif Hebrew',
  cssVariable: '--font-hebrew',
  fallbacks: [],
  package: 'noto-serif-hebrew',
  subset: 'hebrew',
  unicodeRange: HEBREW_LETTERS_RANGE,
  weights: [700],
} as const satisfies FontFamily;

/** Every family the pages load, in the order astro.config.mjs declares them. */
export const FONT_FAMILIES: readonly FontFamily[] = [SERIF, SANS, HEBREW];

/**
 * The project-relative path of a family's whole Fontsource file at a weight, in a format: what the
 * social card draws with (WOFF) and what the pages' subset is cut from (WOFF2).
 * @example fontFile(SERIF, 700, 'woff2') // './node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2'
 */
export function fontFile(family: FontFamily, weight: FontWeight, format: 'woff2' | 'woff'): string {
  return `./node_modules/@fontsource/${family.package}/files/${family.package}-${family.subset}-${weight}-normal.${format}`;
}

/** The folder of the pages' font subsets and their record (subsets.json), from the project root. */
export const SUBSET_DIR = './src/fonts';

/**
 * The project-relative path of the pages' WOFF2 subset of a family at a weight (checked in, made
 * by `npm run fonts:subset`).
 * @example subsetFile(SERIF, 700) // './src/fonts/source-serif-4-700.woff2'
 */
export function subsetFile(family: FontFamily, weight: FontWeight): string {
  return `${SUBSET_DIR}/${family.package}-${weight}.woff2`;
}

/** One file of a family as Astro's local font provider takes it (`fonts[].options.variants`). */
export interface WebFontVariant {
  readonly weight: FontWeight;
  readonly style: 'normal';
  readonly unicodeRange: [string];
  readonly src: [string];
}

/**
 * The WOFF2 subsets of a family, one per weight the pages use, for astro.config.mjs.
 * @example webFontVariants(SANS) // [{ weight: 400, style: 'normal', unicodeRange: [LATIN_TEXT_RANGE], src: ['./src/fonts/source-sans-3-400.woff2'] }]
 */
export function webFontVariants(family: FontFamily): [WebFontVariant, ...WebFontVariant[]] {
  const variant = (weight: FontWeight): WebFontVariant => ({
    weight,
    style: 'normal',
    unicodeRange: [family.unicodeRange],
    src: [subsetFile(family, weight)],
  });
  const [first, ...rest] = family.weights;
  return [variant(first), ...rest.map(variant)];
}

/** One WOFF2 subset the pages load: what it is cut from, to which characters and features. */
export interface FontSubset {
  /** The checked-in subset, e.g. "./src/fonts/source-serif-4-700.woff2". */
  readonly file: string;
  /** The whole Fontsource WOFF2 it is cut from. */
  readonly source: string;
  /** The characters it keeps, as a `unicode-range`. */
  readonly unicodes: string;
  /** The OpenType features it keeps. */
  readonly layoutFeatures: readonly string[];
}

/**
 * Every subset the pages load, one per family and weight: what scripts/subset-fonts.mjs makes and
 * what tests/unit/design-tokens.test.ts holds src/fonts/subsets.json against.
 */
export function fontSubsets(): FontSubset[] {
  return FONT_FAMILIES.flatMap((family) =>
    family.weights.map((weight) => ({
      file: subsetFile(family, weight),
      source: fontFile(family, weight, 'woff2'),
      unicodes: family.unicodeRange,
      layoutFeatures: [...LAYOUT_FEATURES],
    })),
  );
}
