/** Words a reader reads in a minute, for the reading-time estimate (a common news-desk figure). */
export const WORDS_PER_MINUTE = 230;

/**
 * Counts the words of an article's MDX as a reader sees them: frontmatter, component tags and
 * their attributes, and Markdown punctuation are not words; text inside tags is.
 * @example countWords('Hello <PullQuote speaker="A">big words</PullQuote> world') // 4
 */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/^---[\s\S]*?^---/m, ' ')
    .replace(/<[A-Za-z][^>]*?\/>/g, ' ') // self-closing components: their props are not prose
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/[#>*_`[\]()|-]/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read `words`, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
