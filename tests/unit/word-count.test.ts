import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { countWords, wordCountPlugin, WORD_COUNT_KEY } from '../../src/lib/articles/word-count';

/** Compiles MDX with the plugin, as Astro does (it hands plugins `data.astro`), and returns the count. */
function wordsIn(mdx: string): unknown {
  const frontmatter: Record<string, unknown> = {};
  mdxToJs(mdx, {
    mdastPlugins: [wordCountPlugin],
    data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  return frontmatter[WORD_COUNT_KEY];
}

describe('countWords', () => {
  it('counts runs with a letter or digit, in any script', () => {
    expect(countWords('Azerbaijan’s first-ever ambassador, 30 years on')).toBe(6);
    expect(countWords('  — “ ” ')).toBe(0);
    expect(countWords('אלי כהן visited Baku')).toBe(4);
  });
});

describe('wordCountPlugin', () => {
  it('counts the text a reader reads once: prose and text inside components', () => {
    expect(wordsIn('One two three.\n\n## Four five\n\n- six\n- *seven* `eight`\n\n> nine ten')).toBe(10);
    expect(wordsIn('Before.\n\n<Figure src="x.jpg" alt="Not counted">Caption words</Figure>')).toBe(3);
  });

  it('leaves out pull-quotes, which repeat the body, and component props', () => {
    const mdx =
      'One two three.\n\n<Tweet name="Not Counted" text="no" />\n\n<PullQuote speaker="A B">\n  four five\n</PullQuote>';
    expect(wordsIn(mdx)).toBe(3);
  });

  it('counts the real article without its two pull-quotes', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync('src/content/articles/azerbaijan-opens-embassy-in-israel.mdx', 'utf8');
    const body = source.replace(/^---[\s\S]*?\n---\n/, '');
    const pullQuotes = [...body.matchAll(/<PullQuote[^>]*>([\s\S]*?)<\/PullQuote>/g)].map((m) => m[1] ?? '');
    expect(pullQuotes).toHaveLength(2);
    const withoutPullQuotes = body.replace(/<PullQuote[\s\S]*?<\/PullQuote>/g, '');
    expect(wordsIn(body)).toBe(wordsIn(withoutPullQuotes));
    expect(wordsIn(body)).toBe(341);
  });
});
