import type { Article } from './articles';
import { formatDate } from './dates';
import { sharpPosition } from './lead-image';
import { SECTION_LABELS } from './sections';
import type { SocialCardInput } from './social-card';
import { siteConfig } from '../site.config';

/**
 * What an article's social card shows: its headline, dek, section and date, and its lead
 * photograph when it has one (the file Astro resolved from `image.src`).
 */
export function cardInput(article: Pick<Article, 'data'>): SocialCardInput {
  const { headline, dek, section, published, image } = article.data;
  return {
    headline,
    dek,
    section: SECTION_LABELS[section],
    date: formatDate(published, siteConfig),
    siteTitle: siteConfig.title,
    photo: image && {
      file: sourceFile(image.src),
      position: sharpPosition(image.position),
      credit: image.credit,
    },
  };
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
