import { describe, expect, it } from 'vitest';
import { stableListing, stablePages, type ListingPage } from '../../src/lib/listings/pagination';
import { paths } from '../helpers/site';

const LISTING = paths.topic('iran');
const urlOf = (n: number | undefined) => (n === undefined ? LISTING : paths.listingPage(LISTING, n));
/** Articles "a<count-1>" (newest) … "a0" (oldest), newest first, as listings get them. */
const archive = (count: number) => Array.from({ length: count }, (_, i) => `a${count - 1 - i}`);
/** A page as a string, to compare whole pages: its number, items and both links. */
const shown = (page: ListingPage<string>) =>
  JSON.stringify([page.number ?? 'front', page.items, page.newer ?? '-', page.older ?? '-']);

describe('stablePages', () => {
  it('keeps the newest P to 2P − 1 articles on the front page and numbers full pages from the oldest', () => {
    const pages = stablePages(archive(25), 10, urlOf);
    expect(pages.map((p) => [p.number, p.items.length])).toEqual([
      [undefined, 15],
      [1, 10],
    ]);
    expect(pages[1]?.items).toEqual(archive(10));
    expect(stablePages(archive(9), 10, urlOf).map((p) => p.items.length)).toEqual([9]);
    expect(stablePages(archive(19), 10, urlOf).map((p) => p.items.length)).toEqual([19]);
    expect(stablePages(archive(20), 10, urlOf).map((p) => p.items.length)).toEqual([10, 10]);
    expect(stablePages([], 10, urlOf)).toEqual([
      { number: undefined, items: [], newer: undefined, older: undefined },
    ]);
  });

  it('chains newer and older links from the front page down to page 1', () => {
    const pages = stablePages(archive(7), 2, urlOf);
    expect(pages.map((p) => [p.number, p.items, p.newer, p.older])).toEqual([
      [undefined, ['a6', 'a5', 'a4'], undefined, urlOf(2)],
      [2, ['a3', 'a2'], LISTING, urlOf(1)],
      [1, ['a1', 'a0'], urlOf(2), undefined],
    ]);
  });

  it('lists every article once, in order, and fills every numbered page, whatever the counts', () => {
    for (let size = 1; size <= 5; size++) {
      for (let count = 0; count <= 40; count++) {
        const pages = stablePages(archive(count), size, urlOf);
        expect(pages.flatMap((p) => p.items)).toEqual(archive(count));
        const [front, ...numbered] = pages;
        expect(numbered.every((p) => p.items.length === size)).toBe(true);
        if (count >= size) expect(front?.items.length).toBeGreaterThanOrEqual(size);
        expect(front?.items.length ?? 0).toBeLessThanOrEqual(2 * size - 1);
      }
    }
  });

  it('changes only the front page when a story is published, and the newest numbered page when a page is born', () => {
    for (let size = 1; size <= 5; size++) {
      for (let count = 0; count <= 40; count++) {
        const before = new Map(stablePages(archive(count), size, urlOf).map((p) => [p.number, shown(p)]));
        const after = stablePages(archive(count + 1), size, urlOf);
        const changed = after.filter((p) => before.get(p.number) !== shown(p)).map((p) => p.number);
        const born = after.length - before.size;
        // The front page always changes. When a page is born, it is new, and the page below it
        // now links to it as its newer page instead of to the front page.
        const newest = after[1]?.number ?? 0;
        expect(changed, `${count} → ${count + 1} articles, ${size} a page`).toEqual(
          born === 0 ? [undefined] : [undefined, ...(newest > 1 ? [newest, newest - 1] : [newest])],
        );
      }
    }
  });

  it('refuses a page size that is not a whole number ≥ 1', () => {
    expect(() => stablePages(archive(3), 0, urlOf)).toThrow(/pageSize must be a whole number ≥ 1, not 0/);
    expect(() => stablePages(archive(3), 2.5, urlOf)).toThrow(RangeError);
  });
});

describe('stableListing', () => {
  it('puts the front page at the listing and page n under page/<n>/ for a [...page] route', () => {
    const routes = stableListing(archive(6), {
      listing: LISTING,
      pageSize: 2,
      params: { tag: 'iran' },
      props: { name: 'Iran' },
    });
    expect(routes.map((r) => r.params)).toEqual([
      { tag: 'iran', page: undefined },
      { tag: 'iran', page: 'page/2' },
      { tag: 'iran', page: 'page/1' },
    ]);
    expect(routes.map((r) => r.props.name)).toEqual(['Iran', 'Iran', 'Iran']);
    // A listing's page n is where the path helper says, so links and routes agree.
    expect(routes[1]?.props.page.newer).toBe(LISTING);
    expect(routes[0]?.props.page.older).toBe(paths.listingPage(LISTING, 2));
    expect(paths.listingPage(LISTING, 2)).toBe(`${LISTING}page/2/`);
  });
});
