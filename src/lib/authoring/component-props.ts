import type { z } from 'astro/zod';
import { authoringError, type LinelessProblem } from './problem';

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
  throw componentError(component, source, {
    message: `${problems.join('; ')}.`,
    hint: `Fix the <${component}>${source === undefined ? '' : ` in ${source}`}. See "Components (no import line needed)" in docs/writing.md for its props.`,
  });
}

/**
 * The build's error for a mistake in a component an author wrote in an article's MDX, e.g.
 * `<Figure> in src/content/articles/x.mdx: …` (no line: the check runs as the page renders).
 * The file is `Astro.locals.articleSource`, which ArticleBody.astro sets before it renders an
 * article's body. A component rendered without it is not the author's doing but a broken
 * invariant (a body rendered some other way): a plain `Error` says so, carrying the author's
 * message and fix, rather than call the file "an article".
 * @param component the component's name as written in MDX, e.g. "PullQuote"
 * @param source the MDX file, from `Astro.locals.articleSource`, e.g. "src/content/articles/x.mdx"
 * @param problem what is wrong and the fix
 * @example throw componentError('PullQuote', Astro.locals.articleSource, { message: 'the quote has a link; …', hint: '…' });
 */
export function componentError(
  component: string,
  source: string | undefined,
  problem: Omit<LinelessProblem, 'component' | 'field'>,
): Error {
  if (source === undefined) {
    return new Error(
      `<${component}> has a mistake, but Astro.locals.articleSource is not set, so the error cannot name the article: render article bodies through ArticleBody.astro, which sets it. The mistake: ${problem.message} ${problem.hint}`,
    );
  }
  return authoringError(source, { ...problem, component });
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

/** What {@link parseInlineContent} needs to know of the component, and the words of its errors. */
export interface InlineContentOptions {
  /** The component's name as written in MDX, e.g. "Figure". */
  component: string;
  /** The MDX file, from `Astro.locals.articleSource`, e.g. "src/content/articles/x.mdx". */
  source: string | undefined;
  /** What the content is, in the messages, e.g. "the caption". */
  what: string;
  /** The component written right, ending each hint, e.g. '<Figure …>Where it is held.</Figure>'. */
  example: string;
  /**
   * What an empty component lacks, in the hint "Put <missing> inside it".
   * @default what
   * @example 'the quoted words'
   */
  missing?: string;
  /**
   * What the content must be, ending the message for block content.
   * @default `${what} is one paragraph, where emphasis and links are fine`
   * @example 'a pull-quote is one short passage from the article'
   */
  rule?: string;
  /**
   * The fix for block content, starting the hint (the example follows it).
   * @default "Write <what> as one paragraph, with no blank line inside the <Component>, and move the rest into the article's text after it"
   */
  fix?: string;
}

/**
 * The rendered content between a component's tags as inline HTML, to sit in a `<span>` or `<p>`,
 * checked. MDX wraps words on their own lines in a paragraph; a single one is unwrapped. Block
 * content (a blank line inside the tags makes a second paragraph; a list, a heading) fails the
 * build, naming the file, the component and the fix, rather than nest a `<p>` where HTML allows
 * none; so does content with no text (the tags empty, or only markup).
 * @param html the rendered content, e.g. `await Astro.slots.render('default')`
 * @example const caption = parseInlineContent(html, { component: 'Figure', source, what: 'the caption', example: '<Figure …>Where it is held.</Figure>' });
 */
export function parseInlineContent(html: string, options: InlineContentOptions): string {
  const { component, source, what, example, missing = what } = options;
  const trimmed = html.trim();
  const inline = /^<p>((?:(?!<\/?p>)[\s\S])*)<\/p>$/.exec(trimmed)?.[1]?.trim() ?? trimmed;
  const blocks = new Map<string, number>();
  for (const [, tag = ''] of inline.matchAll(/<([A-Za-z][A-Za-z0-9-]*)/g)) {
    const name = tag.toLowerCase();
    if (!PHRASING_TAGS.has(name)) blocks.set(name, (blocks.get(name) ?? 0) + 1);
  }
  if (blocks.size > 0) {
    const paragraphs = blocks.get('p') ?? 0;
    blocks.delete('p');
    const found = [
      ...(paragraphs > 0 ? [paragraphs === 1 ? 'a paragraph' : `${paragraphs} paragraphs`] : []),
      ...(blocks.size > 0
        ? [`block content (${[...blocks.keys()].map((tag) => `<${tag}>`).join(', ')})`]
        : []),
    ];
    const {
      rule = `${what} is one paragraph, where emphasis and links are fine`,
      fix = `Write ${what} as one paragraph, with no blank line inside the <${component}>, and move the rest into the article's text after it`,
    } = options;
    throw componentError(component, source, {
      message: `${what} has ${found.join(' and ')}; ${rule}.`,
      hint: `${fix}, e.g. ${example}`,
    });
  }
  if (!inline.replace(/<[^>]*>/g, '').trim()) {
    throw componentError(component, source, {
      message: 'there is nothing between its tags.',
      hint: `Put ${missing} inside it, e.g. ${example}`,
    });
  }
  return inline;
}
