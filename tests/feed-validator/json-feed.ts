import {
  feedHtmlProblems,
  isAbsoluteUrl,
  isLanguageTag,
  itemLabel,
  mediaTypeProblems,
  rfc3339Problem,
  show,
  type FeedProblem,
  type Report,
} from './common';

/**
 * The rule checker for the site's JSON Feeds (version 1.1), as rss.ts is for RSS 2.0 and atom.ts
 * for Atom; what the formats share (URLs, feed HTML, the media type, RFC 3339 dates) is in
 * common.ts. A few stricter site policies (every item links to its page and carries its whole
 * body) are noted where they apply.
 */

/** The rules {@link checkJsonFeed} applies. */
export const JSON_FEED_RULES = [
  'well-formed',
  'version',
  'feed-required',
  'feed-url',
  'url-absolute',
  'item-required',
  'id',
  'rfc3339-dates',
  'content',
  'authors',
  'tags',
  'language',
  'content-type',
] as const;

/** One of the {@link JSON_FEED_RULES}. */
export type JsonFeedRuleId = (typeof JSON_FEED_RULES)[number];

/** The JSON Feed version this site publishes; 1.0 feeds have a different item shape (`author`). */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
/** JSON Feed's own type, and plain JSON, which every JSON Feed reader also takes. */
const JSON_FEED_MEDIA_TYPES = ['application/feed+json', 'application/json'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Top-level fields holding one URL (JSON Feed 1.1 §"Top-level"). */
const FEED_URL_FIELDS = ['home_page_url', 'feed_url', 'icon', 'favicon'] as const;
/** Item fields holding one URL. */
const ITEM_URL_FIELDS = ['url', 'external_url', 'image', 'banner_image'] as const;

/**
 * Checks a JSON Feed against the rules in {@link JSON_FEED_RULES}.
 *
 * @param json The feed exactly as served.
 * @param options.feedUrl The URL the feed is served at, which its `feed_url` must name.
 * @param options.contentType The `Content-Type` it is served with, when known.
 * @returns Every problem found; an empty array means the feed is valid. A document that is not
 *   JSON (or not an object) yields only that problem.
 */
export function checkJsonFeed(
  json: string,
  options: { feedUrl: string; contentType?: string },
): FeedProblem[] {
  let feed: Json;
  try {
    feed = JSON.parse(json) as Json;
  } catch (error) {
    return [
      {
        rule: 'well-formed',
        message: `the feed is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
  if (!isObject(feed)) return [{ rule: 'well-formed', message: 'the feed is JSON, but not an object' }];

  const problems: FeedProblem[] = [];
  const report: Report<JsonFeedRuleId> = (rule, message) => problems.push({ rule, message });

  if (options.contentType !== undefined) {
    const served = mediaTypeProblems(options.contentType, {
      accepted: JSON_FEED_MEDIA_TYPES,
      encoding: 'UTF-8',
      encodingSource: 'the only encoding of JSON (RFC 8259 §8.1)',
    });
    for (const problem of served) report('content-type', problem);
  }
  if (feed.version !== JSON_FEED_VERSION) {
    report('version', `version is ${showJson(feed.version)}, not ${show(JSON_FEED_VERSION)}`);
  }
  if (typeof feed.title !== 'string' || feed.title.trim() === '') {
    report('feed-required', `title is ${showJson(feed.title)}, not a non-empty string`);
  }
  if (feed.feed_url !== options.feedUrl) {
    report('feed-url', `feed_url is ${showJson(feed.feed_url)}, not the feed URL ${show(options.feedUrl)}`);
  }
  for (const field of FEED_URL_FIELDS) checkJsonUrl(feed, field, 'the feed', report);
  checkLanguage(feed.language, 'the feed', report);
  checkJsonAuthors(feed, 'the feed', report);

  if (!Array.isArray(feed.items)) {
    report('feed-required', `items is ${showJson(feed.items)}, not an array`);
    return problems;
  }
  const ids = new Map<string, string>();
  feed.items.forEach((item, index) => {
    if (!isObject(item)) {
      report('item-required', `item ${index + 1} is ${showJson(item)}, not an object`);
      return;
    }
    const label = itemLabel('item', index, typeof item.title === 'string' ? item.title : '');
    checkJsonItem(item, label, ids, report);
  });
  return problems;
}

function checkJsonItem(
  item: JsonObject,
  label: string,
  ids: Map<string, string>,
  report: Report<JsonFeedRuleId>,
): void {
  // The spec requires a string id, unique in the feed; readers use it to tell new items from seen ones.
  if (typeof item.id !== 'string' || item.id.trim() === '') {
    report('item-required', `${label} id is ${showJson(item.id)}, not a non-empty string`);
  } else {
    const seenIn = ids.get(item.id);
    if (seenIn === undefined) ids.set(item.id, label);
    else report('id', `${label} id ${show(item.id)} repeats the id of ${seenIn}`);
  }
  // Site policy: every item is an article, so it must link to its page.
  if (item.url === undefined)
    report('item-required', `${label} has no url (every item must link to its article)`);
  for (const field of ITEM_URL_FIELDS) checkJsonUrl(item, field, label, report);
  for (const field of ['title', 'summary'] as const) {
    if (item[field] !== undefined && typeof item[field] !== 'string') {
      report('item-required', `${label} ${field} is ${showJson(item[field])}, not a string`);
    }
  }

  for (const field of ['date_published', 'date_modified'] as const) {
    const value = item[field];
    if (value === undefined) continue;
    const problem = typeof value === 'string' ? rfc3339Problem(value) : `is ${showJson(value)}, not a string`;
    if (problem !== undefined) report('rfc3339-dates', `${label} ${field} ${problem}`);
  }
  // Site policy: RFC 3339 allows no date, but readers sort a news feed by it.
  if (item.date_published === undefined) report('rfc3339-dates', `${label} has no date_published`);

  // The spec requires content_html or content_text; the site publishes the whole article as HTML.
  const html = item.content_html;
  if (html === undefined && item.content_text === undefined) {
    report('content', `${label} has neither content_html nor content_text`);
  } else if (html === undefined) {
    report('content', `${label} has no content_html (every item carries the whole article as HTML)`);
  } else if (typeof html !== 'string' || html.trim() === '') {
    report('content', `${label} content_html is ${showJson(html)}, not non-empty HTML`);
  } else {
    for (const problem of feedHtmlProblems(html)) report('content', `${label} content_html: ${problem}`);
  }

  checkJsonAuthors(item, label, report);
  if (item.tags !== undefined) {
    if (!Array.isArray(item.tags)) report('tags', `${label} tags is ${showJson(item.tags)}, not an array`);
    else {
      for (const tag of item.tags) {
        if (typeof tag !== 'string' || tag.trim() === '')
          report('tags', `${label} has a tag ${showJson(tag)}, not a non-empty string`);
      }
    }
  }
  checkLanguage(item.language, label, report);
}

function checkJsonUrl(
  parent: JsonObject,
  field: string,
  label: string,
  report: Report<JsonFeedRuleId>,
): void {
  const value = parent[field];
  if (value === undefined) return;
  if (typeof value !== 'string' || !isAbsoluteUrl(value, ['http:', 'https:'])) {
    report('url-absolute', `${label} ${field} ${showJson(value)} is not an absolute http(s) URL`);
  }
}

/** JSON Feed 1.1 authors: an array of objects, each with a name, url or avatar. */
function checkJsonAuthors(parent: JsonObject, label: string, report: Report<JsonFeedRuleId>): void {
  const authors = parent.authors;
  if (authors === undefined) return;
  if (!Array.isArray(authors)) {
    report('authors', `${label} authors is ${showJson(authors)}, not an array`);
    return;
  }
  for (const author of authors) {
    if (
      !isObject(author) ||
      !['name', 'url', 'avatar'].some((key) => typeof author[key] === 'string' && author[key] !== '')
    ) {
      report('authors', `${label} has an author ${showJson(author)} without a name, url or avatar`);
    } else {
      checkJsonUrl(author, 'url', `${label} author`, report);
      checkJsonUrl(author, 'avatar', `${label} author`, report);
    }
  }
}

function checkLanguage(value: Json | undefined, label: string, report: Report<JsonFeedRuleId>): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !isLanguageTag(value)) {
    report('language', `${label} language ${showJson(value)} is not a language code such as "en" or "en-US"`);
  }
}

function showJson(value: Json | undefined): string {
  return value === undefined
    ? 'missing'
    : typeof value === 'string'
      ? show(value)
      : show(JSON.stringify(value));
}
