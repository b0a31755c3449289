import { parse } from 'acorn';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { literalKind } from './js-literal.ts';
import { elementRefusal } from './mdx-elements.ts';
import { at, rewritten, shortCode, shortUrl, type Place, type Refusal } from './mdx-refusal.ts';
import { bracesProblem, parseErrorProblem } from './mdx-slips.ts';
import type { AuthoringProblem } from './problem.ts';
import { extensionProblem } from '../photos/rules.ts';
import { linkRefusal, pictureFileName, pictureRefusal } from './url-rules.ts';

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
function pictureRefusalOf(node: MdastNode, alt: string, url: string, bio: boolean): Refusal | undefined {
  const reason = pictureRefusal(url);
  if (reason === undefined) {
    // A file of the site, but only a photograph's format: an SVG is published as written, and
    // one with a <script> runs it on the site's own origin when opened.
    const format = extensionProblem(url.split(/[?#]/)[0] ?? url);
    if (format === undefined) return undefined;
    return {
      node,
      explain: (place) =>
        at(
          place,
          `The picture ![${alt}](${shortUrl(url)}) cannot be published: it ${format}.`,
          `Save it as a JPEG, PNG, WebP or AVIF file beside the ${bio ? 'bio' : 'article'} and point the picture at that file.`,
        ),
    };
  }
  const file = pictureFileName(url);
  return {
    node,
    explain: (place) =>
      at(
        place,
        `The picture ![${alt}](${shortUrl(url)}) cannot be published: ${reason}.`,
        bio
          ? `Save the picture beside the bio and write ![${alt || '…'}](./${file}), or delete it.`
          : `Pictures are files beside the article: save it in the article’s folder and show it with <Figure src="./${file}" alt="${alt || '…'}" credit="…">Caption.</Figure>.`,
      ),
  };
}

/**
 * The first node of `tree` the allow-list refuses, in the order of the source (a picture whose
 * address is in a definition, `![a][ref]`, is checked after the rest: at its definition).
 * @param components the names of the components articles may use
 * @param bio whether the tree is a person's bio (its pictures' fix differs)
 */
function refusalIn(tree: MdastNode, components: readonly string[], bio: boolean): Refusal | undefined {
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
        // The first definition of a label is the one Markdown uses (CommonMark): a later one must
        // not stand in for it when its pictures are checked.
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
        return linkRefusalOf(node);
      case 'image':
        return pictureRefusalOf(node, node.alt ?? '', node.url, bio);
      case 'imageReference':
        pictures.push(node);
        return undefined;
      case 'html': {
        // Only Markdown (a person's bio) has raw HTML; MDX reads tags as JSX.
        const html = shortCode(node.value);
        return {
          node,
          explain: (place) =>
            at(
              place,
              `"${html}" is HTML, which a bio cannot use: it is published as it is written.`,
              'Write it in Markdown instead: *italics*, **bold**, [a link](https://…).',
            ),
        };
      }
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
    const refused = definition && pictureRefusalOf(definition, picture.alt ?? '', definition.url, bio);
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

/** The first refusal in the tree `parse` reads, placed by a second parse, with positions. */
function firstProblem(
  parse: (position: boolean) => MdastNode,
  body: string,
  firstLine: number,
  components: readonly string[],
  bio = false,
): AuthoringProblem | undefined {
  if (!refusalIn(parse(false), components, bio)) return undefined;
  const refusal = refusalIn(parse(true), components, bio);
  const place = refusal && placeOf(refusal, body.split(/\r?\n/), firstLine);
  if (!refusal || !place)
    throw new Error('The allow-list refused a body without positions, but not with them.');
  return refusal.explain(place);
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
  return firstProblem(
    (position) => (position ? mdxToMdast(body, { position }) : tree),
    body,
    firstLine,
    components,
  );
}

/**
 * A person's bio (the Markdown body of `src/content/authors/<slug>.md`), checked by the same
 * rules: links to `https:`, `http:`, `mailto:` or the site, no picture from another host, and no
 * raw HTML (Markdown publishes it as written, `<script>` included).
 * @param body the Markdown after the frontmatter
 * @param firstLine the file line `body` starts on
 * @returns the first refusal, or undefined
 */
export function bioProblem(body: string, firstLine: number): AuthoringProblem | undefined {
  return firstProblem((position) => markdownToMdast(body, { position }), body, firstLine, [], true);
}
