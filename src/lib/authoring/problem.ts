import { AstroError } from 'astro/errors';

/**
 * The one shape of an author's mistake, and the one way it becomes the build's error: the file,
 * the line, the field, what is wrong and the fix, ending with the line as it should read ("Line N
 * then reads: …"). See README.md beside this file for the error style. Every check of an author's
 * file (frontmatter slips, MDX slips, component props, pictures, people) reports through here.
 */

/** One slip in an author's file: where it is, what is wrong and how to fix it. */
export interface AuthoringProblem {
  /** The line in the file, counted from 1 (the opening `---` is line 1). */
  line: number;
  /** The column on that line, counted from 1. */
  column: number;
  /** The frontmatter field the line belongs to, e.g. "headline" or "image.alt"; none in the body. */
  field?: string | undefined;
  /** The MDX component the problem is in, as written, e.g. "Figure": the message then opens with `<Figure> in …`. */
  component?: string | undefined;
  /** What is wrong and why, in a sentence or two (the file and line are added by {@link authoringError}). */
  message: string;
  /** The fix, ending with the line as it should read where the fix is a rewritten line. */
  hint: string;
}

/**
 * A problem whose line the check cannot know: a component's props and content are checked as the
 * page renders, when the MDX source is gone (the message names the component instead); a value
 * whose line could not be found in the file (an unreadable source). Where the line can be found,
 * give it.
 */
export type LinelessProblem = Omit<AuthoringProblem, 'line' | 'column'>;

/** Where a problem is, as Astro's error printer and @astrojs/mdx read it. */
interface Location {
  file: string;
  line: number;
  column: number;
}

/** An error Astro prints with its "Location:" (file:line:column) under the hint. */
class AuthoringError extends AstroError {
  /** Read by Astro's error printer: the file (absolute or relative to the project) and position. */
  loc: Location;
  /**
   * Read by @astrojs/mdx, which replaces `loc` with its own for an error thrown while it compiles
   * an article (a Sätteri plugin's), taking the line and column from these.
   */
  line: number;
  column: number;
  constructor(message: string, hint: string, loc: Location) {
    super(message, hint);
    this.loc = loc;
    this.line = loc.line;
    this.column = loc.column;
  }
}

/**
 * The build's error for an author's mistake: the message names the component (if any), the file,
 * the line (if known) and the field (if any), then says what is wrong; the hint is the fix.
 * `<Figure> in src/content/articles/x.mdx, line 12: …`, `src/content/articles/x.mdx, line 4 (headline): …`.
 * @param file the author's file, relative to the project, e.g. "src/content/articles/x.mdx"
 * @example throw authoringError('src/content/articles/x.mdx', problem)
 */
export function authoringError(file: string, problem: AuthoringProblem | LinelessProblem): AstroError {
  const at = 'line' in problem ? { file, line: problem.line, column: problem.column } : undefined;
  const where = [
    problem.component ? `<${problem.component}> in ` : '',
    file,
    at ? `, line ${at.line}` : '',
    problem.field ? ` (${problem.field})` : '',
  ].join('');
  const message = `${where}: ${problem.message}`;
  return at ? new AuthoringError(message, problem.hint, at) : new AstroError(message, problem.hint);
}

/**
 * The hint's last part: the line, rewritten.
 * @example lineReads(4, "headline: 'A: B'") // "Line 4 then reads:\n  headline: 'A: B'"
 */
export function lineReads(line: number, text: string): string {
  return `Line ${line} then reads:\n  ${text}`;
}
