/**
 * The one XML writer: RSS, Atom and the Google News sitemap are all written here, from data.
 *
 * Why `XMLBuilder` from fast-xml-builder, with @astrojs/rss's own options: it is the writer
 * @astrojs/rss uses, so our RSS comes out as @astrojs/rss would write it (tests/unit/rss.test.ts
 * compares the two); it is maintained and already installed; and it takes a document as data, so
 * an element with attributes and children (`media:content`), an element repeated (several
 * `dc:creator`, one Atom `<author>` per person, `<link rel="enclosure">` beside the alternate
 * link) is an object or an array, never a string of markup that someone escaped by hand and a
 * parser reads back. Every text and attribute value passes through it, so escaping is done in one
 * place: `< > & " '` become references (so "]]>" is written "]]&gt;" and markup stays text), and
 * characters XML 1.0 forbids even escaped (control characters, lone surrogates) are dropped, since
 * one of them makes a strict reader reject the whole document.
 *
 * (@astrojs/rss imports it through fast-xml-parser, which re-exports this very class and marks
 * that export deprecated in favour of importing fast-xml-builder directly, as we do.)
 */
import XMLBuilder from 'fast-xml-builder';

/** An element's content: its text, or an element with attributes and children. */
export type XmlNode = string | XmlElement;

/** An element: attributes (written in this order) and either text or child elements. */
export type XmlElement =
  | { readonly attrs?: XmlAttributes; readonly text: string }
  | { readonly attrs?: XmlAttributes; readonly children?: XmlChildren };

/** Attribute name → value; an `undefined` value leaves the attribute out. */
export type XmlAttributes = Readonly<Record<string, string | undefined>>;

/**
 * Child elements by name, written in this order: one node, several of that name in a row (an
 * array), or none (`undefined` or an empty array).
 */
export type XmlChildren = Readonly<Record<string, XmlNode | readonly XmlNode[] | undefined>>;

/** A whole document: its root element and, for a feed, the stylesheet a browser shows it with. */
export interface XmlDocument {
  /** The root element's name, e.g. "rss". */
  readonly root: string;
  readonly element: XmlElement;
  /** Path of an XSLT stylesheet, written as `<?xml-stylesheet href="…" type="text/xsl"?>`. */
  readonly stylesheet?: string;
}

/** Characters XML 1.0 forbids anywhere, even escaped (§2.2 Char). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A name the writer accepts: an XML name with at most one namespace prefix ("dc:creator"). */
const XML_NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/** @astrojs/rss's prefix for attributes and key for text, kept inside this module. */
const ATTRIBUTE = '@_';
const TEXT = '#text';

/**
 * Text as XML can carry it: characters XML forbids removed. The builder escapes the rest.
 * @example xmlText('Bell\u0007') // 'Bell'
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

const builder = new XMLBuilder({
  // @astrojs/rss's options (see its generateRSS): attributes written, empty elements self-closed,
  // `isPermaLink="true"` written in full.
  ignoreAttributes: false,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  // Every text and attribute value passes through these before the builder escapes it.
  tagValueProcessor: (_name, value) => (typeof value === 'string' ? xmlText(value) : value),
  attributeValueProcessor: (_name, value) => (typeof value === 'string' ? xmlText(value) : value),
});

/**
 * The serialized document: the XML declaration, the stylesheet instruction if any, then the root.
 * @example writeXml({ root: 'urlset', element: { children: { url: [] } } })
 *   // '<?xml version="1.0" encoding="UTF-8"?><urlset/>'
 */
export function writeXml({ root, element, stylesheet }: XmlDocument): string {
  return builder.build({
    '?xml': { [`${ATTRIBUTE}version`]: '1.0', [`${ATTRIBUTE}encoding`]: 'UTF-8' },
    ...(stylesheet === undefined
      ? {}
      : { '?xml-stylesheet': { [`${ATTRIBUTE}href`]: stylesheet, [`${ATTRIBUTE}type`]: 'text/xsl' } }),
    [checkName(root)]: toBuilderNode(element),
  }) as string;
}

/** The builder's object form of a node: "@_"-prefixed attributes, "#text", children by name. */
function toBuilderNode(node: XmlNode): unknown {
  if (typeof node === 'string') return node;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (value !== undefined) out[`${ATTRIBUTE}${checkName(name)}`] = value;
  }
  if ('text' in node) {
    out[TEXT] = node.text;
    return out;
  }
  for (const [name, child] of Object.entries(node.children ?? {})) {
    if (child === undefined) continue;
    out[checkName(name)] = isNodeList(child) ? child.map(toBuilderNode) : toBuilderNode(child);
  }
  return out;
}

function isNodeList(child: XmlNode | readonly XmlNode[]): child is readonly XmlNode[] {
  return Array.isArray(child);
}

/** Element and attribute names come from our code, never from content: a bad one is a bug. */
function checkName(name: string): string {
  if (!XML_NAME.test(name)) throw new Error(`writeXml: "${name}" is not an XML element or attribute name`);
  return name;
}
