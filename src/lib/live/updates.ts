/**
 * A live page's updates as the rest of the site reads them (the page, its JSON-LD, its feeds, the
 * site's listings): which are published at a given instant, which are held back, and each one's
 * anchor. Pure: no Astro, no satteri, so plain Node (scripts, the scheduler) can use it too.
 */
import type { NewsDate } from '../site/dates';

/** One `<Update>` of a live page, as the loader reads it from the MDX syntax tree. */
export interface LiveUpdate {
  /** When it happened (an instant with offset), as written in `time`. */
  readonly time: NewsDate;
  /** Its heading, plain text. */
  readonly title: string;
  /** Whether it is listed under "Key events". */
  readonly keyEvent: boolean;
  /** Its id on the page, from its time ({@link updateAnchor}), e.g. "update-20230329T071500Z". */
  readonly anchor: string;
  /** The file line its `<Update` tag starts on, counted from 1. */
  readonly line: number;
  /** Its text as plain text, paragraphs apart by a blank line (JSON-LD `articleBody`). */
  readonly text: string;
}

/** What these helpers need of an article (tests can pass plain objects). */
export interface LiveArticle {
  readonly data: { readonly updates?: readonly LiveUpdate[] | undefined };
}

/**
 * An update's anchor: "update-" and its instant in UTC, compact ("update-20230329T071500Z" for
 * 10:15:00+03:00). Made from the time alone, so adding, removing or reordering other updates
 * never moves it, and two spellings of one instant ("+03:00", "Z") give one anchor; two updates
 * cannot share it, since two updates at one time fail the build. UTC, not the offset written,
 * so the id holds no "+" or ":" that a URL would have to escape.
 * @example updateAnchor(new Date('2023-03-29T10:15:00+03:00')) // 'update-20230329T071500Z'
 */
export function updateAnchor(time: Date): string {
  return `update-${time.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * Whether readers may see an update at `now`: its time is not after the build's instant (the
 * embargo articles have, per update). Every place that shows updates filters through this.
 */
export function isUpdatePublished(update: Pick<LiveUpdate, 'time'>, now: Date): boolean {
  return update.time.date.getTime() <= now.getTime();
}

/**
 * The updates readers see at `now`, newest first (the order they are written in, which the
 * build enforces).
 * @example publishedUpdates(article, buildTime).map((u) => u.anchor)
 */
export function publishedUpdates(article: LiveArticle, now: Date): LiveUpdate[] {
  return (article.data.updates ?? []).filter((update) => isUpdatePublished(update, now));
}

/**
 * The updates held back at `now` (their time is after it), soonest first: the first is when
 * the page next needs a build.
 * @example heldBackUpdates(article, buildTime)[0]?.time.date // the next due instant, if any
 */
export function heldBackUpdates(article: LiveArticle, now: Date): LiveUpdate[] {
  return (article.data.updates ?? [])
    .filter((update) => !isUpdatePublished(update, now))
    .sort((a, b) => a.time.date.getTime() - b.time.date.getTime());
}

/** The published key events at `now`, newest first: the "Key events" list. */
export function keyEvents(article: LiveArticle, now: Date): LiveUpdate[] {
  return publishedUpdates(article, now).filter((update) => update.keyEvent);
}
