/**
 * Where an article's frontmatter ends and its body begins, with the line each starts on in the
 * file, so every error about either can name its line.
 */

/**
 * The frontmatter block, as Astro finds it (@astrojs/internal-helpers/frontmatter): `---` (or
 * TOML's `+++`) at the start, after a BOM or blank lines, then everything up to the next one after
 * a line break.
 */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** An article's source split as Astro splits it, with the line each part starts on. */
export interface ArticleParts {
  /** The frontmatter's lines (between the `---` lines), and the file line of the first; none without frontmatter. */
  frontmatter?: { lines: string[]; firstLine: number };
  /** The MDX after the closing `---` (the rest of that line first). */
  body: string;
  /** The file line the body starts on: the closing `---` line. */
  bodyLine: number;
}

/** Counts the line breaks in `text` before `end`. */
function newlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Splits an article's source into its frontmatter and body, keeping their lines in the file.
 * @example splitArticle('---\ntitle: x\n---\n\nText.').bodyLine // 3
 */
export function splitArticle(contents: string): ArticleParts {
  const match = FRONTMATTER.exec(contents);
  if (!match) return { body: contents, bodyLine: 1 };
  const open = match.index + match[0].search(/---|\+\+\+/);
  const end = match.index + match[0].length;
  // The text after the opening `---` on its line is the first "line" of the block (normally empty).
  const lines = (match[1] ?? '').split(/\r?\n/).slice(1, -1);
  return {
    frontmatter: { lines, firstLine: newlines(contents, open) + 2 },
    body: contents.slice(end),
    bodyLine: newlines(contents, end) + 1,
  };
}
