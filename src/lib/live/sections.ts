/**
 * A rendered live page body → each update's own HTML, for the live page's feeds (one item per
 * update). Read from the HTML `<Update>` renders (`<article class="update" id="<anchor>">` with
 * its text in `.update-body`), so a feed item's content is what the page shows, components and
 * all.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const classes = (node: Element): string[] => {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
};

/**
 * The HTML of each update's text in a rendered body, by anchor.
 * @example updateBodies('<article class="update" id="update-20240611T061500Z">…<div class="update-body"><p>Hi</p></div></article>').get('update-20240611T061500Z') // '<p>Hi</p>'
 */
export function updateBodies(html: string): Map<string, string> {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const bodies = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'article' || !classes(node).includes('update')) return;
    const id = node.properties['id'];
    if (typeof id !== 'string') return;
    visit(node, 'element', (inner: Element) => {
      if (inner.tagName === 'div' && classes(inner).includes('update-body')) {
        bodies.set(id, toHtml(inner.children));
      }
    });
  });
  return bodies;
}
