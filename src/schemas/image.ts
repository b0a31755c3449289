import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { altProblem, metadataOf, sizeProblem } from '../lib/photos/rules';
import { knownFields } from './known-fields';

/**
 * Where a crop keeps the picture's subject when the structured-data crops (16:9, 4:3, 1:1) and
 * the social card cut the lead photograph. "center" when left out.
 */
export const CROP_POSITIONS = [
  'center',
  'top',
  'bottom',
  'left',
  'right',
  'top left',
  'top right',
  'bottom left',
  'bottom right',
] as const;
/** One of {@link CROP_POSITIONS}. */
export type CropPosition = (typeof CROP_POSITIONS)[number];

/** How a field is written where it is used: frontmatter (`alt: …`) or a component prop (`alt="…"`). */
type Syntax = 'frontmatter' | 'prop';
const example = (syntax: Syntax, name: string, value: string) =>
  syntax === 'frontmatter' ? `${name}: ${value}` : `${name}="${value}"`;

/**
 * Alt text: what the picture shows, for readers who cannot see it (see `altProblem`).
 * @param name the field or prop as the author writes it, for the example in messages: "mediaAlt" (the earlier name of `<Tweet>`'s alt)
 */
export function altText(syntax: Syntax, name = 'alt') {
  const e = example(syntax, name, 'Stalls under white awnings beside a wheat field at dusk');
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required: what the picture shows, for readers who cannot see it, e.g. ${e}`
          : `must be text, e.g. ${e}`,
    })
    .superRefine((alt, ctx) => {
      const problem = altProblem(alt);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}, e.g. ${e}` });
    })
    .transform((alt) => alt.trim());
}

/**
 * Who took the photograph or made the graphic, shown after the caption.
 * @param name the field or prop as the author writes it, for the example in messages: "mediaCredit" (the earlier name of `<Tweet>`'s credit)
 */
export function credit(syntax: Syntax, name = 'credit') {
  const e = example(syntax, name, 'Miriam Levi/JNS');
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `is required: who took the photo or made the graphic, e.g. ${e}`
          : `must be text, e.g. ${e}`,
    })
    .trim()
    .min(1, `must not be empty: who took the photo or made the graphic, e.g. ${e}`);
}

/**
 * An article's lead photograph, in its frontmatter. `src` is a path relative to the article's
 * file (checked, with the image's size, when content loads: `src/lib/articles/loader.ts`).
 *
 * image:
 *   src: ./harvest/lead.jpg
 *   alt: Stalls under white awnings beside a wheat field at dusk
 *   caption: The festival grounds on Sunday evening.
 *   credit: Miriam Levi/JNS
 */
export function leadImageSchema(image: SchemaContext['image']) {
  return knownFields(
    {
      /** The photo's file, relative to the article: "./harvest/lead.jpg". At least 1,200 px wide (see `sizeProblem`). */
      src: image(),
      /** What the photo shows, for readers who cannot see it. */
      alt: altText('frontmatter'),
      /** What the photo is about, shown under it. Optional. */
      caption: z
        .string({ error: 'must be text, e.g. caption: The festival grounds on Sunday evening.' })
        .trim()
        .min(1, 'must not be empty; leave it out instead')
        .optional(),
      /** Who took it: "Miriam Levi/JNS". Required. */
      credit: credit('frontmatter'),
      /** Where the crops keep the subject: one of {@link CROP_POSITIONS}; "center" by default. */
      position: z
        .enum(CROP_POSITIONS, {
          error: (issue) =>
            `expected one of ${CROP_POSITIONS.map((p) => `"${p}"`).join(', ')}, received ${JSON.stringify(issue.input)}`,
        })
        .default('center'),
    },
    'an image has src, alt, caption, credit and position',
  );
}

/** What an imported image's metadata holds (Astro's `ImageMetadata`), as far as the checks go. */
const IMPORTED_IMAGE = z.object({
  src: z.string(),
  width: z.number(),
  height: z.number(),
  format: z.enum(['png', 'jpg', 'jpeg', 'tiff', 'webp', 'gif', 'svg', 'avif', 'apng']),
});

/**
 * An image a component received from MDX: the body's `src="./map.png"` is turned into an import
 * of that file when the MDX compiles (src/lib/photos/local-images-plugin.ts), so the prop is the image's
 * metadata. A URL or an absolute path is left as text, and refused here.
 *
 * The value passes through as it came, not as a parsed copy: in a build it is Astro's proxy,
 * which carries the source file's path (so Astro can delete the original once the sizes are
 * made) and records every read (a read would publish the original). So the checks read its
 * `clone` (see `metadataOf`).
 */
export function localImage(prop: string, value: string) {
  return z
    .custom<ImageMetadata>(
      (input) =>
        input !== null && typeof input === 'object' && IMPORTED_IMAGE.safeParse(metadataOf(input)).success,
      {
        error: `must be the path of an image next to the article, relative to its file, e.g. ${prop}="${value}" (a URL or an absolute path is not processed)`,
      },
    )
    .superRefine((image, ctx) => {
      const problem = sizeProblem(metadataOf(image), 'body');
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/**
 * Props of `<Figure>`: a photograph or graphic in the body, credited, with its caption as the
 * children (inline Markdown allowed).
 *
 * <Figure src="./harvest/map.png" alt="Map of the valley with the festival marked" credit="JNS graphics">
 *   Where the festival is held, *south of Afula*.
 * </Figure>
 */
export const FigureSchema = z.strictObject({
  /** The image's file, relative to the article: "./harvest/map.png". */
  src: localImage('src', './harvest/map.png'),
  /** What the image shows, for readers who cannot see it. */
  alt: altText('prop'),
  /** Who took or made it: "JNS graphics". */
  credit: credit('prop'),
});

/** What an author may write on `<Figure>` in MDX (src as written; the build turns it into an import). */
export type FigureProps = Omit<z.input<typeof FigureSchema>, 'src'> & { src: string | ImageMetadata };
