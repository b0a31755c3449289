/**
 * When the site next needs a build: the earliest moment something held back by the build's clock
 * (an embargoed article, a live page's timed update) may appear. scripts/build.mjs writes it beside
 * dist/, never into it (the time of the next embargoed story tells what is coming), and
 * scripts/build-if-due.mjs, started by a timer, builds once it has passed.
 *
 * Runtime imports only from Node: scripts/build.mjs reads {@link NEXT_DUE_PAGE} in plain Node.
 */
import type { NewsDate } from '../site/dates';

/** An instant as the schedule reads it: a {@link NewsDate} (its `date`), or anything carrying one. */
type Instant = Pick<NewsDate, 'date'>;

/**
 * What the schedule reads of an article: an entry of the `articles` collection fits, and so does
 * a live page whose entry lists its timed updates (`data.updates`, each with its `time` as a
 * NewsDate: issue 19's `<Update time="…">`).
 */
export interface ScheduledArticle {
  readonly data: {
    /** A draft is never published, so it is never due. */
    readonly draft?: boolean;
    /** Held back until this instant (a calendar day: midnight in the site's time zone). */
    readonly published: Instant;
    /** A live page's timed updates, each held back until its `time`. */
    readonly updates?: readonly { readonly time: Instant }[] | undefined;
  };
}

/**
 * The instants after `now` at which `article` shows something new: its publication and each of
 * its updates still held back. None for a draft.
 * @example heldBack(embargoed, new Date('2023-03-29T04:00:00Z')) // [2023-03-29T05:00:00.000Z]
 */
export function heldBack(article: ScheduledArticle, now: Date): Date[] {
  const { draft = false, published, updates = [] } = article.data;
  if (draft) return [];
  return [published, ...updates.map((update) => update.time)]
    .map((instant) => instant.date)
    .filter((date) => date.getTime() > now.getTime());
}

/**
 * The earliest instant after `now` at which a build would publish something the build at `now`
 * held back, or undefined when nothing is held back.
 * @param articles every article, drafts included (they are skipped here)
 * @param now the build's instant (src/lib/site/clock.ts `buildTime`)
 * @example nextDue(await getCollection('articles'), buildTime)?.toISOString() // '2023-03-29T05:00:00.000Z'
 */
export function nextDue(articles: Iterable<ScheduledArticle>, now: Date): Date | undefined {
  let earliest: Date | undefined;
  for (const article of articles) {
    for (const date of heldBack(article, now)) {
      if (earliest === undefined || date < earliest) earliest = date;
    }
  }
  return earliest;
}

/**
 * The name of the file src/pages/[schedule].txt.ts writes into the build folder when
 * scripts/build.mjs asks for it (`NEWS_NEXT_DUE=1`): `next-due.txt`, holding the
 * {@link nextDue} instant as an ISO string, or nothing. build.mjs takes it out of the folder before
 * the folder becomes dist/.
 */
export const NEXT_DUE_PAGE = 'next-due';
