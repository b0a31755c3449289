/**
 * The rules a photograph or graphic must meet to be published, shared by the frontmatter check
 * (lead images, when content is loaded), the MDX check (`<Figure>`, `<Tweet media>`, when a body
 * compiles) and the page (a last guard on the resolved metadata). Plain functions: each returns
 * what is wrong in words an author can act on, or `undefined`.
 */

/** The formats the site takes, as files end and as sharp names them. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/**
 * Google's article guidelines want structured-data images at least 1,200 px wide in each of the
 * 16:9, 4:3 and 1:1 crops, so a lead photograph must be at least this wide and this tall.
 */
export const LEAD_MIN_SIDE = 1200;

/**
 * The largest side the build takes. Decoding is the memory cost (a 12,000 × 8,000 photo is
 * 288 MB of pixels, per variant being made), and nothing on a page needs more than a few
 * thousand pixels; a camera original should be exported smaller first.
 */
export const MAX_SOURCE_SIDE = 8000;

/** What the checks need to know of an image (Astro's `ImageMetadata` has it). */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
  readonly format: string;
}

const GROUPED = new Intl.NumberFormat('en-US');
/** "1,600 × 1,067 px" */
export const describeSize = ({ width, height }: ImageSize): string =>
  `${GROUPED.format(width)} × ${GROUPED.format(height)} px`;

/**
 * What is wrong with a file name for an image the site takes, if anything.
 * @example extensionProblem('./x.heic') // 'is a .heic file; the site takes JPEG, PNG, WebP or AVIF: export it as one of those'
 */
export function extensionProblem(path: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (extension && (IMAGE_EXTENSIONS as readonly string[]).includes(extension)) return undefined;
  return `is ${extension ? `a .${extension} file` : 'a file without an extension'}; the site takes JPEG, PNG, WebP or AVIF: export it as one of those`;
}

/**
 * What is wrong with an image's pixels, if anything: its format, its size for a lead image, a
 * source too large to process.
 * @param role "lead" for an article's lead photograph (the 1,200 px rule), "body" otherwise
 */
export function sizeProblem(image: ImageSize, role: 'lead' | 'body'): string | undefined {
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(image.format)) {
    return `is ${image.format.toUpperCase()}; the site takes JPEG, PNG, WebP or AVIF: export it as one of those`;
  }
  if (image.width > MAX_SOURCE_SIDE || image.height > MAX_SOURCE_SIDE) {
    return `is ${describeSize(image)}, larger than the ${GROUPED.format(MAX_SOURCE_SIDE)} px the build takes on either side; export it smaller (2,000–4,000 px wide is plenty for the web)`;
  }
  if (role === 'lead' && (image.width < LEAD_MIN_SIDE || image.height < LEAD_MIN_SIDE)) {
    return `is ${describeSize(image)}; a lead photograph must be at least ${GROUPED.format(LEAD_MIN_SIDE)} px wide and ${GROUPED.format(LEAD_MIN_SIDE)} px tall (Google's rule for article images: each 16:9, 4:3 and 1:1 crop at least 1,200 px wide); use a larger original`;
  }
  return undefined;
}

/** Words that say nothing about a picture, as alt text. */
const EMPTY_ALT = /^(image|photo|photograph|picture|img|graphic|map|untitled|alt|alt text|\W*)$/i;
/** Looks like a file name (lead.jpg, IMG_1234, DSC01234.JPG, PXL_20240601_…) rather than a description. */
const FILE_NAME_ALT = /(\.(jpe?g|png|webp|avif|gif|heic|tiff?)$|^(IMG|DSC|DSCN|PXL|MVIMG|DJI)[_-]?\d)/i;

/**
 * What is wrong with alt text, if anything: empty, a file name, or a word that describes nothing.
 * Alt text says what the picture shows, for readers who cannot see it. (The schema adds an
 * example in the syntax the author wrote: frontmatter or a component prop.)
 * @example altProblem('IMG_2291.jpg') // 'is a file name, not a description ("IMG_2291.jpg"): say what the picture shows'
 */
export function altProblem(alt: string): string | undefined {
  const text = alt.trim();
  if (text === '') return 'is empty: say what the picture shows';
  if (FILE_NAME_ALT.test(text)) {
    return `is a file name, not a description (${JSON.stringify(text)}): say what the picture shows`;
  }
  if (EMPTY_ALT.test(text))
    return `says nothing about the picture (${JSON.stringify(text)}): say what it shows`;
  return undefined;
}

/**
 * An imported image's metadata (width, height, format, URL), read without marking its source
 * file as used. In a build, Astro hands out each imported image as a proxy that records every
 * property read; an image read that way counts as "referenced outside of image processing", and
 * its original file is then published as is in `_astro/`, with whatever the camera wrote in it
 * (EXIF, GPS, IPTC). The proxy's `clone` is a plain copy whose reads are not recorded (Astro's
 * own `<Picture>` reads through it). Pass the image itself, not this copy, to `getImage` or
 * `<Picture>`: only the proxy tells Astro which file it came from (`fsPath`), so that it can
 * delete the original once the sizes are made.
 * @param image an image as imported (a proxy in a build) or any plain metadata object
 * @example fallbackFormat(metadataOf(image)) // reads `format` from the copy
 */
export function metadataOf<T extends object>(image: T): T {
  const clone: unknown = Reflect.get(image, 'clone');
  return clone !== null && typeof clone === 'object' ? (clone as T) : image;
}
