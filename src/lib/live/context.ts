import type { Coverage } from '../../schemas/coverage';
import { buildTime } from '../site/clock';
import type { NewsDate } from '../site/dates';
import type { LiveUpdate } from './updates';

/**
 * What `<Update>` knows of the live page it is on (`Astro.locals.live`, set by ArticleBody.astro):
 * where the "Key events" list goes, and whether the page takes the "new updates" button.
 */
export interface LiveContext {
  /** The article's `coverage`. */
  readonly coverage: Coverage;
  /** When the article was published: an update on another day shows its date too. */
  readonly published: NewsDate;
  /** Every update, newest first, held-back ones included (see `publishedUpdates`). */
  readonly updates: readonly LiveUpdate[];
  /** The instant updates are shown at: the build's, or the end of time under `astro dev`. */
  readonly now: Date;
  /**
   * The page's JSON Feed, which the "new updates" script checks, on the page of a live
   * coverage; undefined in a feed's copy of the body and once the coverage has ended.
   */
  readonly feedUrl?: string | undefined;
}

/**
 * The instant a live page's updates are shown at: the build's (`buildTime`), as embargoed
 * articles are; under `astro dev` every update, as every article, so editors see them.
 */
export function updatesShownAt({ dev = import.meta.env.DEV, now = buildTime } = {}): Date {
  return dev ? new Date(8.64e15) : now;
}
