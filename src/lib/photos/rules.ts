/**
 * The rules a photograph or graphic must meet to be published, shared by the frontmatter check
 * (lead images, when content is loaded), the MDX check (`<Figure>`, `<Tweet media>`, when a body
 * compiles) and the page (a last guard on the resolved metadata). Plain functions: each returns
 * what is wrong in words an author can act on, or `undefined`.
 */

/** The formats the site takes, as files end and as sharp names them. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/**
 * Google's article guidelines want images at least 1,200 px wide, so a lead photograph must be at
 * least this wide (its height is free: see {@link CROP_MIN_PIXELS}).
 */
export const LEAD_MIN_WIDTH = 1200;

/**
 * The crops of a lead photograph that structured data offers, as Google's article guidelines ask:
 * 16:9, 4:3 and 1:1, widest first. `width` and `height` are the ratio's terms, not pixels.
 */
export const STRUCTURED_DATA_RATIOS = [
  { ratio: '16:9', width: 16, height: 9 },
  { ratio: '4:3', width: 4, height: 3 },
  { ratio: '1:1', width: 1, height: 1 },
] as const;

/** The widest a structured-data crop is made, px: Google's 1,200, and nothing needs more. */
export const CROP_MAX_WIDTH = 1200;

/**
 * The fewest pixels (width × height) a structured-data crop may have: Google asks for
 * "high-resolution images (at least 50K pixels when multiplying width and height)".
 */
export const CROP_MIN_PIXELS = 50_000;

/** One structured-data crop of a lead photograph, in pixels. */
export interface Crop {
  /** "16:9", "4:3" or "1:1" (see {@link STRUCTURED_DATA_RATIOS}). */
  readonly ratio: (typeof STRUCTURED_DATA_RATIOS)[number]['ratio'];
  /** Pixels. */
  readonly width: number;
  /** Pixels. */
  readonly height: number;
}

/**
 * The structured-data crops of a picture: for each ratio, the largest region of that shape the
 * picture holds, made at most {@link CROP_MAX_WIDTH} px wide (never wider than the region: a crop
 * is not enlarged). Widest ratio first.
 * @example structuredDataCrops({ width: 1920, height: 1080 })
 * // [{ ratio: '16:9', width: 1200, height: 675 }, { ratio: '4:3', width: 1200, height: 900 }, { ratio: '1:1', width: 1080, height: 1080 }]
 */
export function structuredDataCrops(image: Pick<ImageSize, 'width' | 'height'>): Crop[] {
  return STRUCTURED_DATA_RATIOS.map(({ ratio, width: across, height: down }) => {
    // The region: the picture's full width, or as wide as its height allows at this ratio.
    const region = Math.min(image.width, Math.floor((image.height * across) / down));
    const width = Math.min(CROP_MAX_WIDTH, region);
    // At most the picture's height: width ≤ height × across / down.
    return { ratio, width, height: Math.round((width * down) / across) };
  });
}

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
export const describeSize = ({ width, height }: Pick<ImageSize, 'width' | 'height'>): string =>
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
 * @param role "lead" for an article's lead photograph (the 1,200 px width and the crops' 50,000
 *   pixels), "body" otherwise
 */
export function sizeProblem(image: ImageSize, role: 'lead' | 'body'): string | undefined {
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(image.format)) {
    return `is ${image.format.toUpperCase()}; the site takes JPEG, PNG, WebP or AVIF: export it as one of those`;
  }
  if (image.width > MAX_SOURCE_SIDE || image.height > MAX_SOURCE_SIDE) {
    return `is ${describeSize(image)}, larger than the ${GROUPED.format(MAX_SOURCE_SIDE)} px the build takes on either side; export it smaller (2,000–4,000 px wide is plenty for the web)`;
  }
  if (role === 'lead') return leadProblem(image);
  return undefined;
}

/** What is wrong with a lead photograph's size, if anything: too narrow, or a crop too small. */
function leadProblem(image: ImageSize): string | undefined {
  if (image.width < LEAD_MIN_WIDTH) {
    return `is ${describeSize(image)}; a lead photograph must be at least ${GROUPED.format(LEAD_MIN_WIDTH)} px wide (Google's rule for article images); use a larger original`;
  }
  const pixels = (crop: Crop) => crop.width * crop.height;
  const [smallest] = structuredDataCrops(image).sort((a, b) => pixels(a) - pixels(b));
  if (!smallest || pixels(smallest) >= CROP_MIN_PIXELS) return undefined;
  // At least 1,200 px wide, the picture's square crop is its height squared (up to 1,200), the
  // smallest of the three: a height of √50,000 makes every crop large enough.
  const tallEnough = Math.ceil(Math.sqrt(CROP_MIN_PIXELS));
  return `is ${describeSize(image)}: its ${smallest.ratio} crop for structured data would be ${describeSize(smallest)}, ${GROUPED.format(pixels(smallest))} pixels, under the ${GROUPED.format(CROP_MIN_PIXELS)} (width × height) Google asks of each 16:9, 4:3 and 1:1 crop of an article's image; use a picture at least ${GROUPED.format(tallEnough)} px tall`;
}

/** The word a credit line starts with: "Photo" for a photograph, "Credit" for a graphic or mixed media. */
export const CREDIT_LABELS = ['Photo', 'Credit'] as const;
export type CreditLabel = (typeof CREDIT_LABELS)[number];

/** Words that say what a credit is for, as newsrooms write them. */
const CREDIT_KINDS =
  'photos?|photographs?|photography|photographers?|pictures?|images?|illustrations?|graphics?|video|footage|credits?|courtesy|screenshot|map|chart|cartoon';
/**
 * A credit that already says what it credits: a kind word at its head, before a colon or a "by"
 * ("Photo: …", "Illustration by …", "Photo courtesy of …", "Credit: …"), "Courtesy" at its
 * head ("Courtesy of …"), a kind word before an agency's slash ("AP Photo/…", "GPO Photo / …"),
 * or a pool, handout, file or staff photo.
 */
const NAMES_ITS_KIND = new RegExp(
  [
    `^(?:${CREDIT_KINDS})\\s*(?::|\\b(?:by|of|from|via|courtesy)\\b)`,
    '^courtesy\\b',
    `\\b(?:${CREDIT_KINDS})\\s*/`,
    '^(?:pool|handout|file|staff) photos?\\b',
  ].join('|'),
  'i',
);

/**
 * A credit as printed: after "Photo: " (or "Credit: "), unless it already says what it credits,
 * in which case as written. Every credit line (the page's, the feeds', the social card's) comes
 * from here, so none says "Photo: AP Photo/…".
 * @param credit the credit as the author wrote it
 * @param label the word for a credit that does not say: "Photo" for a photograph, "Credit" for a graphic
 * @example creditLine('Miriam Levi/JNS', 'Photo') // 'Photo: Miriam Levi/JNS'
 * @example creditLine('AP Photo/Ohad Zwigenberg', 'Photo') // 'AP Photo/Ohad Zwigenberg'
 * @example creditLine('Courtesy of the Foreign Ministry', 'Credit') // 'Courtesy of the Foreign Ministry'
 */
export function creditLine(credit: string, label: CreditLabel): string {
  return NAMES_ITS_KIND.test(credit.trim()) ? credit : `${label}: ${credit}`;
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
