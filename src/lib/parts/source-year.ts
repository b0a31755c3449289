// Runtime imports carry their `.ts` extension: scripts/build.mjs, the bodies' pre-pass and the card
// pre-drawer run this file in plain Node (type stripping), outside Astro and Vite.
import { calendarMonth, parseNewsDate } from '../site/dates.ts';

/** The frontmatter's top-level `published:` value, quoted or not, a comment after it aside. */
const PUBLISHED = /^published:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\s][^#\n]*?))[ \t\r]*(?:#[^\n]*)?$/m;

/**
 * The year an article is filed under (in `timeZone`, as the archive files it), read from its
 * source without parsing the rest: what the years' assignment counts and what a slice's
 * pre-passes keep (src/lib/parts/). Undefined when the file does not say plainly; the build itself
 * decides from the parsed date, and for such a file a pre-pass does the work in case it is its own.
 * @example sourceYear('---\npublished: 2023-03-29\n---\n', 'Asia/Jerusalem') // '2023'
 */
export function sourceYear(contents: string, timeZone: string): string | undefined {
  const text = contents.startsWith('\uFEFF') ? contents.slice(1) : contents;
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  const match = PUBLISHED.exec(end < 0 ? text : text.slice(0, end));
  const value = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  if (!value) return undefined;
  const parsed = parseNewsDate(value, timeZone);
  return typeof parsed === 'string' ? undefined : calendarMonth(parsed.date, timeZone).year;
}
