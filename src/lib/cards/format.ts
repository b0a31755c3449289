import type { CardFormat } from '../site/site-paths';
import type { Article } from '../articles/query';
import { SECTION_LABELS } from '../listings/sections';

/** The media type of each card format, for `og:image:type` and the card routes' responses. */
export const CARD_MEDIA_TYPES = { png: 'image/png', jpg: 'image/jpeg' } as const satisfies Record<
  CardFormat,
  string
>;

/** Which social card an article has, and how a page names it. */
export interface SocialCardRef {
  /** PNG for the card drawn from the headline; JPEG for the one from the lead photograph. */
  readonly format: CardFormat;
  /** Its media type, for `og:image:type`. */
  readonly mediaType: (typeof CARD_MEDIA_TYPES)[CardFormat];
  /** What it shows, for `og:image:alt` and `twitter:image:alt`. */
  readonly alt: string;
}

/**
 * An article's social card: from its lead photograph when it has one (a JPEG: a photo as PNG
 * would weigh ten times more), else drawn from its headline (a PNG, sharp text on flat colour).
 * @example socialCardOf(article) // { format: 'png', mediaType: 'image/png', alt: 'World: Azerbaijan opens embassy in Israel' }
 */
export function socialCardOf(article: Pick<Article, 'data'>): SocialCardRef {
  const { image, section, headline } = article.data;
  if (image)
    return {
      format: 'jpg',
      mediaType: CARD_MEDIA_TYPES.jpg,
      alt: `${image.alt}, under the headline: ${headline}`,
    };
  return { format: 'png', mediaType: CARD_MEDIA_TYPES.png, alt: `${SECTION_LABELS[section]}: ${headline}` };
}
