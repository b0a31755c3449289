// Runtime imports carry their `.ts` extension: scripts/draw-cards-ahead.mjs runs this file in
// plain Node (type stripping), outside Astro and Vite.
import type { CropPosition } from '../../schemas/image';
import { siteConfig } from '../../site.config.ts';
import type { Article } from '../articles/query';
import { sharpPosition } from '../photos/crop-position.ts';
import { formatDate, type NewsDate } from '../site/dates.ts';
import { SECTION_LABELS, type Section } from '../listings/sections.ts';

/** What a card shows; every field is plain text, already formatted for readers. */
export interface SocialCardInput {
  /** e.g. "Azerbaijan opens embassy in Israel" */
  readonly headline: string;
  /** The standfirst, e.g. "The two nations’ foreign ministers met in Jerusalem…" */
  readonly dek: string;
  /** The section's label as readers see it, e.g. "World" (shown uppercase). */
  readonly section: string;
  /** The date as readers say it, e.g. "March 29, 2023" (see `formatDate`). */
  readonly date: string;
  /** The publication's name, e.g. "JNS Wire". */
  readonly siteTitle: string;
  /**
   * The lead photograph, when the article has one: the card is then the photo, cropped to
   * 1200×630, with the headline on a dark band across its foot (a JPEG). Without it, the card is
   * drawn from the text alone (a PNG).
   */
  readonly photo?: CardPhoto | undefined;
}

/** The photograph a photo card is cut from. */
export interface CardPhoto {
  /** The image file, an absolute path. */
  readonly file: string;
  /** Where the crop keeps the subject, as sharp names it ("centre", "left top", …). */
  readonly position: string;
  /** Who took it, shown small on the band: "Miriam Levi/JNS". */
  readonly credit: string;
}

/** What a social card is drawn from: an article's fields, as its schema leaves them. */
export interface CardFields {
  readonly headline: string;
  readonly dek: string;
  readonly section: Section;
  readonly published: NewsDate;
  /** The lead photograph, when there is one: its file on disk, crop position and credit. */
  readonly photo?:
    { readonly file: string; readonly position: CropPosition; readonly credit: string } | undefined;
}

/**
 * What a social card shows: the headline, dek, section and date, and the lead photograph. The one
 * place a card's input is made, for the cards' pages and for the pre-drawer alike, so both name a
 * card by the same cache key.
 */
export function cardInputOf({ headline, dek, section, published, photo }: CardFields): SocialCardInput {
  return {
    headline,
    dek,
    section: SECTION_LABELS[section],
    date: formatDate(published, siteConfig),
    siteTitle: siteConfig.title,
    photo: photo && { file: photo.file, position: sharpPosition(photo.position), credit: photo.credit },
  };
}

/**
 * An article's social card input (see {@link cardInputOf}), its lead photograph being the file
 * Astro resolved from `image.src`.
 */
export function cardInput(article: Pick<Article, 'data'>): SocialCardInput {
  const { headline, dek, section, published, image } = article.data;
  return cardInputOf({
    headline,
    dek,
    section,
    published,
    photo: image && { file: sourceFile(image.src), position: image.position, credit: image.credit },
  });
}

/**
 * The file an imported image came from. Astro keeps it on the image's metadata as `fsPath`, a
 * property its proxy answers but does not list (so it never reaches the page).
 * @throws when the metadata has no file (an image that was not imported)
 */
export function sourceFile(image: object): string {
  const path: unknown = Reflect.get(image, 'fsPath');
  if (typeof path !== 'string') throw new Error('social card: the lead image has no source file (fsPath)');
  return path;
}
