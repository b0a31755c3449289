import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';

function received(props: unknown, path: PropertyKey[]): string {
  let value: unknown = props;
  for (const key of path) {
    value =
      value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Checks the props an author wrote on an MDX component against its schema. MDX is not
 * type-checked, so this is where a typo is caught: the build stops with the component, the prop,
 * what was received, what was expected and the file.
 * @param component the component's name as written in MDX, e.g. "Tweet"
 * @param source the MDX file, from `Astro.locals.articleSource`, e.g. "src/content/articles/x.mdx"
 * @example const { speaker } = parseProps('PullQuote', PullQuoteSchema, Astro.props, Astro.locals.articleSource);
 */
export function parseProps<S extends z.ZodType>(
  component: string,
  schema: S,
  props: unknown,
  source: string | undefined,
): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown prop ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    }
    const prop = issue.path.map(String).join('.');
    // Say what was received where zod found the wrong kind of value. Our own checks ("custom")
    // say in their message what they found (a picture's size, a post's author), and a missing prop
    // is said to be required; neither needs the raw value repeated.
    const value = received(props, issue.path);
    const says = issue.message.includes('received') || issue.message.includes(value);
    const required = value === 'nothing' && issue.message.startsWith('is required');
    const message =
      says || required || issue.code === 'custom' ? issue.message : `${issue.message} (received ${value})`;
    return `prop "${prop}" ${message}`;
  });
  const where = source ?? 'an article';
  throw new AstroError(
    `<${component}> in ${where}: ${problems.join('; ')}.`,
    `Fix the <${component}> in ${where}. See "Components (no import line needed)" in docs/writing.md for its props.`,
  );
}

/** The error for a component whose content between its tags is missing. */
export function emptyContentError(
  component: string,
  source: string | undefined,
  example: string,
  what = 'the quoted words',
): AstroError {
  const where = source ?? 'an article';
  return new AstroError(
    `<${component}> in ${where} has nothing between its tags.`,
    `Put ${what} inside it, e.g. ${example}`,
  );
}

/**
 * What HTML allows inside a `<span>` or `<p>` (phrasing content), of what inline Markdown and MDX
 * write: emphasis, links, code, line breaks. Anything else (a paragraph, a list, a heading) is block
 * content, and a browser would break the line around it, or a validator refuse the page.
 */
const PHRASING_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** The words of the error {@link inlineContent} throws, where a component says them its own way. */
export interface InlineContentWording {
  /**
   * What the content must be, ending the message.
   * @default `${what} is one paragraph, where emphasis and links are fine`
   * @example 'a pull-quote is one short passage from the article'
   */
  rule?: string;
  /**
   * The fix, starting the hint (the example follows it).
   * @default "Write <what> as one paragraph, with no blank line inside the <Component>, and move the rest into the article's text after it"
   */
  fix?: string;
}

/**
 * The rendered content between a component's tags as inline HTML, to sit in a `<span>` or `<p>`.
 * MDX wraps words on their own lines in a paragraph; a single one is unwrapped. Block content (a
 * blank line inside the tags makes a second paragraph; a list, a heading) fails the build, naming
 * the file, the component and the fix, rather than nest a `<p>` where HTML allows none.
 * @param what what the content is, e.g. "the caption"
 * @param example the component written right, for the hint
 * @param wording the rule and the fix in the component's own words, where the defaults do not fit
 * @example const caption = inlineContent('Figure', html, source, 'the caption', '<Figure …>Where it is held.</Figure>');
 */
export function inlineContent(
  component: string,
  html: string,
  source: string | undefined,
  what: string,
  example: string,
  wording: InlineContentWording = {},
): string {
  const trimmed = html.trim();
  const inline = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>$/.exec(trimmed)?.[1]?.trim() ?? trimmed;
  const blocks = new Map<string, number>();
  for (const [, tag = ''] of inline.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)) {
    const name = tag.toLowerCase();
    if (!PHRASING_TAGS.has(name)) blocks.set(name, (blocks.get(name) ?? 0) + 1);
  }
  if (blocks.size === 0) return inline;
  const paragraphs = blocks.get('p') ?? 0;
  blocks.delete('p');
  const found = [
    ...(paragraphs > 0 ? [paragraphs === 1 ? 'a paragraph' : `${paragraphs} paragraphs`] : []),
    ...(blocks.size > 0 ? [`block content (${[...blocks.keys()].map((tag) => `<${tag}>`).join(', ')})`] : []),
  ];
  const where = source ?? 'an article';
  const {
    rule = `${what} is one paragraph, where emphasis and links are fine`,
    fix = `Write ${what} as one paragraph, with no blank line inside the <${component}>, and move the rest into the article's text after it`,
  } = wording;
  throw new AstroError(
    `<${component}> in ${where}: ${what} has ${found.join(' and ')}; ${rule}.`,
    `${fix}, e.g. ${example}`,
  );
}
