/**
 * The components an article may use in MDX, without an import line: the article page and the
 * feed both hand this map to `<Content components={mdxComponents} />`.
 * To add one: write it in this folder with a zod schema in `src/schemas/`, then list it here and
 * its name in `names.ts` (the build's allow-list reads the names from there).
 */
import Figure from './Figure.astro';
import PullQuote from './PullQuote.astro';
import Tweet from './Tweet.astro';
import Update from './Update.astro';
import type { MdxComponentName } from './names';

export const mdxComponents = { Figure, PullQuote, Tweet, Update } satisfies Record<MdxComponentName, unknown>;
