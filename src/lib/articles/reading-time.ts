import { render } from 'astro:content';
import { storedBodyOf } from '../bodies/stored';
import { updatesShownAt } from '../live/context';
import { heldBackUpdates } from '../live/updates';
import type { Article } from './query';
import { countWords, WORD_COUNT_KEY } from './word-count';

/** Words a reader reads in a minute, for the reading-time estimate (a common news-desk figure). */
export const WORDS_PER_MINUTE = 230;

/**
 * The words of an article's text, as `wordCountPlugin` (src/lib/articles/word-count.ts) counted them when
 * its MDX was compiled: the prose a reader reads once, pull-quotes not counted again. A live
 * page's updates still held back are not counted: the count (and the reading time and JSON-LD
 * `wordCount` made from it) would tell how long text under embargo is.
 * @throws when the count is missing, i.e. the plugin is not configured in astro.config.mjs
 */
export async function articleWordCount(article: Article): Promise<number> {
  // Rendered ahead of time, the count is in the stored metadata; otherwise render() reads it.
  const stored = storedBodyOf(article);
  const remarkPluginFrontmatter = stored
    ? stored.metadata.frontmatter
    : (await render(article)).remarkPluginFrontmatter;
  const words: unknown = remarkPluginFrontmatter[WORD_COUNT_KEY];
  if (typeof words !== 'number') {
    throw new Error(
      `${article.filePath ?? article.id}: no word count; add wordCountPlugin to markdown.processor in astro.config.mjs`,
    );
  }
  const held = heldBackUpdates(article, updatesShownAt());
  return words - held.reduce((sum, update) => sum + countWords(update.text), 0);
}

/** Whole minutes to read `words`, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
