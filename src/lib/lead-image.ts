import { getImage } from 'astro:assets';
import type { ArticleData } from '../schemas/article';
import type { CropPosition } from '../schemas/image';

/** An article's lead photograph, as its frontmatter gives it (src resolved to the image's metadata). */
export type LeadImage = NonNullable<ArticleData['image']>;

/**
 * The crops Google's article guidelines ask for in structured data: 16:9, 4:3 and 1:1, each
 * 1,200 px wide (the schema's 1,200 px minimum on both sides makes the 1:1 one possible).
 */
export const STRUCTURED_DATA_CROPS = [
  { ratio: '16:9', width: 1200, height: 675 },
  { ratio: '4:3', width: 1200, height: 900 },
  { ratio: '1:1', width: 1200, height: 1200 },
] as const;

/**
 * sharp's name for where a crop keeps the subject: it writes the horizontal side first
 * ("left top"), the frontmatter the way people say it ("top left").
 * @example sharpPosition('top left') // 'left top'
 */
export function sharpPosition(position: CropPosition): string {
  const [first, second] = position.split(' ');
  return second ? `${second} ${first}` : position;
}

/**
 * The structured-data crops of a lead photograph, as site-relative URLs of JPEG files made by
 * astro:assets (cached between builds like every other image), widest ratio first.
 */
export async function leadImageCrops(image: LeadImage): Promise<string[]> {
  const crops = await Promise.all(
    STRUCTURED_DATA_CROPS.map(({ width, height }) =>
      getImage({
        src: image.src,
        width,
        height,
        fit: 'cover',
        position: sharpPosition(image.position),
        format: 'jpg',
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
