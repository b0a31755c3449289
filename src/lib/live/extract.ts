/**
 * The `<Update>`s of an article's MDX body, read from its syntax tree as the loader reads each
 * file, so pages, JSON-LD, feeds and listings know a live page's updates without rendering it.
 * What only the body can show is checked here (a missing or offset-less time, two updates at
 * one time, updates out of order); what needs the frontmatter too is in `./checks.ts`.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import type { AuthoringProblem } from '../authoring/problem';
import { parseInstant } from '../../schemas/coverage';
import { UPDATE_TIME_EXAMPLE } from '../../schemas/update';
import { updateAnchor } from './updates';

/** The component's name as written in MDX. */
export const UPDATE_COMPONENT = 'Update';

/** An update as the loader stores it in the article's data; the schema reads `time` into a `NewsDate`. */
export interface UpdateSource {
  /** As written, e.g. "2023-03-29T10:15:00+03:00". */
  time: string;
  title: string;
  keyEvent: boolean;
  anchor: string;
  line: number;
  text: string;
}

/** A JSX element of the MDX tree (`<Update …>`), as satteri gives it. */
type JsxElement = Extract<MdastNode, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type Attribute = JsxElement['attributes'][number];

const EXAMPLE = '<Update time="2023-03-29T10:15:00+03:00" title="Foreign ministers arrive" keyEvent>';

/** The plain text of a node's Markdown: text and code, blocks apart by a blank line; components left out. */
function plainText(nodes: readonly MdastNode[]): string {
  const blocks: string[] = [];
  const inline = (node: MdastNode): string => {
    if (node.type === 'text' || node.type === 'inlineCode') return node.value;
    if (node.type === 'break') return ' ';
    if (node.type.startsWith('mdx')) return '';
    return 'children' in node ? node.children.map(inline).join('') : '';
  };
  const visit = (node: MdastNode): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = inline(node).replace(/\s+/g, ' ').trim();
      if (text) blocks.push(text);
    } else if (node.type === 'code') {
      blocks.push(node.value);
    } else if (!node.type.startsWith('mdx') && 'children' in node) {
      node.children.forEach(visit);
    }
  };
  nodes.forEach(visit);
  return blocks.join('\n\n');
}

/** The attribute named `name`, if written. */
function attribute(element: JsxElement, name: string): Attribute | undefined {
  return element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
}

/** An attribute's value when it is a quoted string; otherwise what was written, for messages. */
function stringValue(attr: Attribute): { value?: string; written: string } {
  if (attr.type !== 'mdxJsxAttribute') return { written: '{…}' };
  if (typeof attr.value === 'string') return { value: attr.value, written: JSON.stringify(attr.value) };
  if (attr.value === null || attr.value === undefined) return { written: '(no value)' };
  return { written: `{${attr.value.value}}` };
}

/** Every `<Update>` in the tree, with whether it sits at the top level of the body. */
function updateElements(tree: MdastNode): { element: JsxElement; topLevel: boolean }[] {
  const found: { element: JsxElement; topLevel: boolean }[] = [];
  const walk = (node: MdastNode, depth: number) => {
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name === UPDATE_COMPONENT
    ) {
      found.push({ element: node, topLevel: depth === 1 && node.type === 'mdxJsxFlowElement' });
    }
    if ('children' in node) for (const child of node.children) walk(child, depth + 1);
  };
  walk(tree, 0);
  return found;
}

/**
 * Reads the `<Update>`s of an article's body, in the order written, and checks what the body
 * alone can show: each has a quoted `time` with its UTC offset and a `title`, `keyEvent` is bare,
 * each sits at the top level of the body, no two share a time, and they are written newest
 * first (the page shows them as written: an update added later goes on top).
 * @param body the MDX after the frontmatter
 * @param firstLine the file line `body` starts on (see `splitArticle`)
 * @returns the updates, or the first problem found
 */
export function readUpdates(
  body: string,
  firstLine = 1,
): { updates: UpdateSource[]; problem?: undefined } | { problem: AuthoringProblem } {
  if (!body.includes(`<${UPDATE_COMPONENT}`)) return { updates: [] };
  const tree = mdxToMdast(body, { position: true });
  const updates: UpdateSource[] = [];
  for (const { element, topLevel } of updateElements(tree)) {
    const line = (element.position?.start.line ?? 1) + firstLine - 1;
    const column = element.position?.start.column ?? 1;
    const at = (message: string, hint: string): { problem: AuthoringProblem } => ({
      problem: { line, column, component: UPDATE_COMPONENT, message, hint },
    });
    if (!topLevel) {
      return at(
        'an update is written inside something else (a paragraph, a list or another component); each <Update> is a block of the page of its own.',
        `Put <Update …> on a line of its own, with a blank line before it and </Update> on a line after its text, e.g. ${EXAMPLE}`,
      );
    }
    const timeAttr = attribute(element, 'time');
    if (!timeAttr) {
      return at('time is required: when it happened, with its UTC offset.', `Add the time, e.g. ${EXAMPLE}`);
    }
    const time = stringValue(timeAttr);
    if (time.value === undefined) {
      return at(
        `time must be a quoted time with its UTC offset, received ${time.written}.`,
        `Write the time in quotes, e.g. ${UPDATE_TIME_EXAMPLE}`,
      );
    }
    const parsed = parseInstant(time.value, UPDATE_TIME_EXAMPLE);
    if (typeof parsed === 'string') {
      return at(
        `time ${parsed}.`,
        'An update’s time is an instant, as `published` is: the date, the time and the offset from UTC (+03:00 for Israel in summer, +02:00 in winter).',
      );
    }
    const titleAttr = attribute(element, 'title');
    const title = titleAttr ? stringValue(titleAttr) : undefined;
    if (!title?.value?.trim()) {
      return at(
        title
          ? `title must be the update’s heading in quotes, received ${title.written}.`
          : 'title is required: the update’s heading, plain text.',
        `Add the title, e.g. ${EXAMPLE}`,
      );
    }
    const keyAttr = attribute(element, 'keyEvent');
    if (keyAttr && (keyAttr.type !== 'mdxJsxAttribute' || keyAttr.value !== null)) {
      return at(
        `keyEvent is a bare attribute, received keyEvent=${stringValue(keyAttr).written}.`,
        'Write keyEvent alone to mark a key event, or leave it out, e.g. <Update time="…" title="…" keyEvent>',
      );
    }
    const anchor = updateAnchor(parsed.date);
    const same = updates.find((u) => u.anchor === anchor);
    if (same) {
      return at(
        `two updates have the same time, ${time.value} (this one and the one on line ${same.line}); each update’s anchor is made from its time, so each needs its own.`,
        'Give each update the minute (or second) it happened, or merge the two into one update.',
      );
    }
    const above = updates.at(-1);
    if (above && new Date(above.time) < parsed.date) {
      return at(
        `this update (${time.value}) is later than the one above it (line ${above.line}, ${above.time}); updates are written newest first, as the page shows them.`,
        `Move this <Update> above the one on line ${above.line}: a new update goes at the top, under the summary.`,
      );
    }
    updates.push({
      time: time.value,
      title: title.value.trim(),
      keyEvent: keyAttr !== undefined,
      anchor,
      line,
      text: plainText(element.children),
    });
  }
  return { updates };
}
