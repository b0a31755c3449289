import { z } from 'astro/zod';
import { articleSchema } from '../../src/schemas/article';

/**
 * The article schema as unit tests parse it. In a build, Astro's `image()` takes the path
 * written in the frontmatter and the page receives the image's metadata; here an image is given
 * as that metadata directly (`{ src, width, height, format }`), which is what the fields hold.
 */
export const testArticleSchema = articleSchema({
  image: () =>
    z.object({
      src: z.string(),
      width: z.number(),
      height: z.number(),
      format: z.union([
        z.literal('png'),
        z.literal('jpg'),
        z.literal('jpeg'),
        z.literal('tiff'),
        z.literal('webp'),
        z.literal('gif'),
        z.literal('svg'),
        z.literal('avif'),
        z.literal('apng'),
      ]),
    }),
});
