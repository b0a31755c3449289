/**
 * Where a body rendered ahead of time leaves its pictures. astro:assets names a picture's files
 * only in the build that writes them, so the pre-pass (scripts/render-bodies.mjs) renders
 * everything but the pictures and leaves a slot: `<Photo>` (a `<Figure>`'s or a `<Tweet>`'s
 * saved photo) with its props, or astro:assets' `<Image>` (a Markdown `![alt](./x.jpg)`). The
 * page renders the real component there (src/components/body/StoredBody.astro). A slot is an
 * HTML comment, which MDX cannot write (`<!--` is a syntax error in MDX), so nothing an author
 * writes is taken for one.
 */

/** A picture left for the page: which component, its props, the image as written in the body. */
export interface PictureSlot {
  /** `Photo` (src/components/Photo.astro) or `Image` (astro:assets, for Markdown pictures). */
  component: 'Photo' | 'Image';
  /** The image, relative to the article's file, as written: "./podium.jpg". */
  image: string;
  /** Every other prop as the component received it (alt, credit, class, a parent's scope attribute). */
  props: Record<string, string | boolean | number>;
  /** The caption's HTML when the component was given children, else null. */
  caption: string | null;
}

const OPEN = '<!--news-picture:';
const CLOSE = '-->';
const SLOT = /<!--news-picture:(.*?)-->/g;

/** The comment that stands for a picture; `<` and `>` are escaped so `-->` cannot end it early. */
export function slotComment(slot: PictureSlot): string {
  return `${OPEN}${JSON.stringify(slot).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}${CLOSE}`;
}

/** A stored body cut at its slots: HTML runs and pictures, in order. */
export type BodyPart = { html: string } | { picture: PictureSlot };

/** Cuts stored HTML into its runs of HTML and its picture slots. */
export function bodyParts(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of html.matchAll(SLOT)) {
    if (match.index > last) parts.push({ html: html.slice(last, match.index) });
    parts.push({ picture: JSON.parse(match[1] ?? '') as PictureSlot });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ html: html.slice(last) });
  return parts;
}

/** The images a stored body's slots name, as written relative to the article, each once. */
export function slotImages(html: string): string[] {
  return [...new Set(bodyParts(html).flatMap((part) => ('picture' in part ? [part.picture.image] : [])))];
}

/**
 * An image's path relative to the article, from the metadata the pre-pass's Vite server gave its
 * import: there an imported image's `src` is its file, `/@fs/<absolute path>?origWidth=…`.
 * @param src the image metadata's `src`
 * @param article the article's file, from the project root
 * @param root the project root, absolute
 */
export function writtenImagePath(src: string, article: string, root: string): string {
  if (!src.startsWith('/@fs/')) {
    throw new Error(`A picture in ${article} was not imported from a file by the pre-pass's server: ${src}`);
  }
  const file = decodeURIComponent(src.slice('/@fs'.length).replace(/\?.*$/, ''));
  const from = `${root.replace(/\/$/, '')}/${article}`.split('/').slice(0, -1);
  const to = file.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const path = [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

/** The props a slot keeps: what the component got, minus the image and anything undefined. */
export function slotProps(props: Record<string, unknown>): PictureSlot['props'] {
  const kept: PictureSlot['props'] = {};
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      kept[name] = value;
    else if (value !== undefined && value !== null) {
      throw new Error(
        `A picture's prop "${name}" is not text, a number or true/false, so it cannot be kept in a slot`,
      );
    }
  }
  return kept;
}
