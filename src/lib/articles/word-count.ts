// The `data.astro` shape Astro gives Sätteri plugins (a module augmentation of 'satteri').
import type {} from '@astrojs/markdown-satteri';
import { defineMdastPlugin, type MdastPluginInstance, type MdastVisitorContext } from 'satteri';

/**
 * Counting an article's words from its text, not from its raw MDX: the count feeds the reading
 * time on the page and the JSON-LD `wordCount`.
 */

/**
 * Counts the words in a run of text: anything with a letter or digit between spaces.
 * @example countWords('Azerbaijan’s first-ever ambassador, 30 years on') // 6
 */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Components whose words are not read as part of the text: a `<PullQuote>` repeats a sentence of
 * the body by design (and is hidden from screen readers for that reason), so counting it would
 * count the sentence twice.
 */
export const NOT_COUNTED: readonly string[] = ['PullQuote'];

/** Where the count is left for the page: `remarkPluginFrontmatter.wordCount` after `render()`. */
export const WORD_COUNT_KEY = 'wordCount';

/**
 * A plugin for Sätteri, Astro's Markdown and MDX processor (astro.config.mjs →
 * `markdown.processor`), that counts an article's words while its MDX is compiled: the text of
 * paragraphs, headings, lists and quotes, and the text between a component's tags; not component
 * props, not frontmatter, not the {@link NOT_COUNTED} components. It hands the count to the page
 * through the frontmatter Astro collects from plugins (`render(entry).remarkPluginFrontmatter`),
 * read by `articleWordCount` in src/lib/articles/reading-time.ts.
 */
export const wordCountPlugin = defineMdastPlugin({
  name: 'news-word-count',
  before(_root, { data }) {
    frontmatterOf(data)[WORD_COUNT_KEY] = 0;
  },
  text: addWords,
  inlineCode: addWords,
});

/** Adds a run of text's words to the count, unless it sits inside a {@link NOT_COUNTED} component. */
function addWords(
  node: Parameters<MdastVisitor<'text' | 'inlineCode'>>[0],
  context: MdastVisitorContext,
): void {
  let parent: ReturnType<MdastVisitorContext['parent']> = context.parent(node);
  for (; parent && parent.type !== 'root'; parent = context.parent(parent)) {
    if ('name' in parent && typeof parent.name === 'string' && NOT_COUNTED.includes(parent.name)) return;
  }
  const frontmatter = frontmatterOf(context.data);
  frontmatter[WORD_COUNT_KEY] = Number(frontmatter[WORD_COUNT_KEY]) + countWords(node.value);
}

/** The visitor a Sätteri plugin gives for a node type. */
type MdastVisitor<K extends 'text' | 'inlineCode'> = NonNullable<MdastPluginInstance[K]>;

/**
 * The frontmatter Astro hands every Sätteri plugin in `data.astro` and reads back afterwards, for
 * Markdown and MDX alike: the count lives there from the start.
 */
function frontmatterOf(data: MdastVisitorContext['data']): Record<string, unknown> {
  if (!data.astro) throw new Error('news-word-count: Astro gave the plugin no `data.astro.frontmatter`');
  return data.astro.frontmatter;
}
