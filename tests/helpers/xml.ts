import { DOMParser, type Document } from '@xmldom/xmldom';

/**
 * Parses XML the strict way a feed reader's parser would: any well-formedness or namespace
 * problem, even one a lenient parser would recover from, throws with the parser's message.
 */
export function parseXml(xml: string): Document {
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
} as const;

type Node = { getElementsByTagName(name: string): ArrayLike<{ textContent: string | null }> };

/** The text of the first child element called `name` (RSS elements have no namespace). */
export function textOf(parent: Node, name: string): string | undefined {
  return parent.getElementsByTagName(name)[0]?.textContent ?? undefined;
}
