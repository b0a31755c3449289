/**
 * A feed route's response: the scope's feed model (its newest articles and its channel),
 * serialized in the route's format and served with that format's media type.
 */
import { siteConfig } from '../../site.config';
import { getPublishedArticles } from '../articles/query';
import { allCorrections } from '../people/corrections';
import { parseNewsDate } from '../site/dates';
import { absoluteUrl, paths, requireSite } from '../site/urls';
import { renderAtom } from './atom';
import { FEED_FORMATS, type FeedFormat } from './formats';
import { feedItemsFor, liveItemsFor, noticeItemsFor } from './items';
import { renderJsonFeed } from './json';
import type { FeedChannel, FeedItem, FeedSerializer } from './model';
import { renderRss } from './rss';
import { articlesInFeed } from './scope-articles';
import { feedTitle, scopeDescription, type FeedScope } from './scopes';

const SERIALIZERS: Record<FeedFormat, FeedSerializer> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/**
 * The last change of a feed with no items: the day the site began (`siteConfig.launched`), fixed
 * so the feed's bytes do not change between builds (see `launched`).
 */
export function emptyFeedUpdated(): Date {
  const launched = parseNewsDate(siteConfig.launched, siteConfig.timeZone);
  if (typeof launched === 'string') throw new Error(`src/site.config.ts: launched: ${launched}`);
  return launched.date;
}

/** A feed's items: articles, notices, or for a live page its updates (each cut to the item limit). */
async function itemsOf(scope: FeedScope, site: URL): Promise<FeedItem[]> {
  switch (scope.kind) {
    case 'corrections':
      return noticeItemsFor(
        allCorrections(await getPublishedArticles()).slice(0, siteConfig.feedItemLimit),
        site,
      );
    case 'live': {
      const [article] = await articlesInFeed(scope);
      if (!article) throw new Error(`No published live page "${scope.slug}" for its feed`);
      return (await liveItemsFor(article, site)).slice(0, siteConfig.feedItemLimit);
    }
    default:
      return feedItemsFor(await articlesInFeed(scope), site);
  }
}

/**
 * The model of one feed (the site's, a section's, a tag's, a person's, or the corrections'),
 * shared by its three formats: its newest `siteConfig.feedItemLimit` articles (or notices) and its
 * channel, minus the per-format self URL.
 */
export async function buildFeed(
  scope: FeedScope,
  site: URL,
): Promise<{ channel: Omit<FeedChannel, 'feedUrl'>; items: FeedItem[] }> {
  const items = await itemsOf(scope, site);
  const newest = items.reduce<Date | undefined>((max, item) => {
    const changed = item.updated ?? item.published;
    return !max || changed > max ? changed : max;
  }, undefined);
  return {
    channel: {
      title: feedTitle(scope, siteConfig),
      description: scopeDescription(scope, siteConfig),
      lang: siteConfig.lang,
      homeUrl: absoluteUrl(paths.feedHome(scope), site),
      author: siteConfig.publisher,
      updated: newest ?? emptyFeedUpdated(),
      timeZone: siteConfig.timeZone,
    },
    items,
  };
}

/**
 * The response for one feed route: the scope's feed model in the given format, with its media type.
 * @param site Astro's `site`; required, since every URL in a feed must be absolute
 */
export async function feedResponse(
  format: FeedFormat,
  scope: FeedScope,
  site: URL | undefined,
): Promise<Response> {
  const path = paths.feed(scope, format);
  const origin = requireSite(site, path);
  const { channel, items } = await buildFeed(scope, origin);
  const body = SERIALIZERS[format]({ ...channel, feedUrl: absoluteUrl(path, origin) }, items);
  return new Response(body, {
    headers: { 'Content-Type': `${FEED_FORMATS[format].mediaType}; charset=utf-8` },
  });
}
