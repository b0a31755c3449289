import type { ArticleData } from '../schemas/article';
import type { SiteConfig } from '../site.config';
import { isoWithOffset } from './dates';
import { SECTION_LABELS } from './sections';

/** What the structured data needs besides the article's own fields. */
export interface NewsArticleContext {
  /** The article page's canonical URL on this site. */
  url: string;
  /**
   * Absolute URLs of the article's images for search engines: the lead photograph's 16:9, 4:3 and
   * 1:1 crops, or the social card when there is no photograph.
   */
  images: readonly string[];
  /** Absolute URL of the publisher's logo. */
  logoUrl: string;
  /** Absolute URL of the source's page on this site (e.g. /source/jns/). */
  sourceUrl: string;
  /** Words in the body. */
  wordCount: number;
}

/**
 * schema.org NewsArticle for an article, with the fields Google's article documentation
 * recommends: headline, image, datePublished/dateModified with offsets, author (an organisation
 * when no person is named, as with a news agency byline), publisher with logo.
 */
export function newsArticleJsonLd(data: ArticleData, site: SiteConfig, context: NewsArticleContext) {
  const published = isoWithOffset(data.published, site.timeZone);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.headline,
    description: data.dek,
    image: [...context.images],
    datePublished: published,
    dateModified: data.updated ? isoWithOffset(data.updated, site.timeZone) : published,
    author: [{ '@type': 'Organization', name: data.byline, url: context.sourceUrl }],
    publisher: {
      '@type': 'Organization',
      name: site.publisher,
      logo: { '@type': 'ImageObject', url: context.logoUrl },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': context.url },
    articleSection: SECTION_LABELS[data.section],
    keywords: data.tags,
    inLanguage: data.lang,
    wordCount: context.wordCount,
    ...(data.canonical ? { isBasedOn: data.canonical } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` block: "<" is written as \u003c so no value
 * (a headline holding "</script>", say) can end the element early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
