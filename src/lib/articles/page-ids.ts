/**
 * The ids the site's pages give their own parts, in one place: the components that set them and
 * the heading-id plugin (src/lib/articles/heading-ids.ts), which keeps an article's headings off them, both
 * read them here. Two elements with one id are invalid HTML, and a link to the part (the skip
 * link's `#main`, the corrections page's `#notice-1`) would land on the heading instead.
 */
export const PAGE_IDS = {
  /** The page's `<main>`, the skip link's target. */
  main: 'main',
  /** The box of corrections at the top of an article. */
  corrections: 'corrections',
  /** The clarifications at the end of an article, linked from its top. */
  clarifications: 'clarifications',
  /** The "More in <section>" heading under an article. */
  related: 'more-in-section',
  /** A live page's "Key events" heading. */
  keyEvents: 'key-events',
  /** A live page's "Updates" heading, where the "new updates" button sends the reader. */
  updates: 'updates',
} as const;

/** What every notice's id starts with: `notice-1`, `notice-2`, … (see {@link noticeId}). */
const NOTICE_PREFIX = 'notice-';

/**
 * The id of an article's notice on its page: its place in the article's `corrections` as written,
 * from 1. The corrections page and feeds link to it (`#notice-1`), as docs/writing.md promises.
 * @example noticeId(0) // 'notice-1'
 */
export function noticeId(index: number): string {
  return `${NOTICE_PREFIX}${index + 1}`;
}

const FIXED_IDS: ReadonlySet<string> = new Set(Object.values(PAGE_IDS));

/**
 * Whether `id` is one a page gives its own parts ({@link PAGE_IDS}, or a notice's, any number),
 * so a heading must not take it.
 * @example isPageId('corrections') // true
 * @example isPageId('notice-12') // true
 * @example isPageId('the-vote') // false
 */
export function isPageId(id: string): boolean {
  return FIXED_IDS.has(id) || new RegExp(`^${NOTICE_PREFIX}\\d+$`).test(id);
}
