import { getImage } from 'astro:assets';
import type { ArticleData } from '../../schemas/article';
import { sharpPosition } from './crop-position';
import { metadataOf, structuredDataCrops } from './rules';
import { FALLBACK_MEDIA_TYPES, fallbackFormat, flattenFor } from './sizes';

/** An article's lead photograph, as its frontmatter gives it (src resolved to the image's metadata). */
export type LeadImage = NonNullable<ArticleData['image']>;

export { sharpPosition };

/**
 * The structured-data crops of a lead photograph (16:9, 4:3 and 1:1, each from the largest region
 * of its shape the picture holds, at most 1,200 px wide: `structuredDataCrops`), as site-relative
 * URLs of JPEG files made by astro:assets (cached between builds like every other image), widest
 * ratio first; a transparent PNG, WebP or AVIF is put on white (see `flattenFor`).
 */
export async function leadImageCrops(image: LeadImage): Promise<string[]> {
  // Read through the copy: a read of `image.src` itself would publish the original (see `metadataOf`).
  const source = metadataOf(image.src);
  const crops = await Promise.all(
    structuredDataCrops(source).map(({ width, height }) =>
      getImage({
        src: image.src,
        width,
        height,
        fit: 'cover',
        position: sharpPosition(image.position),
        format: 'jpg',
        ...flattenFor(source, 'jpg'),
      }),
    ),
  );
  return crops.map((crop) => crop.src);
}

/** The size of the picture Pagefind shows beside a search result (its UI draws it 1.5:1). */
export const SEARCH_THUMBNAIL = { width: 240, height: 160 } as const;

/** A small WebP of a lead photograph for search results, as a site-relative URL. */
export async function searchThumbnail(image: LeadImage): Promise<string> {
  const thumbnail = await getImage({
    src: image.src,
    ...SEARCH_THUMBNAIL,
    fit: 'cover',
    position: sharpPosition(image.position),
    format: 'webp',
  });
  return thumbnail.src;
}

/**
 * How wide the lead photograph the feeds enclose is: as wide as the structured-data crops, enough
 * for a reader's column at 2× and for the large card some readers make of an item's image.
 */
export const FEED_IMAGE_WIDTH = 1200;

/** One file made from an image: where it is, its size in pixels and its media type. */
export interface ImageRendition {
  /** Site-relative URL of the file, base path included: "/_astro/lead.KFPjhkAM_Z1abc.jpg". */
  src: string;
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
  /** "image/jpeg", or "image/png" for a PNG source. */
  mediaType: (typeof FALLBACK_MEDIA_TYPES)[keyof typeof FALLBACK_MEDIA_TYPES];
}

/**
 * The lead photograph as the feeds enclose it (Media RSS, an Atom enclosure, JSON Feed's `image`):
 * uncropped, {@link FEED_IMAGE_WIDTH} px wide, in the one format every reader shows (the page's
 * `<img>` fallback: JPEG, or PNG for a PNG source), made by astro:assets like every other file.
 */
export async function leadImageRendition(image: LeadImage): Promise<ImageRendition> {
  // Read through the copy: a read of `image.src` itself would publish the original (see `metadataOf`).
  const source = metadataOf(image.src);
  const format = fallbackFormat(source);
  // The loader asks for at least 1,200 px, but a file is never made wider than its source.
  const rendition = await getImage({
    src: image.src,
    width: Math.min(FEED_IMAGE_WIDTH, source.width),
    format,
    ...flattenFor(source, format),
  });
  const { width, height } = rendition.attributes;
  if (typeof width !== 'number' || typeof height !== 'number') {
    throw new Error(
      `lead image ${source.src}: astro:assets gave no pixel size for its ${FEED_IMAGE_WIDTH} px rendition (width ${String(width)}, height ${String(height)})`,
    );
  }
  return { src: rendition.src, width, height, mediaType: FALLBACK_MEDIA_TYPES[format] };
}
