import { AstroError } from 'astro/errors';

/**
 * The one shape of an author's mistake, and the one way it becomes the build's error: the file,
 * the line, the field, what is wrong and the fix, ending with the line as it should read ("Line N
 * then reads: …"). See README.md beside this file for the error style. Every check of an article
 * (frontmatter slips, MDX slips, component props, pictures, people) reports through here.
 */

/** One slip in an article's source: where it is, what is wrong and how to fix it. */
export interface AuthoringProblem {
  /** The line in the article's file, counted from 1 (the opening `---` is line 1). */
  line: number;
  /** The column on that line, counted from 1. */
  column: number;
  /** The frontmatter field the line belongs to, e.g. "headline" or "image.alt"; none in the body. */
  field?: string;
  /** What is wrong and why, in a sentence or two (the file and line are added by {@link authoringError}). */
  message: string;
  /** The fix, ending with the line as it should read. */
  hint: string;
}

/** An error Astro prints with its "Location:" (file:line:column) under the hint. */
class AuthoringError extends AstroError {
  /** Read by Astro's error printer: the file (absolute or relative to the project) and position. */
  loc: { file: string; line: number; column: number };
  constructor(message: string, hint: string, loc: { file: string; line: number; column: number }) {
    super(message, hint);
    this.loc = loc;
  }
}

/**
 * The build's error for a problem: the message names the file, the line and the field.
 * @param file the article, relative to the project, e.g. "src/content/articles/x.mdx"
 * @example throw authoringError('src/content/articles/x.mdx', problem)
 */
export function authoringError(file: string, problem: AuthoringProblem): AstroError {
  const where = `${file}, line ${problem.line}${problem.field ? ` (${problem.field})` : ''}`;
  return new AuthoringError(`${where}: ${problem.message}`, problem.hint, {
    file,
    line: problem.line,
    column: problem.column,
  });
}

/**
 * The hint's last part: the line, rewritten.
 * @example lineReads(4, "headline: 'A: B'") // "Line 4 then reads:\n  headline: 'A: B'"
 */
export function lineReads(line: number, text: string): string {
  return `Line ${line} then reads:\n  ${text}`;
}
