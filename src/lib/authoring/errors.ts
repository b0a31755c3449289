import { AstroError } from 'astro/errors';
import { mdxToMdast, type MdastNode } from 'satteri';

/**
 * Everyday slips in an article's source that YAML or MDX reject with words an author cannot act
 * on ("bad indentation of a mapping entry", "sic is not defined"), diagnosed here so the build
 * names the file, the line, the field, the cause and the fix, with the line as it should read.
 *
 * Frontmatter: an unquoted ": " or a reserved first character in a value, a tab in the
 * indentation, a quote left open or closed too early ({@link frontmatterProblem}, run only once
 * YAML has failed). Body: braces in text, `<` before a letter, a component never closed
 * ({@link bodyProblem}, run on every article). Both are pure; `articleLoader` turns a problem into
 * the build's error with {@link authoringError}.
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

// ---------------------------------------------------------------------------------------------
// Where the frontmatter ends and the body begins.

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

// ---------------------------------------------------------------------------------------------
// Frontmatter.

/**
 * A value in YAML quotes: single quotes, or double quotes when the value has an apostrophe
 * (escaping `\` and `"` as double quotes require).
 * @example yamlQuoted('Analysis: Why Baku looks to Jerusalem') // "'Analysis: Why Baku looks to Jerusalem'"
 * @example yamlQuoted("Baku's bet") // '"Baku\'s bet"'
 */
export function yamlQuoted(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** How {@link yamlQuoted} quoted a value, for the hint: "" for the usual single quotes. */
function quotingNote(value: string): string {
  if (!value.includes("'")) return '';
  return value.includes('"')
    ? ' (in double quotes, as it has an apostrophe; each " inside is written \\")'
    : ' (in double quotes, as it has an apostrophe)';
}

/**
 * One line of YAML as frontmatter writes it: indentation, a list dash, a `key:`, the value.
 * Keys are plain names (`headline`, `image`, `date`); anything else is a continuation line.
 */
const YAML_LINE = /^(?<indent> *)(?<dash>- +)?(?:(?<key>[A-Za-z_][\w.-]*) *:(?= |$))? *(?<value>.*?) *$/d;

/** A line that looks like the next field: what a quote left open swallows. */
const KEY_AHEAD = /^ *(?:- +)?[A-Za-z_][\w.-]* *:(?: |$)/;

/** Characters YAML reads as syntax at the start of a plain value: a value starting with one needs quotes. */
const RESERVED_START: Readonly<Record<string, string>> = {
  '@': 'YAML reserves "@" at the start of a value',
  '`': 'YAML reserves "`" at the start of a value',
  '%': 'YAML reads "%" at the start of a value as a directive',
  '*': 'YAML reads "*" at the start of a value as a reference to an anchor (an alias)',
  '&': 'YAML reads "&" at the start of a value as an anchor',
  '!': 'YAML reads "!" at the start of a value as a type tag',
};

/** The index of the quote that closes a quoted value begun before `from`, or -1 if the line has none. */
function closingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'")
        i++; // '' is an apostrophe inside single quotes
      else return i;
    }
  }
  return -1;
}

/** Whether what follows a closing quote is nothing, or a comment. */
function nothingAfter(rest: string): boolean {
  return /^\s*(?:#.*)?$/.test(rest);
}

/** The run of non-space characters around `index`, e.g. the word an apostrophe sits in. */
function wordAround(text: string, index: number): string {
  const start = text.lastIndexOf(' ', index) + 1;
  const end = text.indexOf(' ', index);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The hint's last part: the line, rewritten. */
function lineReads(line: number, text: string): string {
  return `Line ${line} then reads:\n  ${text}`;
}

/** A quoted value that is still open: where it began, for the error if it never closes. */
interface OpenQuote {
  line: number;
  column: number;
  field: string;
  quote: string;
  /** The line up to and including the opening quote, and the value after it. */
  before: string;
  value: string;
}

function unclosedQuote(open: OpenQuote): AuthoringProblem {
  const name = open.quote === "'" ? 'single quote' : 'double quote';
  return {
    line: open.line,
    column: open.column,
    field: open.field,
    message: `the ${name} (${open.quote}) that opens the value is never closed, so YAML reads the lines after it as part of ${open.field}.`,
    hint: `Close the quote at the end of the value. ${lineReads(open.line, `${open.before}${open.value}${open.quote}`)}`,
  };
}

/**
 * Finds the slip that made an article's frontmatter fail to parse as YAML: a tab in the
 * indentation; a quote never closed, or closed early by an apostrophe or quotation mark inside the
 * value; an unquoted value with ": " in it (read as a new key) or starting with a character YAML
 * reserves. Call it once YAML has failed: it judges the common slips, not YAML as a whole.
 * @param contents the article's whole source
 * @param failedLine the file line where the YAML parser gave up; a slip after it is not the cause
 * @returns the first slip, or undefined when none of these explains the failure
 */
export function frontmatterProblem(
  contents: string,
  failedLine = Number.POSITIVE_INFINITY,
): AuthoringProblem | undefined {
  const { frontmatter } = splitArticle(contents);
  if (!frontmatter) return undefined;
  const problem = scanFrontmatter(frontmatter.lines, frontmatter.firstLine);
  return problem && problem.line <= failedLine ? problem : undefined;
}

/** Reads the frontmatter line by line, tracking the field each line belongs to. */
function scanFrontmatter(lines: readonly string[], firstLine: number): AuthoringProblem | undefined {
  /** The keys above the current line, with the column each starts at. */
  const path: { indent: number; key: string }[] = [];
  /** Inside a `|` or `>` block: its lines are text, indented past this. */
  let blockIndent: number | undefined;
  let open: OpenQuote | undefined;

  for (const [index, text] of lines.entries()) {
    const line = firstLine + index;
    if (open) {
      // A quoted value may go on over several lines; it must close before the next field.
      const close = closingQuote(text, 0, open.quote);
      if (close === -1 ? KEY_AHEAD.test(text) : !nothingAfter(text.slice(close + 1))) {
        return unclosedQuote(open);
      }
      if (close !== -1) open = undefined;
      continue;
    }
    if (/^\s*(?:#.*)?$/.test(text)) continue; // blank, or a comment
    const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
    if (blockIndent !== undefined && indent.length > blockIndent) continue;
    blockIndent = undefined;

    const top = path[0]?.key;
    if (indent.includes('\t')) {
      return {
        line,
        column: indent.indexOf('\t') + 1,
        ...(top === undefined ? {} : { field: top }),
        message: 'the line is indented with a tab, and YAML indents with spaces only.',
        hint: `Indent with spaces (two for each level). ${lineReads(line, indent.replace(/\t/g, '  ') + text.slice(indent.length))}`,
      };
    }

    const match = YAML_LINE.exec(text);
    const parts = match?.groups ?? {};
    const { dash, key } = parts;
    if (dash === undefined && key === undefined) continue; // the rest of a value from the line above
    const lineIndent = parts['indent']?.length ?? 0;
    if (key !== undefined) {
      const keyIndent = lineIndent + (dash?.length ?? 0);
      while ((path.at(-1)?.indent ?? -1) >= keyIndent) path.pop();
      path.push({ indent: keyIndent, key });
    } else {
      while ((path.at(-1)?.indent ?? -1) > lineIndent) path.pop();
    }
    const field = path.map((entry) => entry.key).join('.');
    const value = parts['value'] ?? '';
    if (value === '') continue;
    const start = match?.indices?.groups?.['value']?.[0] ?? 0;
    const before = text.slice(0, start);
    const first = value[0] ?? '';

    if (first === "'" || first === '"') {
      const close = closingQuote(value, 1, first);
      if (close === -1) {
        open = {
          line,
          column: start + 1,
          field,
          quote: first,
          before: `${before}${first}`,
          value: value.slice(1),
        };
      } else if (!nothingAfter(value.slice(close + 1))) {
        // An apostrophe (or a quotation mark) inside the value ends it early.
        const meant = value.endsWith(first) && value.length > 1 ? value.slice(1, -1) : value.slice(1);
        const mark = first === "'" ? 'apostrophe' : 'quotation mark';
        return {
          line,
          column: start + close + 1,
          field,
          message: `the ${mark} (${first}) in ${wordAround(meant, close - 1)} ends the quoted value early, and YAML cannot read the rest of the line.`,
          hint: `Quote the value so that the ${first} inside is kept${quotingNote(meant) || ' (in single quotes)'}. ${lineReads(line, `${before}${yamlQuoted(meant)}`)}`,
        };
      }
      continue;
    }
    if (first === '|' || first === '>') {
      blockIndent = lineIndent;
      continue;
    }
    if (first === '[' || first === '{') continue; // a list or map written inline: [Israel, Iran]

    // A plain value: up to a comment (" #"), which YAML drops.
    const hash = value.search(/\s#/);
    const plain = hash === -1 ? value : value.slice(0, hash).trimEnd();
    const comment = hash === -1 ? '' : value.slice(plain.length);
    const rewritten = `${before}${yamlQuoted(plain)}${comment}`;
    const reserved = RESERVED_START[first];
    if (reserved) {
      return {
        line,
        column: start + 1,
        field,
        message: `the value starts with "${first}": ${reserved}, so it must be in quotes.`,
        hint: `Put the value in quotes${quotingNote(plain)}. ${lineReads(line, rewritten)}`,
      };
    }
    const colon = plain.search(/:(?:\s|$)/);
    if (colon !== -1) {
      return {
        line,
        column: start + colon + 1,
        field,
        message: `YAML reads "${plain.slice(0, colon + 1)}" as a new key, because the value has ": " in it and is not in quotes.`,
        hint: `Put the value in quotes${quotingNote(plain)}. ${lineReads(line, rewritten)}`,
      };
    }
  }
  return open ? unclosedQuote(open) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Where a field is.

/** A line of the frontmatter as {@link fieldPosition} reads it; columns count from 0. */
interface Row {
  /** The file line, counted from 1. */
  line: number;
  /** Where the line's text starts: its indentation. */
  start: number;
  /** The column of the `-` when the line starts a list item. */
  dash?: number;
  /** The key, when the line has one, and its column. */
  key?: string;
  keyColumn: number;
  /** What follows the key (or the dash), and its column. */
  value: string;
  valueColumn: number;
}

/** The frontmatter's lines with content (not blank, not a comment alone), as {@link Row}s. */
function rowsOf(lines: readonly string[], firstLine: number): Row[] {
  const rows: Row[] = [];
  lines.forEach((text, i) => {
    if (/^\s*(?:#|$)/.test(text)) return;
    const match = YAML_LINE.exec(text);
    const at = match?.indices?.groups;
    if (!match?.groups || !at) return;
    const { indent = '', dash, key, value = '' } = match.groups;
    rows.push({
      line: firstLine + i,
      start: indent.length,
      ...(dash && at['dash'] ? { dash: at['dash'][0] } : {}),
      ...(key ? { key } : {}),
      keyColumn: at['key']?.[0] ?? -1,
      value,
      valueColumn: at['value']?.[0] ?? text.length,
    });
  });
  return rows;
}

/**
 * The index after the last row of the block that starts at `rows[index]` (a key whose value may
 * go on below it, or a list item), but not after `to`. A key's block is the rows indented more
 * than the key, and list items at the key's own indentation (`tags:` then `- Israel`); an item's,
 * the rows indented more than its dash.
 */
function blockEnd(rows: readonly Row[], index: number, column: number, item: boolean, to: number): number {
  let end = index + 1;
  while (end < to) {
    const row = rows[end];
    if (!row || !(row.start > column || (!item && row.start === column && row.dash !== undefined))) break;
    end++;
  }
  return end;
}

/** The column (from 0) of the `index`th item of a one-line flow list, `[a, b, 'c, d']`; undefined if it has fewer. */
function flowItemColumn(value: string, valueColumn: number, index: number): number | undefined {
  let item = 0;
  let quote = '';
  let depth = 0;
  for (let i = 1; i < value.length; i++) {
    const char = value[i] ?? '';
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === "'" || char === '"') quote = char;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 0) item++;
    else if (item === index && char !== ' ' && depth >= 0) return valueColumn + i;
    if (depth < 0) return undefined;
  }
  return undefined;
}

/**
 * Where a field of the frontmatter is written, for an error about it: the line of its key, or of
 * the list item, as deep along `path` as the source goes (a missing `kind` in `corrections[0]`
 * gives the item's line). Reads the frontmatter line by line as authors write it (block mappings,
 * block lists, one-line flow lists); a field it cannot find (a missing top-level field, a YAML
 * form it does not follow) gives undefined, and the error goes without a line.
 * @param contents the file's whole source
 * @param path the field, as zod gives it, e.g. ['corrections', 0, 'kind'] or ['authors', 1]
 * @returns the file line (from 1) and column (from 1) of the key or item
 * @example fieldPosition('---\ntitle: x\ntags: [a, b]\n---\n', ['tags', 1]) // { line: 3, column: 11 }
 */
export function fieldPosition(
  contents: string,
  path: readonly PropertyKey[],
): { line: number; column: number } | undefined {
  const { frontmatter } = splitArticle(contents);
  if (!frontmatter) return undefined;
  const rows = rowsOf(frontmatter.lines, frontmatter.firstLine);
  let from = 0;
  let to = rows.length;
  let owner: Row | undefined;
  let found: { line: number; column: number } | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (owner?.value.startsWith('[')) {
        const column = flowItemColumn(owner.value, owner.valueColumn, segment);
        return column === undefined ? found : { line: owner.line, column: column + 1 };
      }
      const dashes = rows.slice(from, to).flatMap((row) => (row.dash === undefined ? [] : [row.dash]));
      const column = Math.min(...dashes);
      const items = rows
        .map((row, index) => ({ row, index }))
        .slice(from, to)
        .filter(({ row }) => row.dash === column);
      const item = items[segment];
      if (!item) return found;
      owner = item.row;
      found = { line: item.row.line, column: (item.row.key ? item.row.keyColumn : item.row.valueColumn) + 1 };
      to = blockEnd(rows, item.index, column, true, to);
      from = item.index; // the item's first key is on its own line
    } else if (typeof segment === 'string') {
      const keyed = rows.slice(from, to).filter((row) => row.key !== undefined);
      const column = Math.min(...keyed.map((row) => row.keyColumn));
      const index = rows.findIndex(
        (row, i) => i >= from && i < to && row.key === segment && row.keyColumn === column,
      );
      const row = rows[index];
      if (!row) return found;
      owner = row;
      found = { line: row.line, column: row.keyColumn + 1 };
      to = blockEnd(rows, index, row.keyColumn, false, to);
      from = index + 1;
    } else return found;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Body.

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

/** The line of `source` (0-based index) with [from, to) replaced by `by`, cut to an excerpt. */
function rewriteLine(lines: readonly string[], index: number, from: number, to: number, by: string): string {
  const text = lines[index] ?? '';
  return excerpt(`${text.slice(0, from)}${by}${text.slice(to)}`, from, from + by.length);
}

/** What a `{…}` in text may hold and still print nothing wrong: a comment, or a string literal. */
const HARMLESS_EXPRESSION = /^\s*(?:\/\*[\s\S]*\*\/|'[^'\\\n]*'|"[^"\\\n]*"|`[^`\\$]*`)\s*$/;

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
 * @param to where they close on that line (exclusive); undefined when they do not
 * @param inside what they hold, when they close on a later line; undefined when they never close
 */
function bracesProblem(
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

/** Maps Sätteri's parse error to a problem, or undefined for one this module does not explain. */
function parseErrorProblem(
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

/** The first `{…}` in text (not in a component's props) that is neither a comment nor a string. */
function firstExpression(node: MdastNode): MdastNode | undefined {
  if (
    (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') &&
    !HARMLESS_EXPRESSION.test(node.value)
  ) {
    return node;
  }
  // Props are in `attributes`, not `children`: text={`…`} is never visited.
  if ('children' in node) {
    for (const child of node.children) {
      const found = firstExpression(child);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Finds the slip in an article's MDX body that MDX would reject or misread: braces in text (code
 * in MDX), `<` before a letter (a tag in MDX), an HTML comment or a `<https://…>` link, a
 * component never closed. Other parse errors are left to MDX's own message.
 * @param body the MDX after the frontmatter
 * @param firstLine the file line `body` starts on (see {@link splitArticle})
 * @returns the first slip, or undefined when there is none
 */
export function bodyProblem(body: string, firstLine = 1): AuthoringProblem | undefined {
  // Braces and tags are what these slips are made of: no `{` or `<`, nothing to find.
  if (!body.includes('{') && !body.includes('<')) return undefined;
  let tree: MdastNode;
  try {
    // Without positions first: half the cost, and errors carry theirs in the message anyway.
    tree = mdxToMdast(body, { position: false });
  } catch (error) {
    return parseErrorProblem(error, body.split(/\r?\n/), firstLine);
  }
  if (!body.includes('{') || !firstExpression(tree)) return undefined;
  const found = firstExpression(mdxToMdast(body, { position: true }));
  const position = found?.position;
  if (!found || !('value' in found) || !position) return undefined;
  const { start, end } = position;
  const lines = body.split(/\r?\n/);
  return end.line === start.line
    ? bracesProblem(lines, start.line - 1, start.column - 1, firstLine, end.column - 1)
    : bracesProblem(lines, start.line - 1, start.column - 1, firstLine, undefined, found.value);
}
