import { lineReads, type AuthoringProblem } from './problem.ts';

/**
 * Everyday slips in an article's MDX body that MDX rejects or misreads with words an author
 * cannot act on ("sic is not defined"): braces in text, `<` before a letter, a component never
 * closed. The body's one check (`bodyProblem`, src/lib/authoring/mdx-allow-list.ts) explains a
 * parse error with {@link parseErrorProblem} and braces in text with {@link bracesProblem}; pure.
 */

/** The widest stretch of a body line shown in a hint, either side of the slip. */
const CONTEXT = 40;

/**
 * The part of a long line around columns [from, to) (0-based), cut at spaces, with "…" where cut;
 * a short line whole.
 */
function excerpt(text: string, from: number, to: number): string {
  if (text.length <= 2 * CONTEXT + (to - from)) return text.trim();
  let start = Math.max(0, from - CONTEXT);
  let end = Math.min(text.length, to + CONTEXT);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > to ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** Line `index` (0-based) of `lines` with columns [from, to) (0-based) replaced by `by`, cut to an excerpt. */
export function rewriteLine(
  lines: readonly string[],
  index: number,
  from: number,
  to: number,
  by: string,
): string {
  const text = lines[index] ?? '';
  return excerpt(`${text.slice(0, from)}${by}${text.slice(to)}`, from, from + by.length);
}

/** Sätteri's parse error message: "line:column: reason (rule)". */
const PARSE_ERROR = /^(\d+):(\d+): ([\s\S]*)$/;

/** An unclosed component: "Expected a closing tag for `<Name>` (line:column)[ before the end of `paragraph`]". */
const NOT_CLOSED =
  /^Expected a closing tag for `<([^>`]*)>` \((\d+):(\d+)\)( before the end of `paragraph`)?/;

/** A closing tag for another component first: "Unexpected closing tag `</B>`, expected corresponding closing tag for `<A>` (line:column)". */
const CLOSED_OUT_OF_ORDER =
  /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):(\d+)\)/;

/** HTML elements that never have content: in HTML they need no closing tag, in MDX they end with />. */
const VOID_ELEMENTS: readonly string[] = ['br', 'hr', 'img', 'wbr'];

/** The fix for a component left open. */
function closeHint(name: string): string {
  return `Close it with </${name}> after its content; a component without content ends its own tag with /> instead, as in <Tweet … />.`;
}

/**
 * The problem for braces in text that open at line `index` (0-based) of the body, column `from`.
 * @param lines the body's lines
 * @param firstLine the file line the body starts on
 * @param to where they close on that line (exclusive); undefined when they do not
 * @param inside what they hold, when they close on a later line; undefined when they never close
 */
export function bracesProblem(
  lines: readonly string[],
  index: number,
  from: number,
  firstLine: number,
  to?: number,
  inside?: string,
): AuthoringProblem {
  const line = index + firstLine;
  if (to === undefined) {
    const escaped = lineReads(line, rewriteLine(lines, index, from, from + 1, '\\{'));
    return {
      line,
      column: from + 1,
      message:
        inside === undefined
          ? 'MDX reads { in text as the start of code (a JavaScript expression), and cannot read what follows it as one.'
          : `MDX reads {${inside.replace(/\s+/g, ' ').trim()}} as code: braces in text hold a JavaScript expression.`,
      hint: `Write \\{ to show a brace, or use square brackets or parentheses instead. ${escaped}`,
    };
  }
  const held = (lines[index] ?? '').slice(from + 1, to - 1);
  return {
    line,
    column: from + 1,
    message: `MDX reads {${held}} as code: braces in text hold a JavaScript expression.`,
    hint: `Write \\{${held}} to show the braces, or use square brackets or parentheses instead, as in [${held}]. ${lineReads(line, rewriteLine(lines, index, from, to, `[${held}]`))}`,
  };
}

/**
 * Sätteri's parse error (`mdxToMdast` throws it) as a problem, or undefined for one this module
 * does not explain (MDX's own message is then the build's).
 * @param lines the body's lines
 * @param firstLine the file line the body starts on
 */
export function parseErrorProblem(
  error: unknown,
  lines: readonly string[],
  firstLine: number,
): AuthoringProblem | undefined {
  const parsed = PARSE_ERROR.exec(error instanceof Error ? error.message : '');
  if (!parsed) return undefined;
  const index = Number(parsed[1]) - 1;
  const from = Number(parsed[2]) - 1;
  const reason = parsed[3] ?? '';
  const line = index + firstLine;
  const text = lines[index] ?? '';

  const notClosed = NOT_CLOSED.exec(reason);
  if (notClosed) {
    const [, name = '', openLine = '0', openColumn = '0', inParagraph] = notClosed;
    if (VOID_ELEMENTS.includes(name)) {
      return {
        line: Number(openLine) + firstLine - 1,
        column: Number(openColumn),
        message: `<${name}> is not closed: in MDX every tag is closed, and one without content ends with />.`,
        hint: `Write <${name} /> instead of <${name}>.`,
      };
    }
    return {
      line: Number(openLine) + firstLine - 1,
      column: Number(openColumn),
      message: inParagraph
        ? `<${name}> starts inside a paragraph and is not closed before the paragraph ends (at the next blank line).`
        : `<${name}> is never closed.`,
      hint: inParagraph
        ? `Close it with </${name}> before the next blank line, or put <${name} …> on a line of its own, with its content on the lines below and </${name}> on a line after them. A component without content ends its own tag with /> instead, as in <Tweet … />.`
        : closeHint(name),
    };
  }
  const outOfOrder = CLOSED_OUT_OF_ORDER.exec(reason);
  if (outOfOrder) {
    const [, closing = '', name = '', openLine = '0', openColumn = '0'] = outOfOrder;
    return {
      line: Number(openLine) + firstLine - 1,
      column: Number(openColumn),
      message: `<${name}> is not closed before </${closing}> on line ${line}.`,
      hint: closeHint(name),
    };
  }
  if (text[from] === '<' && /^Unexpected character/.test(reason)) {
    const after = text.slice(from + 1);
    if (after.startsWith('!--')) {
      return {
        line,
        column: from + 1,
        message: 'MDX has no HTML comments: <!-- is read as the start of a tag.',
        hint: 'Write a comment as {/* … */}, or delete it.',
      };
    }
    const link = /^(?:[a-z][a-z\d+.-]*:[^\s>]*|[^\s@<>]+@[^\s@<>]+)(?=>)/i.exec(after)?.[0];
    if (link) {
      return {
        line,
        column: from + 1,
        message: `MDX reads <${link}> as a tag: links in angle brackets are not MDX.`,
        hint: `Write the link as [text](${link.includes('@') && !link.includes(':') ? `mailto:${link}` : link}), or the address without the angle brackets.`,
      };
    }
    const next = after[0] ?? '';
    // A capital letter starts a component's name: the author meant a tag, and MDX's words on what
    // is wrong inside it are the better guide.
    if (/[A-Z]/.test(next)) return undefined;
    const letter = /\p{L}/u.test(next);
    const read = `<${/^[\p{L}\p{N}]+/u.exec(after)?.[0] ?? next}`;
    return {
      line,
      column: from + 1,
      message: letter
        ? `MDX reads "${read}" as the start of a tag: in MDX, < followed by a letter opens a component or an HTML tag.`
        : `MDX reads "${read}" as the start of a tag: in MDX, < opens a tag unless a space follows it.`,
      hint: `Write &lt; for a less-than sign${letter ? ', or put a space after it (a < b)' : ''}. ${lineReads(line, rewriteLine(lines, index, from, from + 1, '&lt;'))}`,
    };
  }
  if (/expression|closing brace/.test(reason)) {
    // The error points into the braces (or at the end of the file): find the { that opened them.
    for (let i = Math.min(index, lines.length - 1); i >= 0; i--) {
      const row = lines[i] ?? '';
      const brace = row.lastIndexOf('{', i === index ? from : row.length);
      // A prop's value, text={`…`}: MDX's own message names the expression well enough.
      if (brace !== -1 && row[brace - 1] === '=') return undefined;
      if (brace !== -1) {
        const close = row.indexOf('}', brace);
        return bracesProblem(lines, i, brace, firstLine, close === -1 ? undefined : close + 1);
      }
    }
  }
  return undefined;
}
