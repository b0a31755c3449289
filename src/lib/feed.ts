import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { getRssString } from '@astrojs/rss';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { parseHTML } from 'linkedom';
import ArticleBody from '../components/ArticleBody.astro';
import { siteConfig } from '../site.config';
import { getPublishedArticles, type Article } from './articles';
import { cacheKeyOf } from './cache-key';
import { buildTime } from './clock';
import { zoneOffsetMinutes } from './dates';
import { FEED_FORMATS, type FeedFormat } from './feed/formats';
import { feedTitle, scopeDescription, type FeedScope, type NarrowScope } from './feed/scopes';
import { groupByTag } from './listings';
import { SECTIONS, SECTION_LABELS } from './sections';
import { absoluteUrl, paths, requireSite } from './urls';

// ---------------------------------------------------------------------------------------------
// The feed model: what every format is serialized from. RSS, Atom and JSON Feed read the same
// items and the same channel, so they cannot disagree on what an article is.
// ---------------------------------------------------------------------------------------------

/** One article as the feeds carry it: everything already rendered and absolute. */
export interface FeedItem {
  /**
   * Absolute URL of the article page. Also the item's identifier in every format (RSS permalink
   * guid, Atom `id`, JSON Feed `id`), so a reader subscribed to two formats sees one article.
   */
  permalink: string;
  /** The headline, plain text. */
  title: string;
  /** The dek, plain text. */
  description: string;
  /** When it was first published. */
  published: Date;
  /** When it last changed in substance, if it ever did. */
  updated?: Date;
  /** Section label first, then the tags. */
  categories: string[];
  /** Who it is by, as printed after "By" (RSS `author` wants an e-mail, so `dc:creator`). */
  creator: string;
  /** The whole article body as feed-safe HTML (see {@link toFeedHtml}). */
  contentHtml: string;
}

/** The channel: who publishes the feed, where it lives and when it last changed. */
export interface FeedChannel {
  title: string;
  description: string;
  /** BCP 47 language, e.g. "en". */
  lang: string;
  /** Absolute URL of the page the feed mirrors: the home page, or a section's or tag's page. */
  homeUrl: string;
  /** Absolute URL this document is served at (its `rel="self"` link); differs per format. */
  feedUrl: string;
  /** The publisher, named as the feed's author (Atom requires one even when it has no entries). */
  author: string;
  /** The newest change among the items; for an empty feed, when it was built. */
  updated: Date;
  /**
   * IANA time zone Atom and JSON Feed dates are written in, so a date reads as the site prints
   * it ("2023-03-29T00:00:00+03:00", not the previous day in UTC). RSS dates stay in GMT.
   */
  timeZone: string;
}

// ---------------------------------------------------------------------------------------------
// The builder: published articles → feed items, each article's body rendered once per build.
// ---------------------------------------------------------------------------------------------

type Container = Awaited<ReturnType<typeof AstroContainer.create>>;
let container: Promise<Container> | undefined;

/**
 * Items by article (and site), shared by every feed route in a build: the site's feeds, each
 * section's and each tag's all carry the same articles, and rendering an MDX body is the
 * expensive part. A promise, so two routes asking at once still render once.
 */
const items = new Map<string, Promise<FeedItem>>();

/** Tag groups per published-articles array: every tag feed needs them, computed once per build. */
const tagGroups = new WeakMap<readonly Article[], ReturnType<typeof groupByTag<Article>>>();

async function buildItem(article: Article, site: URL): Promise<FeedItem> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    AstroContainer.create({ renderers }),
  );
  const permalink = absoluteUrl(paths.article(article.id), site);
  const html = await (await container).renderToString(ArticleBody, { props: { article } });
  const { headline, dek, published, updated, section, tags, byline } = article.data;
  return {
    permalink,
    title: headline,
    description: dek,
    published: published.date,
    ...(updated ? { updated: updated.date } : {}),
    categories: [SECTION_LABELS[section], ...tags],
    creator: byline,
    contentHtml: toFeedHtml(html, permalink),
  };
}

/**
 * The feed items for these articles, in their order. Each article's body is rendered at most once
 * per build, however many feeds carry it; `astro dev` renders afresh so edits show.
 * @param site the site's origin (Astro's `site`), against which every URL is made absolute
 */
export async function feedItemsFor(articles: readonly Article[], site: URL): Promise<FeedItem[]> {
  const result: FeedItem[] = [];
  // One at a time: the renders share one container, and a failure then names one article.
  for (const article of articles) {
    if (import.meta.env.DEV) {
      result.push(await buildItem(article, site));
      continue;
    }
    const key = `${site.href} ${article.id}`;
    let item = items.get(key);
    if (!item) {
      item = buildItem(article, site);
      items.set(key, item);
    }
    result.push(await item);
  }
  return result;
}

/** A feed narrower than the site's: one section or one tag (see {@link FeedScope}). */
export type ScopedFeed = NarrowScope;

/**
 * Every section and tag that has feeds: all sections (an empty one gets an empty, valid feed, since
 * its page exists and advertises it) and every tag a published article carries, as the tag pages.
 */
export async function feedScopes(): Promise<ScopedFeed[]> {
  const tags = tagsOf(await getPublishedArticles());
  return [
    ...SECTIONS.map((section): ScopedFeed => ({
      kind: 'section',
      slug: section,
      label: SECTION_LABELS[section],
    })),
    ...[...tags].map(([slug, { name }]): ScopedFeed => ({ kind: 'tag', slug, label: name })),
  ];
}

/**
 * `getStaticPaths` for the routes under `/feeds/<kind>/<slug>/`: one page per {@link feedScopes}.
 * Each is keyed (for incremental builds) by the articles it carries and, for an empty feed whose
 * `updated` is the build's time, by that time.
 */
export async function feedScopePaths(): Promise<
  {
    params: { kind: ScopedFeed['kind']; slug: string };
    props: { scope: ScopedFeed };
    cacheKey: string;
  }[]
> {
  const paths = [];
  for (const scope of await feedScopes()) {
    const carried = (await articlesInScope(scope)).slice(0, siteConfig.feedItemLimit);
    paths.push({
      params: { kind: scope.kind, slug: scope.slug },
      props: { scope },
      cacheKey: cacheKeyOf({ scope }, carried.length > 0 ? carried : buildTime),
    });
  }
  return paths;
}

function tagsOf(articles: readonly Article[]): ReturnType<typeof groupByTag<Article>> {
  let groups = tagGroups.get(articles);
  if (!groups) {
    groups = groupByTag(articles);
    tagGroups.set(articles, groups);
  }
  return groups;
}

/** The published articles a feed draws from, newest first, before the item limit. */
export async function articlesInScope(scope: FeedScope): Promise<Article[]> {
  const articles = await getPublishedArticles();
  if (scope.kind === 'site') return articles;
  if (scope.kind === 'section') return articles.filter((article) => article.data.section === scope.slug);
  return tagsOf(articles).get(scope.slug)?.articles ?? [];
}

/**
 * The model of one feed (the site's, a section's or a tag's), shared by its three formats: its
 * newest `siteConfig.feedItemLimit` articles and its channel, minus the per-format self URL.
 */
export async function buildFeed(
  scope: FeedScope,
  site: URL,
): Promise<{ channel: Omit<FeedChannel, 'feedUrl'>; items: FeedItem[] }> {
  const feedItems = await feedItemsFor(
    (await articlesInScope(scope)).slice(0, siteConfig.feedItemLimit),
    site,
  );
  const newest = feedItems.reduce<Date | undefined>((max, item) => {
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
      updated: newest ?? buildTime,
      timeZone: siteConfig.timeZone,
    },
    items: feedItems,
  };
}

const SERIALIZERS: Record<
  FeedFormat,
  (channel: FeedChannel, items: readonly FeedItem[]) => string | Promise<string>
> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

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
  const { channel, items: feedItems } = await buildFeed(scope, origin);
  const body = await SERIALIZERS[format]({ ...channel, feedUrl: absoluteUrl(path, origin) }, feedItems);
  return new Response(body, {
    headers: { 'Content-Type': `${FEED_FORMATS[format].mediaType}; charset=utf-8` },
  });
}

// ---------------------------------------------------------------------------------------------
// The serializers.
// ---------------------------------------------------------------------------------------------

/** Characters XML 1.0 forbids even escaped (control characters, lone surrogates): dropped. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text made safe for XML content and attribute values: markup characters escaped (so nothing can
 * close an element, and "]]>" becomes "]]&gt;") and characters XML cannot carry at all dropped,
 * since one of them makes a strict feed reader reject the whole document.
 */
export function escapeXml(text: string): string {
  return xmlText(text).replace(/[<>&"']/g, (c) => ENTITIES[c] ?? c);
}

function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Serialized XML. The writer escapes every string it is given and inserts only these unescaped. */
class Markup {
  constructor(readonly xml: string) {}
}

/** An element, its attributes and children; strings (attribute values, text) are escaped here. */
function el(
  name: string,
  attributes: Readonly<Record<string, string>>,
  ...children: (Markup | string)[]
): Markup {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const body = children.map((child) => (child instanceof Markup ? child.xml : escapeXml(child))).join('');
  return new Markup(body === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`);
}

/**
 * An RFC 3339 date-time at the offset `timeZone` has at that instant, to the second (news dates
 * carry no milliseconds).
 * @example rfc3339(new Date('2023-03-28T21:00:00Z'), 'Asia/Jerusalem') // '2023-03-29T00:00:00+03:00'
 */
export function rfc3339(date: Date, timeZone: string): string {
  const minutes = zoneOffsetMinutes(date, timeZone);
  const wallClock = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  const offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${wallClock}${offset}`;
}

/**
 * The RSS 2.0 document for the given items (already sorted and limited by the caller). Text is
 * escaped by the XML builder; nothing passed in can close an element or open a CDATA section.
 */
export async function renderRss(channel: FeedChannel, feedItems: readonly FeedItem[]): Promise<string> {
  return getRssString({
    title: xmlText(channel.title),
    description: xmlText(channel.description),
    site: channel.homeUrl,
    trailingSlash: true,
    stylesheet: paths.feedStylesheet(),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<language>${escapeXml(channel.lang)}</language>`,
      `<lastBuildDate>${channel.updated.toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
    items: feedItems.map((item) => ({
      title: xmlText(item.title),
      // @astrojs/rss writes the link as the item's permalink guid too.
      link: item.permalink,
      description: xmlText(item.description),
      pubDate: item.published,
      categories: item.categories.map(xmlText),
      content: xmlText(item.contentHtml),
      customData: `<dc:creator>${escapeXml(item.creator)}</dc:creator>`,
    })),
  });
}

/**
 * The Atom (RFC 4287) document for the given items: feed id, title, updated, author and its self
 * and alternate links; per entry the permalink as id and link, dates, author, categories, the dek
 * as summary and the whole body as escaped HTML content.
 */
export function renderAtom(channel: FeedChannel, feedItems: readonly FeedItem[]): string {
  const author = (name: string) => el('author', {}, el('name', {}, name));
  const feed = el(
    'feed',
    { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': channel.lang },
    // The feed's own address identifies it: stable, and unique to this scope and format.
    el('id', {}, channel.feedUrl),
    el('title', { type: 'text' }, channel.title),
    el('subtitle', { type: 'text' }, channel.description),
    el('updated', {}, rfc3339(channel.updated, channel.timeZone)),
    author(channel.author),
    el('link', { rel: 'self', type: 'application/atom+xml', href: channel.feedUrl }),
    el('link', { rel: 'alternate', type: 'text/html', href: channel.homeUrl }),
    ...feedItems.map((item) =>
      el(
        'entry',
        {},
        el('id', {}, item.permalink),
        el('title', { type: 'text' }, item.title),
        el('link', { rel: 'alternate', type: 'text/html', href: item.permalink }),
        el('published', {}, rfc3339(item.published, channel.timeZone)),
        el('updated', {}, rfc3339(item.updated ?? item.published, channel.timeZone)),
        author(item.creator),
        ...item.categories.map((term) => el('category', { term })),
        el('summary', { type: 'text' }, item.description),
        el('content', { type: 'html' }, item.contentHtml),
      ),
    ),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<?xml-stylesheet href="${escapeXml(paths.feedStylesheet())}" type="text/xsl"?>`,
    feed.xml,
  ].join('\n');
}

/**
 * The JSON Feed 1.1 document for the given items. JSON.stringify does all the escaping; every
 * date is RFC 3339 and `date_modified` is always given (the publication date when never updated),
 * as Atom's `updated` is.
 */
export function renderJsonFeed(channel: FeedChannel, feedItems: readonly FeedItem[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.lang,
    authors: [{ name: channel.author }],
    items: feedItems.map((item) => ({
      id: item.permalink,
      url: item.permalink,
      title: item.title,
      summary: item.description,
      content_html: item.contentHtml,
      date_published: rfc3339(item.published, channel.timeZone),
      date_modified: rfc3339(item.updated ?? item.published, channel.timeZone),
      authors: [{ name: item.creator }],
      tags: item.categories,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Article HTML → feed HTML.
// ---------------------------------------------------------------------------------------------

const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'NOSCRIPT',
]);
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'];

/**
 * Turns an article body rendered for the web into HTML fit for a feed's content: no script, style
 * or custom elements, no framework attributes, every link absolute (feed readers resolve relative
 * URLs inconsistently), and no link with a scheme other than http, https or mailto.
 * @param html the body as rendered by Astro
 * @param pageUrl the article's absolute URL, against which relative links are resolved
 */
export function toFeedHtml(html: string, pageUrl: string): string {
  const { document } = parseHTML('<!doctype html><html><body><div id="feed-root"></div></body></html>');
  const root = document.getElementById('feed-root');
  if (!root) throw new Error('toFeedHtml: could not create a document');
  root.innerHTML = html;

  for (const element of [...root.querySelectorAll('*')]) {
    if (DROP.has(element.tagName)) {
      element.remove();
      continue;
    }
    for (const { name } of [...element.attributes]) {
      if (name.startsWith('data-') || name.startsWith('on') || name === 'class' || name === 'style') {
        element.removeAttribute(name);
      }
    }
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const absolute = new URL(value, pageUrl);
      if (['http:', 'https:', 'mailto:'].includes(absolute.protocol)) {
        element.setAttribute(name, absolute.href);
      } else {
        element.removeAttribute(name);
      }
    }
    if (element.tagName.includes('-')) {
      element.replaceWith(...element.childNodes);
    }
  }
  return root.innerHTML.trim();
}
