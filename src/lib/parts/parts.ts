/**
 * The site in parts, to build on several machines and merge (docs/parts.md): one **front**, with
 * everything that spans years, and N **year slices**, each with the pages of its years. Every
 * output file belongs to exactly one part ({@link ownerOfFile}); the few files that join the
 * parts (the sitemap index, the search's entry point) are written by the merge, from what the
 * parts hold, and by a whole build the same way.
 *
 * Pure: names, the years' assignment and the ownership rule. What this build is, read from the
 * environment, is in ./current.ts; the commands are scripts/build-part.mjs and friends.
 */

/** The whole site (`npm run build`), its front, or one of `of` year slices (1-based `index`). */
export type Part =
  | { readonly kind: 'whole' }
  | { readonly kind: 'front' }
  | { readonly kind: 'slice'; readonly index: number; readonly of: number };

/** The most slices a build may be split into: more machines than that wait on their start-up. */
export const MAX_SLICES = 64;

const SLICE_NAME = /^slice-(\d+)-of-(\d+)$/;

/**
 * A part's name, as commands, folders and CI jobs write it: `front`, `slice-2-of-8`.
 * @example partName({ kind: 'slice', index: 2, of: 8 }) // 'slice-2-of-8'
 */
export function partName(part: Part): string {
  if (part.kind === 'slice') return `slice-${part.index}-of-${part.of}`;
  return part.kind;
}

/**
 * The part a name stands for, or an error message that says what names there are.
 * @example parsePart('slice-2-of-8') // { kind: 'slice', index: 2, of: 8 }
 */
export function parsePart(name: string): Part | { error: string } {
  if (name === 'front' || name === 'whole') return { kind: name };
  const match = SLICE_NAME.exec(name);
  if (match) {
    const index = Number(match[1]);
    const of = Number(match[2]);
    if (of >= 1 && of <= MAX_SLICES && index >= 1 && index <= of) return { kind: 'slice', index, of };
  }
  return {
    error:
      `"${name}" is not a part. A part is "front" or "slice-<i>-of-<n>" (1 ≤ i ≤ n ≤ ${MAX_SLICES}), ` +
      'e.g. "slice-2-of-8"; `npm run build:parts -- --list --slices 8` prints them all.',
  };
}

/** Every part of a build in `slices` slices: the front, then each slice. */
export function allParts(slices: number): Part[] {
  return [
    { kind: 'front' },
    ...Array.from({ length: slices }, (_, i): Part => ({ kind: 'slice', index: i + 1, of: slices })),
  ];
}

/** Articles per year ("2023" → 412), the input of the years' assignment. */
export type YearCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * Which slice (1-based) holds each year, balanced by article count and stable as time goes on.
 *
 * The years are taken oldest first, and each goes to the slice with the fewest articles so far
 * (the lowest-numbered one on a tie). A year's slice therefore depends only on the years before
 * it: when a new year begins, every earlier year stays where it was, and so do the slices' warm
 * caches. The new year itself is placed by the years before it, not by its own count, so it keeps
 * its slice while it grows. Balance: each slice ends within one year's articles of the others.
 * @param counts articles per year ("YYYY")
 * @param slices how many slices
 */
export function assignYears(counts: YearCounts, slices: number): Map<string, number> {
  const entries = counts instanceof Map ? [...counts] : Object.entries(counts);
  const load = Array.from({ length: slices }, () => 0);
  const assignment = new Map<string, number>();
  for (const [year, count] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let slice = 0;
    for (let i = 1; i < slices; i++) if ((load[i] ?? 0) < (load[slice] ?? 0)) slice = i;
    assignment.set(year, slice + 1);
    load[slice] = (load[slice] ?? 0) + count;
  }
  return assignment;
}

/**
 * The slice that holds `year`: the assignment's, or for a year it does not know (an article whose
 * year the sources' scan read otherwise than the build, a year that began since the assignment was
 * made) a fixed one, the same in every part, so that the year is still built exactly once.
 */
export function sliceOfYear(year: string, assignment: ReadonlyMap<string, number>, slices: number): number {
  return assignment.get(year) ?? (Number.parseInt(year, 10) % slices) + 1;
}

/** The assignment as the environment carries it to a part's processes ({@link readAssignment}). */
export function writeAssignment(assignment: ReadonlyMap<string, number>): string {
  return JSON.stringify(Object.fromEntries([...assignment].sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** The assignment back from {@link writeAssignment}'s text; an empty map for an empty or unset one. */
export function readAssignment(text: string | undefined): Map<string, number> {
  if (!text) return new Map();
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`not a years assignment: ${text}`);
  return new Map(
    Object.entries(parsed).map(([year, slice]) => {
      if (!/^\d{4}$/.test(year) || !Number.isInteger(slice))
        throw new Error(`not a years assignment: ${text}`);
      return [year, Number(slice)];
    }),
  );
}

/**
 * Who holds an output file: the front, the slice of a year (its year, when the path names it),
 * the merge, or any part (`shared`: Astro's assets, named by their content).
 */
export type FileOwner =
  | { readonly kind: 'front' }
  | { readonly kind: 'slice'; readonly year?: string }
  | { readonly kind: 'join' }
  | { readonly kind: 'shared' };

/** The files that join the parts, written by the merge (and by a whole build the same way). */
export const JOIN_FILES = [
  'sitemap-index.xml',
  'pagefind/pagefind.js',
  'pagefind/shards.js',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-ui.css',
] as const;

const JOINS = new Set<string>(JOIN_FILES);
/** Slice files whose path names their year: archive listings, search bundles, sitemaps. */
const YEAR_FILE = /^(?:archive|pagefind)\/(\d{4})\/|^sitemaps\/(\d{4})(?:-\d+)?\.xml$/;
/** Slice files whose year is the article's: its page and its card. */
const ARTICLE_FILE = /^(?:articles|cards)\//;

/**
 * Which part an output file belongs to, by its path relative to the site's folder (`/` between
 * folders). Slices hold the article pages and cards, the year and month archives, the year's
 * search bundle and sitemap; the merge writes {@link JOIN_FILES}, and a site without a single
 * article has its empty search bundle straight in `pagefind/` (also the merge's); the front holds
 * everything else (home, sections, tags, people, corrections, feeds, the archive's index, the
 * search page, robots.txt, the 404 page).
 *
 * The one exception is `_astro/`: the CSS, scripts and fonts every page links to, and each
 * picture in every size astro:assets made for the pages that show it (a photograph is on its
 * article's page, in the slice, and in the front's feeds). Each file there is named by a hash of
 * what it is made from, so the parts that need one make the same bytes under the same name; the
 * merge keeps one copy, and refuses two different files under one name.
 * @example ownerOfFile('archive/2023/index.html') // { kind: 'slice', year: '2023' }
 */
export function ownerOfFile(path: string): FileOwner {
  if (path.startsWith('_astro/')) return { kind: 'shared' };
  if (JOINS.has(path) || /^pagefind\/[^/]+$/.test(path) || /^pagefind\/(?!\d{4}\/)[^/]+\//.test(path)) {
    return { kind: 'join' };
  }
  const year = YEAR_FILE.exec(path);
  if (year) return { kind: 'slice', year: year[1] ?? year[2] ?? '' };
  if (ARTICLE_FILE.test(path)) return { kind: 'slice' };
  return { kind: 'front' };
}
