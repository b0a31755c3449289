/**
 * The components an article may use in MDX, without an import line: the article page and the
 * feed both hand this map to `<Content components={mdxComponents} />`.
 * To add one: write it in this folder with a zod schema in `src/schemas/`, then list it here.
 */
import Figure from './Figure.astro';
import PullQuote from './PullQuote.astro';
import Tweet from './Tweet.astro';
import Update from './Update.astro';

export const mdxComponents = { Figure, PullQuote, Tweet, Update };
