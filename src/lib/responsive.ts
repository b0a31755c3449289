/**
 * Responsive image sizes for the reading column: what `srcset` offers and what `sizes` tells the
 * browser, so a phone downloads a phone-sized file and a retina desktop a sharp one.
 */

/** Candidate widths, from a small phone at 1× up to the column at 3×. */
export const IMAGE_WIDTHS = [320, 480, 640, 800, 960, 1280, 1600, 1920] as const;

/**
 * The widths to offer for a source `width` px wide: every candidate narrower than it, then the
 * source's own width when it is within the largest candidate (a file is never made wider than its
 * source, and nothing on a page is drawn wider than 1,920 px).
 * @example widthsFor(1600) // [320, 480, 640, 800, 960, 1280, 1600]
 */
export function widthsFor(width: number): number[] {
  const largest = IMAGE_WIDTHS.at(-1) ?? width;
  const below = IMAGE_WIDTHS.filter((candidate) => candidate < width);
  return width <= largest ? [...below, width] : [...below];
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
 * What `sizes` tells the browser for an image `width` px wide: {@link COLUMN_SIZES} when it fills
 * the column; for a narrower one (a small graphic), its own width, or less where the viewport is
 * narrower still, as Photo.astro's CSS draws it (`max-inline-size: 100%`, never wider than itself).
 * @example sizesFor(1800) // COLUMN_SIZES
 * @example sizesFor(400) // 'min(400px, calc(100vw - 2.5rem))'
 */
export function sizesFor(width: number): string {
  return width >= COLUMN_WIDTH_PX ? COLUMN_SIZES : `min(${width}px, calc(100vw - 2.5rem))`;
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
