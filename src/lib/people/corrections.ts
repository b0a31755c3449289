import type { Article } from '../articles/query';
import type { NewsDate } from '../site/dates';
import { noticeId } from '../articles/page-ids';
import { updatesShownAt } from '../live/context';
import { isUpdatePublished, type LiveUpdate } from '../live/updates';
import type { Correction } from '../../schemas/correction';

/** What the corrections helpers need of an article (tests can pass plain objects). */
type Corrected = {
  data: Pick<Article['data'], 'published' | 'updated' | 'corrections'> & {
    readonly updates?: readonly LiveUpdate[] | undefined;
  };
};

/**
 * An article's corrections and clarifications, in the order written: oldest first, since the
 * schema refuses a notice dated before the one above it. Not sorted here: a notice's place in
 * this list is its number ({@link noticeAnchor}), and sorting would renumber the others when one
 * was added out of order.
 */
export function correctionsOf(article: Corrected): readonly Correction[] {
  return article.data.corrections ?? [];
}

/**
 * When an article last changed: the latest of its publication, its `updated`, its corrections
 * and, for a live page, its latest update shown at `now`. A correction is a change, so the date
 * search engines and feeds get is never before it, whatever `updated` says; a live page's is its
 * latest update, in feeds, listings and JSON-LD alike.
 * @param now the build's instant, which decides which updates are shown (`updatesShownAt`)
 */
export function lastModified(article: Corrected, now: Date = updatesShownAt()): NewsDate {
  const { published, updated, updates = [] } = article.data;
  return [
    published,
    ...(updated ? [updated] : []),
    ...correctionsOf(article).map((c) => c.date),
    ...updates.filter((update) => isUpdatePublished(update, now)).map((update) => update.time),
  ].reduce((latest, date) => (date.date > latest.date ? date : latest));
}

/**
 * The id of an article's notice on its page and in the corrections feed: its place in the
 * article's `corrections` as written, from 1. New notices go at the end (the schema refuses one
 * dated before the notice above it), so an anchor never moves. The id is made in
 * src/lib/articles/page-ids.ts, which keeps the article's headings off it.
 * @example noticeAnchor(0) // 'notice-1'
 */
export function noticeAnchor(index: number): string {
  return noticeId(index);
}

/** One notice on the site's corrections page: the notice and the article it belongs to. */
export interface CorrectionEntry<A> {
  readonly article: A;
  readonly correction: Correction;
  /** Its id on the article's page (see {@link noticeAnchor}). */
  readonly anchor: string;
}

/**
 * Every correction and clarification of these articles, for `/corrections/` and its feed: newest
 * notice first; on the same date, the more recently published article first, then its later
 * notice first (the one further down its list); then by article id, so the order never depends
 * on the order the articles were read in.
 */
export function allCorrections<A extends Corrected & Pick<Article, 'id'>>(
  articles: readonly A[],
): CorrectionEntry<A>[] {
  return articles
    .flatMap((article) =>
      correctionsOf(article).map((correction, i) => ({
        article,
        correction,
        index: i,
        anchor: noticeAnchor(i),
      })),
    )
    .sort(
      (a, b) =>
        b.correction.date.date.getTime() - a.correction.date.date.getTime() ||
        b.article.data.published.date.getTime() - a.article.data.published.date.getTime() ||
        a.article.id.localeCompare(b.article.id) ||
        b.index - a.index,
    )
    .map(({ article, correction, anchor }) => ({ article, correction, anchor }));
}
