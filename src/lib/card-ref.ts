import type { CardFormat } from './site-paths';
import type { Article } from './articles';
import { SECTION_LABELS } from './sections';

/** Which social card an article has, and how a page names it. */
export interface SocialCardRef {
  /** PNG for the card drawn from the headline; JPEG for the one from the lead photograph. */
  readonly format: CardFormat;
  /** Its media type, for `og:image:type`. */
  readonly mediaType: 'image/png' | 'image/jpeg';
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
    return { format: 'jpg', mediaType: 'image/jpeg', alt: `${image.alt}, under the headline: ${headline}` };
  return { format: 'png', mediaType: 'image/png', alt: `${SECTION_LABELS[section]}: ${headline}` };
}
