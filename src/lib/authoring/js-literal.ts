import { parseExpressionAt, tokenizer, type Expression, type Options } from 'acorn';

/**
 * What a JavaScript expression in an article's MDX (`{…}` in text, `prop={…}` on a tag) holds,
 * decided by parsing it with acorn, the parser MDX's own toolchain uses: a literal value is
 * content; anything else (a name, a call, `process.env.X`, `${…}` in a template) is code. Pure.
 */

/** The kind of literal an expression is; "nothing" for one that holds only comments or spaces. */
export type LiteralKind = 'nothing' | 'string' | 'number' | 'boolean';

const OPTIONS: Options = { ecmaVersion: 'latest', sourceType: 'module' };

/** Whether `code` from `from` on holds no token (only spaces and comments); false when it does not tokenize. */
function empty(code: string, from = 0): boolean {
  try {
    return tokenizer(code.slice(from), OPTIONS).getToken().type.label === 'eof';
  } catch {
    return false;
  }
}

/** The kind of a parsed expression when it is a literal value; undefined for anything else. */
function kindOf(node: Expression): LiteralKind | undefined {
  if (node.type === 'Literal') {
    // null, a regular expression and a BigInt are literals too, but no prop takes them.
    const { value } = node;
    if (typeof value === 'string') return 'string';
    if (typeof value === 'number') return 'number';
    if (typeof value === 'boolean') return 'boolean';
    return undefined;
  }
  // `text={`…`}`, the Tweet's multi-line text, as long as nothing is put in with ${…}.
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 ? 'string' : undefined;
  // -3: a number, though JavaScript reads it as minus applied to 3.
  if (node.type === 'UnaryExpression' && (node.operator === '-' || node.operator === '+')) {
    return node.argument.type === 'Literal' && typeof node.argument.value === 'number' ? 'number' : undefined;
  }
  return undefined;
}

/**
 * The kind of literal `code` is, or undefined when it is code (or does not parse).
 * @param code what MDX read between the braces, e.g. "'x'", "3", "`a\nb`", "/* a note *\/"
 * @example literalKind('`History!`') // 'string'
 * @example literalKind('process.env.TOKEN') // undefined
 */
export function literalKind(code: string): LiteralKind | undefined {
  if (empty(code)) return 'nothing';
  let node: Expression;
  try {
    node = parseExpressionAt(code, 0, OPTIONS);
  } catch {
    return undefined;
  }
  // `'a', b` or `'a'; b` parse as a literal followed by more code.
  return empty(code, node.end) ? kindOf(node) : undefined;
}
