import type { CardFormat } from '../site/site-paths';
import type { Article } from '../articles/query';
import { SECTION_LABELS } from '../listings/sections';
import { paths } from '../site/urls';

/** The media type of each card format, for `og:image:type` and the card routes' responses. */
export const CARD_MEDIA_TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const satisfies Record<
  CardFormat,
  string
>;

/** An article's social card as its page names it: where it is, its format and what it shows. */
export interface SocialCardRef {
  /** Absolute URL, for `og:image` and `twitter:image`, e.g. "https://news.example.com/cards/x.png". */
  readonly url: string;
  /** PNG for the card drawn from the headline; JPEG for the one from the lead photograph. */
  readonly format: CardFormat;
  /** Its media type, for `og:image:type`. */
  readonly mediaType: (typeof CARD_MEDIA_TYPES)[CardFormat];
  /** What it shows, for `og:image:alt` and `twitter:image:alt`. */
  readonly alt: string;
}

/**
 * The format of an article's social card: from its lead photograph when it has one (a JPEG: a
 * photo as PNG would weigh ten times more), else drawn from its headline (a PNG, sharp text on
 * flat colour).
 */
export function cardFormatOf(article: Pick<Article, 'data'>): CardFormat {
  return article.data.image ? 'jpg' : 'png';
}

/**
 * An article's social card (see {@link cardFormatOf}), named for its page's head.
 * @param absolute turns a site path into an absolute URL (the page's `absoluteUrl`)
 * @example socialCardOf(article, absolute)
 * // { url: 'https://news.example.com/cards/x.png', format: 'png', mediaType: 'image/png', alt: 'World: Azerbaijan opens embassy in Israel' }
 */
export function socialCardOf(
  article: Pick<Article, 'id' | 'data'>,
  absolute: (path: string) => string,
): SocialCardRef {
  const { image, section, headline } = article.data;
  const format = cardFormatOf(article);
  return {
    url: absolute(paths.card(article.id, format)),
    format,
    mediaType: CARD_MEDIA_TYPES[format],
    alt: image ? `${image.alt}, under the headline: ${headline}` : `${SECTION_LABELS[section]}: ${headline}`,
  };
}
