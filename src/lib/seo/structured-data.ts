import type { ArticleData } from '../../schemas/article';
import type { SiteConfig } from '../../site.config';
import { isoWithOffset } from '../site/dates';
import { correctionsOf, lastModified } from '../people/corrections';
import { SECTION_LABELS } from '../listings/sections';
import { updatesShownAt } from '../live/context';
import { publishedUpdates } from '../live/updates';
import type { Coverage } from '../../schemas/coverage';

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
  /** The people the article names, in byline order; none for an agency's story. */
  people: readonly StructuredPerson[];
  /**
   * The instant a live page's updates are shown at (the build's: `updatesShownAt`); an update
   * after it appears nowhere, here included.
   */
  now?: Date;
}

/** A person as structured data names them: their name, page here, and pages elsewhere. */
export interface StructuredPerson {
  readonly name: string;
  /** Absolute URL of their page on this site. */
  readonly url: string;
  /** Their own links elsewhere (`links` in their file). */
  readonly sameAs: readonly string[];
}

/**
 * schema.org NewsArticle for an article (LiveBlogPosting, a kind of NewsArticle, for a live page), with the fields Google's article documentation
 * recommends: headline, image, datePublished/dateModified with offsets (modified: never before the
 * latest correction), author (the people, each a Person; an organisation when no person is named,
 * as with a news agency byline), publisher with logo, and each correction or clarification as a
 * CorrectionComment.
 */
export function newsArticleJsonLd(data: ArticleData, site: SiteConfig, context: NewsArticleContext) {
  const published = isoWithOffset(data.published, site.timeZone);
  const now = context.now ?? updatesShownAt();
  return {
    '@context': 'https://schema.org',
    '@type': data.coverage ? 'LiveBlogPosting' : 'NewsArticle',
    headline: data.headline,
    description: data.dek,
    image: [...context.images],
    datePublished: published,
    // Never before the latest correction: a correction is a change.
    dateModified: isoWithOffset(lastModified({ data }, now), site.timeZone),
    ...(data.coverage ? liveBlog(data, data.coverage, context.url, now, site) : {}),
    author:
      context.people.length > 0
        ? context.people.map((person) => ({
            '@type': 'Person',
            name: person.name,
            url: person.url,
            ...(person.sameAs.length > 0 ? { sameAs: [...person.sameAs] } : {}),
          }))
        : [{ '@type': 'Organization', name: data.byline, url: context.sourceUrl }],
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
    ...(data.corrections?.length
      ? {
          correction: correctionsOf({ data }).map((notice) => ({
            '@type': 'CorrectionComment',
            datePublished: isoWithOffset(notice.date, site.timeZone),
            text: notice.text,
          })),
        }
      : {}),
  };
}

/**
 * A LiveBlogPosting's own fields (Google's live blog markup): when the coverage started (the
 * article's publication) and, once over, ended; one BlogPosting per update shown at `now`,
 * newest first, each with its URL on the page (the page's plus its anchor) and its plain text.
 */
function liveBlog(data: ArticleData, coverage: Coverage, url: string, now: Date, site: SiteConfig) {
  return {
    coverageStartTime: isoWithOffset(data.published, site.timeZone),
    ...(coverage.status === 'ended' && coverage.ended
      ? { coverageEndTime: isoWithOffset(coverage.ended, site.timeZone) }
      : {}),
    liveBlogUpdate: publishedUpdates({ data }, now).map((update) => ({
      '@type': 'BlogPosting',
      headline: update.title,
      datePublished: isoWithOffset(update.time, site.timeZone),
      url: `${url}#${update.anchor}`,
      articleBody: update.text,
    })),
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
