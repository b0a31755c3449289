import { listingPage } from '../site/site-paths';

/**
 * Stable pagination, counted from the oldest page.
 *
 * Astro's `paginate()` counts from the newest: page 1 is the latest ten, page 2 the ten before,
 * and so every page of a listing shifts by one article each time a story is published. Every
 * listing page in the archive would then change (and render again) for each new story, and a
 * link to "page 37" would show other articles tomorrow.
 *
 * Here the numbered pages are fixed blocks counted from the oldest article: page 1 holds the
 * oldest `pageSize` articles, page 2 the next, and so on. The listing's own address (its front
 * page) holds the newest articles: between `pageSize` and `2 × pageSize − 1` of them, so that
 * every numbered page is full. Publishing a story changes the front page only, and once in every
 * `pageSize` stories a numbered page is born out of the front page's oldest articles (whose
 * neighbour then links to it as its newer page). A numbered page never says how many pages there
 * are: that would change it with every new page.
 */

/** One page of a listing. */
export interface ListingPage<T> {
  /** Undefined for the listing's front page (the newest articles), else 1 for the oldest block. */
  readonly number: number | undefined;
  /** The articles on the page, newest first. */
  readonly items: readonly T[];
  /** The page with the next newer articles (the front page links none). */
  readonly newer: string | undefined;
  /** The page with the next older articles (page 1 links none). */
  readonly older: string | undefined;
}

/**
 * The pages of a listing.
 * @param items the listing's articles, newest first
 * @param pageSize how many articles a numbered page holds (≥ 1)
 * @param urlOf the address of page `n`, or of the front page when `n` is undefined
 * @returns the front page first, then the numbered pages from the newest to page 1; a listing with
 *   no articles has one empty front page
 * @example
 * // 25 articles, 10 a page: the front page holds the newest 15, page 1 the oldest 10.
 * stablePages(articles, 10, url).map((p) => [p.number, p.items.length]) // [[undefined, 15], [1, 10]]
 */
export function stablePages<T>(
  items: readonly T[],
  pageSize: number,
  urlOf: (n: number | undefined) => string,
): ListingPage<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`stablePages: pageSize must be a whole number ≥ 1, not ${pageSize}`);
  }
  // Numbered pages: every full block but the newest, which stays on the front page with the rest.
  const numbered = Math.max(0, Math.floor(items.length / pageSize) - 1);
  const onFront = items.length - numbered * pageSize;
  // Page n (1 = oldest) is the n-th block of pageSize counted from the end of the list.
  const block = (n: number) => items.slice(items.length - n * pageSize, items.length - (n - 1) * pageSize);
  const pages: ListingPage<T>[] = [
    {
      number: undefined,
      items: items.slice(0, onFront),
      newer: undefined,
      older: numbered > 0 ? urlOf(numbered) : undefined,
    },
  ];
  for (let n = numbered; n >= 1; n--) {
    pages.push({
      number: n,
      items: block(n),
      newer: urlOf(n === numbered ? undefined : n + 1),
      older: n > 1 ? urlOf(n - 1) : undefined,
    });
  }
  return pages;
}

/**
 * `getStaticPaths` entries for a listing under a `[...page]` rest parameter: the front page at the
 * listing's address, page n at `<listing>page/<n>/`.
 * @param items the listing's articles, newest first
 * @param options `listing`: the front page's path (e.g. `paths.topic('iran')`); `pageSize`;
 *   `params` and `props` shared by every page of the listing
 * @example
 * stableListing(articles, { listing: paths.topic(tag), pageSize: PAGE_SIZE, params: { tag }, props: { name } })
 */
export function stableListing<T, Params extends Record<string, string>, Props extends object>(
  items: readonly T[],
  options: {
    listing: string;
    pageSize: number;
    params: Params;
    props: Props;
  },
): { params: Params & { page: string | undefined }; props: Props & { page: ListingPage<T> } }[] {
  const { listing, pageSize, params, props } = options;
  return stablePages(items, pageSize, (n) => (n === undefined ? listing : listingPage(listing, n))).map(
    (page) => ({
      params: { ...params, page: page.number === undefined ? undefined : `page/${page.number}` },
      props: { ...props, page },
    }),
  );
}
