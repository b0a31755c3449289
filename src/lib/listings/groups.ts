import type { Article } from '../articles/query';
import { calendarMonth } from '../site/dates';
import { slugify } from '../site/slug';

/** What listings need of an article (tests can pass plain objects). */
type Listed = Pick<Article, 'id' | 'data'>;

/**
 * Articles per listing page (10); listings never grow with the archive, they paginate.
 * `NEWS_PAGE_SIZE` lowers it for the example archive's tests, so pagination shows up there.
 */
export const PAGE_SIZE = readPageSize(process.env.NEWS_PAGE_SIZE);

function readPageSize(value: string | undefined): number {
  if (value === undefined) return 10;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`NEWS_PAGE_SIZE=${value} must be a whole number ≥ 1`);
  return size;
}

/** A group of articles under one key, newest first, keeping the order they came in. */
function groupBy<T extends Listed>(
  articles: readonly T[],
  keysOf: (article: T) => string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    for (const key of keysOf(article)) {
      const group = groups.get(key);
      if (group) group.push(article);
      else groups.set(key, [article]);
    }
  }
  return groups;
}

/** Each tag (by slug) with its display name (as first written) and its articles. */
export function groupByTag<T extends Listed>(
  articles: readonly T[],
): Map<string, { name: string; articles: T[] }> {
  const names = new Map<string, string>();
  for (const article of articles) {
    for (const tag of article.data.tags) if (!names.has(slugify(tag))) names.set(slugify(tag), tag);
  }
  const groups = groupBy(articles, (a) => [...new Set(a.data.tags.map(slugify))]);
  return new Map(
    [...groups].map(([slug, list]) => [slug, { name: names.get(slug) ?? slug, articles: list }]),
  );
}

/** Each source (byline, by slug, e.g. "jns") with its display name and articles. */
export function groupBySource(
  articles: readonly Article[],
): Map<string, { name: string; articles: Article[] }> {
  const groups = groupBy(articles, (a) => [slugify(a.data.byline)]);
  return new Map(
    [...groups].map(([slug, list]) => [slug, { name: list[0]?.data.byline ?? slug, articles: list }]),
  );
}

/**
 * Each person (by slug) with the articles they wrote, newest first, in one pass over the archive
 * (an author's page must not scan every article again). People with no article yet get none.
 * @param slugs every author's slug, so that each gets a group
 */
export function groupByAuthor<T extends Listed>(
  articles: readonly T[],
  slugs: readonly string[],
): Map<string, T[]> {
  const groups = groupBy(articles, (a) => a.data.authors ?? []);
  return new Map(slugs.map((slug) => [slug, groups.get(slug) ?? []]));
}

/**
 * The calendar year and month an article belongs to, in the site's time zone (an article
 * published at 00:30 on 1 April in Jerusalem is an April article, whatever UTC says).
 * @example yearMonth(article, 'Asia/Jerusalem') // { year: '2023', month: '03' }
 */
export function yearMonth(article: Listed, timeZone: string): { year: string; month: string } {
  return calendarMonth(article.data.published.date, timeZone);
}

/** Articles by year ("2023") and by year-month ("2023/03"), newest first within each. */
export function groupByDate<T extends Listed>(
  articles: readonly T[],
  timeZone: string,
): { years: Map<string, T[]>; months: Map<string, T[]> } {
  return {
    years: groupBy(articles, (a) => [yearMonth(a, timeZone).year]),
    months: groupBy(articles, (a) => {
      const { year, month } = yearMonth(a, timeZone);
      return [`${year}/${month}`];
    }),
  };
}

interface ArchiveIndex {
  position: Map<string, number>;
  bySection: Map<string, Listed[]>;
  sectionPosition: Map<string, number>;
}
const indexes = new WeakMap<readonly Listed[], ArchiveIndex>();

/** Positions and per-section lists, built once per archive array (not once per article page). */
function indexOf(articles: readonly Listed[]): ArchiveIndex {
  let index = indexes.get(articles);
  if (!index) {
    const bySection = groupBy(articles, (a) => [a.data.section]);
    index = {
      position: new Map(articles.map((a, i) => [a.id, i])),
      bySection,
      sectionPosition: new Map(
        [...bySection.values()].flatMap((list) => list.map((a, i) => [a.id, i] as const)),
      ),
    };
    indexes.set(articles, index);
  }
  return index;
}

/**
 * The neighbours of an article in the archive (newest first): `newer` and `older`, and up to
 * `count` other articles from the same section, nearest in time first. Constant work per page
 * after a one-off index, so a 10,000-article build does not go quadratic.
 */
export function neighbours<T extends Listed>(
  articles: readonly T[],
  id: string,
  count = 3,
): { newer: T | undefined; older: T | undefined; sameSection: T[] } {
  const { position, bySection, sectionPosition } = indexOf(articles);
  const at = position.get(id);
  const self = at === undefined ? undefined : articles[at];
  if (at === undefined || !self) return { newer: undefined, older: undefined, sameSection: [] };
  const section = (bySection.get(self.data.section) ?? []) as readonly T[]; // built from `articles`, so T
  const i = sectionPosition.get(id) ?? 0;
  // Walk outwards from the article in its section's list: nearest first, newer before older.
  const sameSection: T[] = [];
  for (let step = 1; sameSection.length < count && (i - step >= 0 || i + step < section.length); step++) {
    const newer = section[i - step];
    const older = section[i + step];
    if (newer) sameSection.push(newer);
    if (older && sameSection.length < count) sameSection.push(older);
  }
  return { newer: articles[at - 1], older: articles[at + 1], sameSection };
}
