import { parse } from 'acorn';
import { mdxToMdast, type MdastNode } from 'satteri';
import { literalKind } from './js-literal';
import { bracesProblem, parseErrorProblem, rewriteLine } from './mdx-slips';
import { lineReads, type AuthoringProblem } from './problem';
import { linkRefusal, pictureFileName, pictureRefusal } from './url-rules';

/**
 * An article is content, not code: its MDX body is checked once, as it is loaded, on MDX's own
 * syntax tree, against an allow-list (see docs/trust-model.md). Allowed: Markdown's own output,
 * the site's components (by name) and a few inline HTML elements, with literal values only.
 * Refused, each with the file's line and the fix: `import` and `export`; braces in text that hold
 * code; a prop in braces that is not a literal (a string, a number, true or false, a template
 * without `${…}`); a spread `{...props}`; any other HTML element (`<script>`, `<iframe>`, `<img>`,
 * `<form>`, …); an `on…` attribute; a link that is not `https:`, `http:`, `mailto:` or a path
 * on this site; a picture from another host. Pure.
 */

/**
 * The HTML an article may use, with the attributes each may carry: what an editor needs inside a
 * sentence and Markdown cannot write. Everything else is Markdown or a component.
 * - `<abbr title>`: an abbreviation with its expansion, for readers and screen readers.
 * - `<bdi lang>`: a Hebrew or Arabic name inside an English sentence keeps its own direction.
 * - `<sub>`, `<sup>`: H₂O, 1st, m² (no Markdown for them in MDX).
 * - `<br />`: a line break inside a paragraph (an address, a verse), where Markdown's is two
 *   trailing spaces nobody sees.
 */
export const INLINE_HTML: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  bdi: ['lang'],
  sub: [],
  sup: [],
  br: [],
};

/** Markdown's own nodes (CommonMark and GFM, as MDX parses them): content, checked inside. */
const MARKDOWN_NODES = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'inlineCode',
  'emphasis',
  'strong',
  'delete',
  'break',
  'text',
  'linkReference',
  'footnoteReference',
  'footnoteDefinition',
  'table',
  'tableRow',
  'tableCell',
]);

/** Where a slip is: the body's lines, the slip's line (0-based) and columns [from, to) on it. */
interface Place {
  lines: readonly string[];
  index: number;
  from: number;
  /** Where the slip ends on its line; undefined when it runs on to a later line. */
  to: number | undefined;
  /** The file line the body starts on. */
  firstLine: number;
}

/** A node the allow-list refuses, and how to say so once its place is known. */
interface Refusal {
  node: MdastNode;
  /**
   * The text of the slip inside the node, to find it on the node's lines (an attribute has no
   * position of its own); the node's start when it is not found.
   */
  marks?: readonly string[];
  explain(place: Place): AuthoringProblem;
}

/** The problem at `place`, with the file's line and column. */
function at(place: Place, message: string, hint: string): AuthoringProblem {
  return { line: place.index + place.firstLine, column: place.from + 1, message, hint };
}

/** "Line N then reads: …" with the slip at `place` replaced by `by`; empty when the slip runs past its line. */
function rewritten(place: Place, by: string): string {
  if (place.to === undefined) return '';
  return ` ${lineReads(place.index + place.firstLine, rewriteLine(place.lines, place.index, place.from, place.to, by))}`;
}

/** Names in a list as English writes them: "<Figure>, <PullQuote>, and <Tweet>". */
const listed = (names: readonly string[]): string =>
  new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

/** A short stretch of code for a message: its first line, cut at 60 characters. */
function shortCode(code: string): string {
  const first = code.trim().split('\n')[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/** An address for a message: whole up to 60 characters, else its start. */
const shortUrl = (url: string): string => (url.length > 60 ? `${url.slice(0, 59)}…` : url);

/** The text of a node's children, as a reader sees it. */
function plainText(node: MdastNode): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? node.children.map((child) => plainText(child as MdastNode)).join('') : '';
}

/** `import` or `export` in the body: the first statement, by its first line. */
function esmRefusal(node: Extract<MdastNode, { type: 'mdxjsEsm' }>): Refusal {
  let statement = {
    kind: node.value.trimStart().startsWith('import') ? 'import' : 'export',
    code: node.value,
  };
  try {
    const first = parse(node.value, { ecmaVersion: 'latest', sourceType: 'module' }).body[0];
    if (first) {
      statement = {
        kind: first.type === 'ImportDeclaration' ? 'import' : 'export',
        code: node.value.slice(first.start, first.end),
      };
    }
  } catch {
    // Not JavaScript at all: the node's own text names it well enough.
  }
  const shown = shortCode(statement.code);
  return {
    node,
    marks: [shown.replace(/…$/, '')],
    explain: (place) =>
      statement.kind === 'import'
        ? at(
            place,
            `MDX reads "${shown}" as code: an article cannot import anything.`,
            'Delete the line. The site’s components need no import, and a picture is a file beside the article, shown with <Figure src="./photo.jpg" alt="…" credit="…">Caption.</Figure>.',
          )
        : at(
            place,
            `MDX reads "${shown}" as code: an article cannot export or work out anything.`,
            'Delete it, and write the words or numbers themselves where they are used, e.g. speaker="Eli Cohen".',
          ),
  };
}

/** What an HTML element would do, and what to write instead. */
function htmlAdvice(name: string): { why?: string; fix: string } {
  const group = (names: string) => names.split(' ').includes(name);
  if (group('script noscript template')) {
    return {
      why: 'it would run code in every reader’s browser',
      fix: 'Delete it: an article holds no code. A post on X is quoted with <Tweet … />; link to anything else with [text](https://…).',
    };
  }
  if (group('style link meta base')) {
    return {
      why: 'it would change the page around the article',
      fix: 'Delete it: the site’s own styles set out every article.',
    };
  }
  if (group('iframe frame embed object video audio source track portal')) {
    return {
      why: 'it would load another site into the page',
      fix: 'Link to it instead: [text](https://…). A post on X is quoted with <Tweet … />, with a saved copy of its photo.',
    };
  }
  if (group('form input button select option textarea label fieldset output datalist')) {
    return {
      why: 'it would send what readers type to another site',
      fix: 'Link to the form instead: [text](https://…).',
    };
  }
  if (group('img picture svg canvas')) {
    return {
      fix: 'Save the picture in the article’s folder and show it with <Figure src="./photo.jpg" alt="…" credit="…">Caption.</Figure>.',
    };
  }
  if (group('a')) return { fix: 'Write the link in Markdown: [text](https://…).' };
  if (group('b strong')) return { fix: 'Write bold in Markdown: **words**.' };
  if (group('i em')) return { fix: 'Write italics in Markdown: *words*.' };
  if (group('s del strike')) return { fix: 'Write struck-out words in Markdown: ~~words~~.' };
  if (group('h1 h2 h3 h4 h5 h6'))
    return { fix: 'Write a heading in Markdown: ## Heading, on a line of its own.' };
  if (group('p')) return { fix: 'Leave a blank line between paragraphs instead.' };
  if (group('ul ol li'))
    return { fix: 'Write a list in Markdown: one line per item, each starting with "- ".' };
  if (group('blockquote')) return { fix: 'Write a quotation in Markdown: "> " at the start of each line.' };
  if (group('code pre')) return { fix: 'Write code in backticks: `code`.' };
  if (group('hr')) return { fix: 'Write --- on a line of its own, with blank lines around it.' };
  return { fix: 'Write it in Markdown, or leave the tag out and keep its words.' };
}

/** The HTML an article may use, for a hint. */
const INLINE_HTML_SHOWN = '<abbr title="…">, <bdi>, <sub>, <sup> and <br />';

type ElementNode = Extract<MdastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type Attribute = ElementNode['attributes'][number];

/** An `<img>`: its own words, for the picture it names. */
function imageElementRefusal(node: ElementNode): Refusal {
  const value = (name: string) => {
    const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    return attribute && typeof attribute.value === 'string' ? attribute.value : undefined;
  };
  const src = value('src') ?? '';
  const alt = value('alt') || '…';
  const where = pictureRefusal(src);
  return {
    node,
    explain: (place) =>
      at(
        place,
        `MDX reads <img> as HTML, which articles cannot use${where ? `: ${where}` : ''}.`,
        `Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./${pictureFileName(src)}" alt="${alt}" credit="…">Caption.</Figure>.`,
      ),
  };
}

/** How an attribute may be written in the source, to find it. */
function written(attribute: Attribute): string[] {
  if (attribute.type === 'mdxJsxExpressionAttribute') return [`{${attribute.value}}`];
  const { name, value } = attribute;
  if (value === null || value === undefined) return [name];
  if (typeof value === 'string') return [`${name}="${value}"`, `${name}='${value}'`, `${name}=`];
  return [`${name}={${value.value}}`, `${name}=`];
}

/** The first attribute of an element the allow-list refuses. */
function attributeRefusal(node: ElementNode, allowed?: readonly string[]): Refusal | undefined {
  const tag = `<${node.name ?? ''}>`;
  for (const attribute of node.attributes) {
    const marks = written(attribute);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      const spread = shortCode(`{${attribute.value}}`);
      return {
        node,
        marks,
        explain: (place) =>
          at(
            place,
            `${spread} on ${tag} passes props from code: an article writes each prop with its value.`,
            'Write each prop by name, with its value in quotes (name="…"), instead.',
          ),
      };
    }
    const { name, value } = attribute;
    const shown = marks[0] ?? name;
    const deleted = (place: Place) =>
      `Delete ${shortCode(shown)}.${place.lines[place.index]?.[place.from - 1] === ' ' ? rewritten({ ...place, from: place.from - 1 }, '') : ''}`;
    if (/^on/i.test(name)) {
      return {
        node,
        marks,
        explain: (place) =>
          at(
            place,
            `${name} on ${tag} is an event handler: it would run code in the reader’s browser.`,
            deleted(place),
          ),
      };
    }
    if (allowed && !allowed.includes(name)) {
      const takes = allowed.length > 0 ? `takes only ${listed(allowed)}` : 'takes no attributes';
      return {
        node,
        marks,
        explain: (place) => at(place, `${name} on ${tag}: in an article, ${tag} ${takes}.`, deleted(place)),
      };
    }
    if (value !== null && value !== undefined && typeof value !== 'string') {
      const kind = literalKind(value.value);
      if (kind === undefined || kind === 'nothing') {
        const code = shortCode(`{${value.value}}`);
        return {
          node,
          marks,
          explain: (place) =>
            at(
              place,
              `${name}=${code} on ${tag} is code: a value in braces must be a literal (words in quotes, a number, true or false, or a \`template\` without \${…}).`,
              `Write the value itself: words in quotes, ${name}="…", or a number in braces, ${name}={3}. An article cannot work out a value or read one from the build.`,
            ),
        };
      }
    }
  }
  return undefined;
}

/** A component or HTML element the allow-list refuses, or whose attributes it refuses. */
function elementRefusal(node: ElementNode, components: readonly string[]): Refusal | undefined {
  const name = node.name;
  if (name === null) {
    return {
      node,
      explain: (place) =>
        at(
          place,
          'MDX reads <> as a fragment, which articles have no use for.',
          'Delete <> and </>, and keep what is between them.',
        ),
    };
  }
  if (/^[A-Z]/.test(name) || /[.:]/.test(name)) {
    if (components.includes(name)) return attributeRefusal(node);
    return {
      node,
      explain: (place) =>
        at(
          place,
          `<${name}> is not a component articles can use.`,
          `Articles can use ${listed(components.map((n) => `<${n}>`))} without an import. To add one, see "Adding an MDX component" in CONTRIBUTING.md.`,
        ),
    };
  }
  const allowed = INLINE_HTML[name];
  if (allowed) return attributeRefusal(node, allowed);
  if (name === 'img') return imageElementRefusal(node);
  const { why, fix } = htmlAdvice(name);
  return {
    node,
    explain: (place) =>
      at(
        place,
        `MDX reads <${name}> as HTML, which articles cannot use${why ? `: ${why}` : ''}.`,
        `${fix} The HTML an article may use: ${INLINE_HTML_SHOWN}.`,
      ),
  };
}

/** A link or a link definition whose address the URL rules refuse. */
function linkRefusalOf(node: Extract<MdastNode, { type: 'link' | 'definition' }>): Refusal | undefined {
  const reason = linkRefusal(node.url);
  if (reason === undefined) return undefined;
  if (node.type === 'definition') {
    return {
      node,
      explain: (place) =>
        at(
          place,
          `The link definition [${node.label ?? node.identifier}]: ${shortUrl(node.url)} cannot be published: ${reason}.`,
          'Point it at an https:// address or a path on this site, or delete it and the links that use it.',
        ),
    };
  }
  const text = plainText(node);
  return {
    node,
    explain: (place) =>
      at(
        place,
        `The link [${text}](${shortUrl(node.url)}) cannot be published: ${reason}.`,
        `Link to an https:// address or a path on this site, or keep the words without a link.${rewritten(place, text)}`,
      ),
  };
}

/** A Markdown picture (`![alt](url)`, or one whose definition gives `url`) from another host. */
function pictureRefusalOf(node: MdastNode, alt: string, url: string): Refusal | undefined {
  const reason = pictureRefusal(url);
  if (reason === undefined) return undefined;
  return {
    node,
    explain: (place) =>
      at(
        place,
        `The picture ![${alt}](${shortUrl(url)}) cannot be published: ${reason}.`,
        `Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./${pictureFileName(url)}" alt="${alt || '…'}" credit="…">Caption.</Figure>.`,
      ),
  };
}

/**
 * The first node of `tree` the allow-list refuses, in the order of the source (a picture whose
 * address is in a definition, `![a][ref]`, is checked after the rest: at its definition).
 * @param components the names of the components articles may use
 */
function refusalIn(tree: MdastNode, components: readonly string[]): Refusal | undefined {
  const definitions = new Map<string, Extract<MdastNode, { type: 'definition' }>>();
  const pictures: Extract<MdastNode, { type: 'imageReference' }>[] = [];

  const visit = (node: MdastNode): Refusal | undefined => {
    let found: Refusal | undefined;
    switch (node.type) {
      case 'mdxjsEsm':
        return esmRefusal(node);
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        // Braces may hold a comment ({/* note */}) or a string ({'{'}, to show a brace).
        const kind = literalKind(node.value);
        if (kind === 'nothing' || kind === 'string') return undefined;
        return {
          node,
          explain: (place) =>
            bracesProblem(place.lines, place.index, place.from, place.firstLine, place.to, node.value),
        };
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        found = elementRefusal(node, components);
        break;
      case 'link':
        found = linkRefusalOf(node);
        break;
      case 'definition':
        definitions.set(node.identifier, node);
        return linkRefusalOf(node);
      case 'image':
        return pictureRefusalOf(node, node.alt ?? '', node.url);
      case 'imageReference':
        pictures.push(node);
        return undefined;
      default:
        if (!MARKDOWN_NODES.has(node.type)) {
          return {
            node,
            explain: (place) =>
              at(
                place,
                `MDX reads this as ${node.type}, which articles cannot use.`,
                'Write it in Markdown instead.',
              ),
          };
        }
    }
    if (found) return found;
    if ('children' in node) {
      for (const child of node.children) {
        const inner = visit(child as MdastNode);
        if (inner) return inner;
      }
    }
    return undefined;
  };

  const found = visit(tree);
  if (found) return found;
  for (const picture of pictures) {
    const definition = definitions.get(picture.identifier);
    const refused = definition && pictureRefusalOf(definition, picture.alt ?? '', definition.url);
    if (refused) return refused;
  }
  return undefined;
}

/** Where a refusal is in the body: the first of its marks on the node's lines, else the node's start. */
function placeOf(refusal: Refusal, lines: readonly string[], firstLine: number): Place | undefined {
  const position = refusal.node.position;
  if (!position) return undefined;
  const { start, end } = position;
  for (const mark of refusal.marks ?? []) {
    for (let index = start.line - 1; index < end.line && mark; index++) {
      const from = (lines[index] ?? '').indexOf(mark, index === start.line - 1 ? start.column - 1 : 0);
      if (from !== -1) return { lines, index, from, to: from + mark.length, firstLine };
    }
  }
  return {
    lines,
    index: start.line - 1,
    from: start.column - 1,
    to: end.line === start.line ? end.column - 1 : undefined,
    firstLine,
  };
}

/**
 * The body's one check, as the content loader reads each article: MDX's parse errors explained
 * (src/lib/authoring/mdx-slips.ts), then the allow-list on the syntax tree (see the module
 * comment). One parse without positions (half the cost); a second, with positions, only when
 * something is refused, to name its line.
 * @param body the MDX after the frontmatter
 * @param firstLine the file line `body` starts on (see `splitArticle`)
 * @param components the names of the components articles may use (`MDX_COMPONENT_NAMES`)
 * @returns the first slip or refusal, or undefined when the body is content only
 * @example bodyProblem('Text {process.env.TOKEN}', 9, ['Figure']) // { line: 9, message: 'MDX reads {process.env.TOKEN} as code: …', … }
 */
export function bodyProblem(
  body: string,
  firstLine: number,
  components: readonly string[],
): AuthoringProblem | undefined {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body, { position: false });
  } catch (error) {
    return parseErrorProblem(error, body.split(/\r?\n/), firstLine);
  }
  if (!refusalIn(tree, components)) return undefined;
  const refusal = refusalIn(mdxToMdast(body, { position: true }), components);
  const place = refusal && placeOf(refusal, body.split(/\r?\n/), firstLine);
  if (!refusal || !place)
    throw new Error('The allow-list refused a body without positions, but not with them.');
  return refusal.explain(place);
}
