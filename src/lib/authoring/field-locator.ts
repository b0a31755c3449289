import { splitArticle } from './article-parts';

/**
 * Where a frontmatter field is written in the file ({@link fieldPosition}), so a schema error
 * about it can name its line.
 */

/**
 * One line of YAML as frontmatter writes it: indentation, a list dash, a `key:`, the value.
 * Keys are plain names (`headline`, `image`, `date`); anything else is a continuation line.
 */
export const YAML_LINE =
  /^(?<indent> *)(?<dash>- +)?(?:(?<key>[A-Za-z_][\w.-]*) *:(?= |$))? *(?<value>.*?) *$/d;

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
