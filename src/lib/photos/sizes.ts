/**
 * Responsive image sizes for the reading column: what `srcset` offers and what `sizes` tells the
 * browser, so a phone downloads a phone-sized file and a retina desktop a sharp one.
 */

/** Candidate widths, from a small phone at 1× up to the column at 3×. */
export const IMAGE_WIDTHS = [320, 480, 640, 800, 960, 1280, 1600, 1920] as const;

/** The widest file made for a page or a feed's `<img>`: the column at 3×. */
export const LARGEST_WIDTH: number = Math.max(...IMAGE_WIDTHS);

/**
 * How wide the `<img>` fallback of a source `width` px wide is made: its own width, up to
 * {@link LARGEST_WIDTH} (without a width, Astro would make it at the source's, a camera's
 * 6,000 px, and feeds, which show that fallback, would carry it).
 * @example fallbackWidth(3000) // 1920
 */
export function fallbackWidth(width: number): number {
  return Math.min(width, LARGEST_WIDTH);
}

/**
 * The widths to offer for a source `width` px wide: every candidate narrower than it, then the
 * source's own width when it is within the largest candidate (a file is never made wider than its
 * source, and nothing on a page is drawn wider than 1,920 px).
 * @example widthsFor(1600) // [320, 480, 640, 800, 960, 1280, 1600]
 */
export function widthsFor(width: number): number[] {
  const below = IMAGE_WIDTHS.filter((candidate) => candidate < width);
  return width <= LARGEST_WIDTH ? [...below, width] : [...below];
}

/**
 * How wide an image is drawn: the column (`--measure`, 40rem) once the viewport holds it with the
 * page's side padding (`--space-m` each side), else the viewport less that padding.
 */
export const COLUMN_SIZES = '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)';

/**
 * The column's width in CSS px at the browser's default text size (`--measure`, 40rem × 16 px).
 * An image narrower than this is drawn at its own width, never stretched to the column.
 */
export const COLUMN_WIDTH_PX = 640;

/**
 * The most of the window's height a portrait picture (taller than wide) is drawn, in `vh`: at the
 * column's width a 2:3 portrait would be 960 px tall on a desktop and push the text below the fold.
 * Photo.astro's CSS draws it so: its `max-block-size: var(--ts-portrait-max-vh)` is this value,
 * written in at build time (src/lib/site/css-constants.ts).
 */
export const PORTRAIT_MAX_VH = 80;

/**
 * What `sizes` tells the browser for an image `width` × `height` px, as Photo.astro's CSS draws
 * it: {@link COLUMN_SIZES} when it fills the column; for a narrower one (a small graphic), its own
 * width, or less where the viewport is narrower still (`max-inline-size: 100%`, never wider than
 * itself). A portrait is also no taller than {@link PORTRAIT_MAX_VH} of the window, so no wider
 * than that height at its shape: a 2:3 portrait at most 53.33vh wide.
 * @example sizesFor(1800, 1200) // COLUMN_SIZES
 * @example sizesFor(400, 300) // 'min(400px, calc(100vw - 2.5rem))'
 * @example sizesFor(1200, 1800) // '(min-width: 42.5rem) min(40rem, 53.33vh), min(calc(100vw - 2.5rem), 53.33vh)'
 */
export function sizesFor(width: number, height: number): string {
  const wide = width >= COLUMN_WIDTH_PX;
  if (height <= width) return wide ? COLUMN_SIZES : `min(${width}px, calc(100vw - 2.5rem))`;
  const tallest = `${Math.round(((PORTRAIT_MAX_VH * width) / height) * 100) / 100}vh`;
  return wide
    ? `(min-width: 42.5rem) min(40rem, ${tallest}), min(calc(100vw - 2.5rem), ${tallest})`
    : `min(${width}px, calc(100vw - 2.5rem), ${tallest})`;
}

/** The formats an image's `<img>` falls back to, with their media types. */
export const FALLBACK_MEDIA_TYPES = { jpg: 'image/jpeg', png: 'image/png' } as const;

/** One of the {@link FALLBACK_MEDIA_TYPES}' formats. */
export type FallbackFormat = keyof typeof FALLBACK_MEDIA_TYPES;

/**
 * The format for whatever takes neither AVIF nor WebP (the `<img>` inside a `<picture>`, the
 * image a feed encloses): PNG for a PNG source, since a map or graphic keeps its hard edges and
 * any transparency; JPEG for a photograph in any other format.
 * @example fallbackFormat({ format: 'png' }) // 'png'
 * @example fallbackFormat({ format: 'webp' }) // 'jpg'
 */
export function fallbackFormat(image: { readonly format: string }): FallbackFormat {
  return image.format === 'png' ? 'png' : 'jpg';
}

/**
 * What JPEG shows where a picture is transparent: white, the page's paper. JPEG has no alpha, and
 * sharp, unless told a background, turns transparent pixels black (a cut-out on a black box).
 */
export const JPEG_BACKGROUND = '#ffffff';

/**
 * The `background` option for making a file in `output` format from `source` (for `getImage`
 * and `<Picture>`): {@link JPEG_BACKGROUND} when a JPEG is made from a format that can be
 * transparent (PNG, WebP, AVIF), nothing otherwise, so a JPEG source's files are made (and
 * named, since the option is part of a file's hash) exactly as before.
 * @example flattenFor({ format: 'png' }, 'jpg') // { background: '#ffffff' }
 * @example flattenFor({ format: 'jpg' }, 'jpg') // {}
 */
export function flattenFor(
  source: { readonly format: string },
  output: string,
): { background?: typeof JPEG_BACKGROUND } {
  const jpeg = (format: string) => format === 'jpg' || format === 'jpeg';
  return jpeg(output) && !jpeg(source.format) ? { background: JPEG_BACKGROUND } : {};
}
