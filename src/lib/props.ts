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
    `Fix the <${component}> in ${where}. See "Writing an article" in README.md for its props.`,
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
