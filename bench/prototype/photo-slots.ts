/**
 * Where a body rendered ahead of time leaves its pictures: astro:assets gives a picture its file
 * names only in the build that writes the files, so the pre-pass renders everything but the
 * `<Photo>` and leaves a slot with its props; the page renders `<Photo>` there (StoredBody.astro).
 * A slot is an HTML comment, which MDX cannot write (`<!--` is a syntax error in MDX), so nothing
 * an author writes is taken for one.
 */

/** A `<Photo>` left for the page: its props, the image as a path relative to the article. */
export interface PhotoSlot {
  /** The image, relative to the article's file: "./podium.jpg". */
  image: string;
  /** Every other prop as `<Photo>` received it (alt, credit, class, the parent's scope attribute). */
  props: { alt: string; credit: string } & Record<string, string | boolean | number>;
  /** The caption's HTML when `<Photo>` was given children, else null (no slot at all). */
  caption: string | null;
}

const OPEN = '<!--news-photo:';
const CLOSE = '-->';
const SLOT = /<!--news-photo:(.*?)-->/g;

/** The comment that stands for a picture; `<` and `>` are escaped so `-->` cannot end it early. */
export function slotComment(slot: PhotoSlot): string {
  return `${OPEN}${JSON.stringify(slot).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')}${CLOSE}`;
}

/** A stored body cut at its slots: HTML runs and pictures, in order. */
export type BodyPart = { html: string } | { photo: PhotoSlot };

/** Cuts stored HTML into its runs of HTML and its picture slots. */
export function bodyParts(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of html.matchAll(SLOT)) {
    if (match.index > last) parts.push({ html: html.slice(last, match.index) });
    parts.push({ photo: JSON.parse(match[1] ?? '') as PhotoSlot });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ html: html.slice(last) });
  return parts;
}

/** The images a stored body's slots name, as written relative to the article. */
export function slotImages(html: string): string[] {
  return [...new Set(bodyParts(html).flatMap((part) => ('photo' in part ? [part.photo.image] : [])))];
}
