import { splitArticle } from './article-parts';
import { YAML_LINE } from './field-locator';
import { lineReads, type AuthoringProblem } from './problem';

/**
 * Everyday slips in an article's frontmatter that YAML rejects with words an author cannot act
 * on ("bad indentation of a mapping entry"): an unquoted ": " or a reserved first character in a
 * value, a tab in the indentation, a quote left open or closed too early. Run only once YAML has
 * failed ({@link frontmatterProblem}); pure.
 */

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
