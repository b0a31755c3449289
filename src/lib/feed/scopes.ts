import type { Section } from '../listings/sections';
import type { SiteConfig } from '../../site.config';

/**
 * What a feed carries: the whole site, one section, one topic (tag) or one person's articles. A section's or tag's
 * feed mirrors its listing page, and both are named from here, so the page's heading and
 * description and the feed's title and description are the same words.
 */
export type FeedScope =
  | { readonly kind: 'site' }
  | { readonly kind: 'section'; readonly slug: Section; readonly label: string }
  | { readonly kind: 'tag'; readonly slug: string; readonly label: string }
  | { readonly kind: 'author'; readonly slug: string; readonly label: string }
  | { readonly kind: 'corrections' }
  /** A live page's own feed: one item per published update, newest first; `slug` is the article's id. */
  | { readonly kind: 'live'; readonly slug: string; readonly label: string; readonly description: string };

/** The site-wide feed's scope (`/rss.xml`, `/atom.xml`, `/feed.json`). */
export const SITE_SCOPE = { kind: 'site' } as const satisfies FeedScope;

/**
 * The corrections log's feed (`/corrections/rss.xml`, …): every correction and clarification,
 * newest first, each an item linking to its notice on the article.
 */
export const CORRECTIONS_SCOPE = { kind: 'corrections' } as const satisfies FeedScope;

/** A listing's scope: a section, a tag or a person, each with feeds under /feeds/. */
export type NarrowScope = Extract<FeedScope, { kind: 'section' | 'tag' | 'author' }>;

/** A live page's feed scope (`/feeds/live/<id>/…`). */
export type LiveScope = Extract<FeedScope, { kind: 'live' }>;

/** What the site needs of its config to name a scope. */
type Naming = Pick<SiteConfig, 'title' | 'description'>;

/**
 * The heading of the scope's page: the site's name for the site, the section's label, or
 * "Topic: <tag>".
 * @example scopeHeading({ kind: 'tag', slug: 'iran', label: 'Iran' }, siteConfig) // 'Topic: Iran'
 */
export function scopeHeading(scope: FeedScope, site: Naming): string {
  switch (scope.kind) {
    case 'site':
      return site.title;
    case 'section':
      return scope.label;
    case 'tag':
      return `Topic: ${scope.label}`;
    case 'author':
      return scope.label;
    case 'corrections':
      return 'Corrections';
    case 'live':
      return scope.label;
  }
}

/**
 * A feed's own title, without the format: the site's name, then what the feed narrows to.
 * @example feedTitle({ kind: 'tag', slug: 'iran', label: 'Iran' }, siteConfig) // 'JNS Wire – Topic: Iran'
 */
export function feedTitle(scope: FeedScope, site: Naming): string {
  return scope.kind === 'site' ? site.title : `${site.title} – ${scopeHeading(scope, site)}`;
}

/**
 * One sentence on what the scope holds: the feed's description and its page's
 * `<meta name="description">`.
 * @example scopeDescription({ kind: 'section', slug: 'world', label: 'World' }, siteConfig) // 'World: the latest reports from JNS Wire.'
 */
export function scopeDescription(scope: FeedScope, site: Naming): string {
  switch (scope.kind) {
    case 'site':
      return site.description;
    case 'section':
      return `${scope.label}: the latest reports from ${site.title}.`;
    case 'tag':
      return `Reports from ${site.title} about ${scope.label}.`;
    case 'author':
      return `Reports by ${scope.label} for ${site.title}.`;
    case 'corrections':
      return `Every correction and clarification ${site.title} has published.`;
    case 'live':
      return scope.description;
  }
}

/**
 * A live page's feed scope, named after its article: its headline is the feed's heading, its dek
 * the description.
 * @example liveScope({ id: 'x', data: { headline: 'Polling day', dek: '…' } }) // { kind: 'live', slug: 'x', label: 'Polling day', description: '…' }
 */
export function liveScope(article: {
  readonly id: string;
  readonly data: { readonly headline: string; readonly dek: string };
}): LiveScope {
  return { kind: 'live', slug: article.id, label: article.data.headline, description: article.data.dek };
}
