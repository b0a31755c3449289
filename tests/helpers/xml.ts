import { DOMParser, type Document } from '@xmldom/xmldom';

/**
 * Parses XML the strict way a feed reader's parser would: any well-formedness or namespace
 * problem, even one a lenient parser would recover from, throws with the parser's message.
 */
export function parseXml(xml: string): Document {
  // xmldom recovers from a few well-formedness errors a feed reader's parser rejects (a bare "&",
  // "]]>" in text, forbidden characters); catch those first.
  const lexical = firstLexicalError(xml);
  if (lexical !== undefined) throw new Error(`XML fatalError: ${lexical}`);
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

export const NS = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

type Node = { getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }> };

/** The text of the first element called `name` inside `parent` (RSS elements have no namespace). */
export function firstElementText(parent: Node, name: string): string | undefined {
  return parent.getElementsByTagName(name)[0]?.textContent ?? undefined;
}

/** Characters XML 1.0 forbids anywhere, even escaped (§2.2 Char). */
const ILLEGAL_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Markup a scan must step over whole, since "&" and "]]>" mean nothing inside it. */
const OPAQUE_MARKUP = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
] as const;

/**
 * The first well-formedness error @xmldom/xmldom lets through, even with every report made fatal: it
 * silently repairs a bare "&" (in text or an attribute) and "]]>" in text, and keeps characters XML
 * forbids, raw or as references; expat, which the W3C validator uses, rejects them all. The parse
 * has already succeeded, so markup is well delimited and a plain scan can tell text from tags.
 */
export function firstLexicalError(xml: string): string | undefined {
  const illegal = ILLEGAL_CHARACTER.exec(xml);
  if (illegal)
    return `${position(xml, illegal.index)}: character ${codePoint(illegal[0])} is not allowed in XML`;

  let index = 0;
  while (index < xml.length) {
    const markup = xml.indexOf('<', index);
    const textEnd = markup === -1 ? xml.length : markup;
    const cdataEnd = xml.slice(index, textEnd).indexOf(']]>');
    if (cdataEnd !== -1) return `${position(xml, index + cdataEnd)}: "]]>" in text; write "]]&gt;"`;
    const textError = referenceError(xml, index, textEnd);
    if (textError !== undefined || markup === -1) return textError;

    const opaque = OPAQUE_MARKUP.find(([open]) => xml.startsWith(open, markup));
    if (opaque) {
      index = xml.indexOf(opaque[1], markup + opaque[0].length) + opaque[1].length;
    } else if (xml.startsWith('<!', markup)) {
      // A DOCTYPE; an internal subset in brackets may itself contain ">".
      const subset = xml.indexOf('[', markup);
      const close = xml.indexOf('>', markup);
      index = xml.indexOf('>', subset !== -1 && subset < close ? xml.indexOf(']', subset) : markup) + 1;
    } else {
      // A tag: only quoted attribute values can hold references (or a ">").
      index = markup + 1;
      while (index < xml.length && xml[index] !== '>') {
        const quote = xml[index];
        if (quote === '"' || quote === "'") {
          const end = xml.indexOf(quote, index + 1);
          if (end === -1) return undefined; // an unterminated value, which the parser would have rejected
          const attributeError = referenceError(xml, index + 1, end);
          if (attributeError !== undefined) return attributeError;
          index = end;
        }
        index += 1;
      }
      index += 1;
    }
    if (index <= markup) return undefined; // unterminated markup, which the parser would have rejected
  }
  return undefined;
}

/** The first "&" in xml[start, end) that starts no reference, or refers to a character XML forbids. */
function referenceError(xml: string, start: number, end: number): string | undefined {
  const references = /&(?:[A-Za-z_:][\w.:-]*;|#(\d+);|#x([\dA-Fa-f]+);)?/g;
  for (const match of xml.slice(start, end).matchAll(references)) {
    const where = position(xml, start + match.index);
    if (match[0] === '&') return `${where}: a bare "&"; write "&amp;"`;
    const [, decimal, hex] = match;
    const value = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (
      value !== undefined &&
      (value > 0x10ffff || ILLEGAL_CHARACTER.test(String.fromCodePoint(Math.min(value, 0x10ffff))))
    ) {
      return `${where}: ${show(match[0])} refers to a character XML does not allow`;
    }
  }
  return undefined;
}

/** "line L, column C" (1-based) of an offset, as parsers and validators report positions. */
function position(xml: string, offset: number): string {
  const before = xml.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A value quoted for a message, shortened if long. */
function show(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
}
