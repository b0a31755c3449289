/**
 * Published articles → feed items. Rendering an MDX body is the expensive part of a feed, and the
 * site's feeds, each section's and each tag's carry the same articles, so each body is rendered
 * once per build, through `<FeedEntry>` in Astro's container: the lead photograph as the page
 * shows it (`<LeadPhoto>`), then the body through `<ArticleBody>`, the article page's own renderer.
 */
import { render } from 'astro:content';
import ArticleBody from '../../components/ArticleBody.astro';
import FeedEntry from '../../components/FeedEntry.astro';
import NoticeEntry from '../../components/NoticeEntry.astro';
import { siteConfig } from '../../site.config';
import type { Article } from '../articles/query';
import { lastModified, type CorrectionEntry } from '../people/corrections';
import { leadImageRendition, type LeadImage } from '../photos/renditions';
import { authorsOf, getAuthors, type Author } from '../people/authors';
import { SECTION_LABELS } from '../listings/sections';
import { absoluteUrl, paths } from '../site/urls';
import { updatesShownAt } from '../live/context';
import { updateBodies } from '../live/sections';
import { publishedUpdates } from '../live/updates';
import { toFeedHtml } from './html';
import type { FeedImage, FeedItem, FeedPerson } from './model';
import { renderInContainer } from '../site/container';

/** An item's authors: the people it names, each with their page, else its byline as written. */
function feedAuthors(people: readonly Author[], byline: string, site: URL): FeedPerson[] {
  if (people.length === 0) return [{ name: byline }];
  return people.map((person) => ({
    name: person.data.name,
    url: absoluteUrl(paths.author(person.id), site),
  }));
}

/**
 * Items by article (and site), shared by every feed route in a build. A promise, so two routes
 * asking at once still render once.
 */
const items = new Map<string, Promise<FeedItem>>();

async function buildItem(article: Article, site: URL): Promise<FeedItem> {
  const permalink = absoluteUrl(paths.article(article.id), site);
  const html = await renderInContainer(FeedEntry, { props: { article } });
  const { headline, dek, published, section, tags, byline, image } = article.data;
  // The last change, corrections included: a corrected article shows its change in every format.
  const modified = lastModified(article);
  const people = authorsOf(article, await getAuthors());
  return {
    permalink,
    title: headline,
    description: dek,
    published: published.date,
    ...(modified !== published ? { updated: modified.date } : {}),
    categories: [SECTION_LABELS[section], ...tags],
    authors: feedAuthors(people, byline, site),
    contentHtml: toFeedHtml(html, permalink),
    ...(image ? { image: await feedImage(image, site) } : {}),
  };
}

/** The lead photograph as the feeds enclose it: its one rendition for feeds, absolute, and its words. */
async function feedImage(image: LeadImage, site: URL): Promise<FeedImage> {
  const { src, width, height, mediaType } = await leadImageRendition(image);
  return {
    url: absoluteUrl(src, site),
    width,
    height,
    mediaType,
    alt: image.alt,
    credit: image.credit,
    ...(image.caption === undefined ? {} : { caption: image.caption }),
  };
}

/**
 * The corrections feed's items: one per notice, newest first, each linking to the notice on its
 * article (`#notice-1`, which is also its identifier), titled with its kind and the headline.
 * @param site the site's origin, against which every URL is made absolute
 */
export async function noticeItemsFor(
  entries: readonly CorrectionEntry<Article>[],
  site: URL,
): Promise<FeedItem[]> {
  const result: FeedItem[] = [];
  for (const { article, correction, anchor } of entries) {
    const permalink = absoluteUrl(`${paths.article(article.id)}#${anchor}`, site);
    const kind = correction.kind === 'correction' ? 'Correction' : 'Clarification';
    const html = await renderInContainer(NoticeEntry, { props: { article, correction, anchor } });
    result.push({
      permalink,
      title: `${kind}: ${article.data.headline}`,
      description: correction.text,
      published: correction.date.date,
      categories: [kind],
      authors: [{ name: siteConfig.publisher }],
      contentHtml: toFeedHtml(html, permalink),
    });
  }
  return result;
}

/**
 * A live page's feed items: one per update published at this build's instant, newest first. Each
 * item's id is the page's URL plus the update's anchor, made from its time, so it never changes;
 * its date is the update's time; its content is the update's HTML as the page shows it (the body
 * is rendered through `<ArticleBody>`, then cut at each update), through the feed allow-list.
 * @param site the site's origin, against which every URL is made absolute
 */
export async function liveItemsFor(article: Article, site: URL): Promise<FeedItem[]> {
  const html = await renderInContainer(ArticleBody, { props: { article } });
  const bodies = updateBodies(html);
  const page = absoluteUrl(paths.article(article.id), site);
  const { section, tags, byline } = article.data;
  const people = authorsOf(article, await getAuthors());
  return publishedUpdates(article, updatesShownAt()).map((update) => {
    const permalink = `${page}#${update.anchor}`;
    const body = bodies.get(update.anchor);
    if (body === undefined) {
      throw new Error(
        `${article.id}: the update ${update.anchor} is published but was not rendered (src/components/mdx/Update.astro)`,
      );
    }
    return {
      permalink,
      title: update.title,
      description: update.text.split('\n\n')[0] ?? '',
      published: update.time.date,
      categories: [SECTION_LABELS[section], ...tags],
      authors: feedAuthors(people, byline, site),
      contentHtml: toFeedHtml(body, permalink),
    };
  });
}

/**
 * The feed items for these articles, in their order. Each article's body is rendered at most once
 * per build, however many feeds carry it; `astro dev` renders afresh so edits show.
 * @param site the site's origin (Astro's `site`), against which every URL is made absolute
 */
export async function feedItemsFor(articles: readonly Article[], site: URL): Promise<FeedItem[]> {
  const result: FeedItem[] = [];
  // One at a time: a failure then names one article.
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
    } else {
      // The item was rendered for another feed, so Astro did not see this one render the body.
      // Its incremental build reuses a keyed feed unless an entry the feed *rendered* changed
      // (an image or component the body imports: the article's digest covers only its text), so
      // each feed says so itself: render() records the entry for the path being built, and
      // costs no rendering (it returns the body's component, which is not called).
      await render(article);
    }
    result.push(await item);
  }
  return result;
}
