import { parseHTML } from 'linkedom';

/** Parses an HTML fragment into a document the test can query the way a reader reads it. */
export function parseFragment(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/** Text as a reader sees it: whitespace runs folded to one space, trimmed. */
export function readerText(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
