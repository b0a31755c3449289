import type { MdastNode } from 'satteri';
import { rewriteLine } from './mdx-slips.ts';
import { lineReads, type AuthoringProblem } from './problem.ts';

/**
 * What the body's allow-list (mdx-allow-list.ts, mdx-elements.ts) finds, and the small helpers its
 * messages share: where a slip is, the problem there, the line rewritten. Pure.
 */

/** Where a slip is: the body's lines, the slip's line (0-based) and columns [from, to) on it. */
export interface Place {
  lines: readonly string[];
  index: number;
  from: number;
  /** Where the slip ends on its line; undefined when it runs on to a later line. */
  to: number | undefined;
  /** The file line the body starts on. */
  firstLine: number;
}

/** A node the allow-list refuses, and how to say so once its place is known. */
export interface Refusal {
  node: MdastNode;
  /**
   * The text of the slip inside the node, to find it on the node's lines (an attribute has no
   * position of its own); the node's start when it is not found.
   */
  marks?: readonly string[];
  explain(place: Place): AuthoringProblem;
}

/** The problem at `place`, with the file's line and column. */
export function at(place: Place, message: string, hint: string): AuthoringProblem {
  return { line: place.index + place.firstLine, column: place.from + 1, message, hint };
}

/** "Line N then reads: …" with the slip at `place` replaced by `by`; empty when the slip runs past its line. */
export function rewritten(place: Place, by: string): string {
  if (place.to === undefined) return '';
  return ` ${lineReads(place.index + place.firstLine, rewriteLine(place.lines, place.index, place.from, place.to, by))}`;
}

/** Names in a list as English writes them: "<Figure>, <PullQuote>, <Tweet>, and <Update>". */
export const listed = (names: readonly string[]): string =>
  new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

/** A short stretch of code for a message: its first line, cut at 60 characters. */
export function shortCode(code: string): string {
  const first = code.trim().split('\n')[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/** An address for a message: whole up to 60 characters, else its start. */
export const shortUrl = (url: string): string => (url.length > 60 ? `${url.slice(0, 59)}…` : url);
