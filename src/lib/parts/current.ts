/**
 * Which part of the site this build makes (./parts.ts), as scripts/build.mjs tells Astro and the
 * pre-passes: `NEWS_PART` (`front`, `slice-2-of-8`; unset: the whole site) and, for a slice,
 * `NEWS_PART_YEARS` (every year's slice, from the sources). `astro dev`, `astro check` and the
 * tests build the whole site.
 */
import { calendarMonth } from '../site/dates';
import { siteConfig } from '../../site.config';
import { parsePart, readAssignment, sliceOfYear, type Part } from './parts';

function readPart(env: Record<string, string | undefined>): Part {
  const name = env['NEWS_PART'];
  if (!name) return { kind: 'whole' };
  const part = parsePart(name);
  if ('error' in part) throw new Error(`NEWS_PART: ${part.error}`);
  return part;
}

/** This build's part. */
export const thisPart: Part = readPart(process.env);

const assignment = readAssignment(process.env['NEWS_PART_YEARS']);

/** Whether this build makes the front's pages and files (the whole site does too). */
export const buildsFront: boolean = thisPart.kind !== 'slice';

/** Whether this build makes the pages of `year` ("2023"): the whole site, or the slice holding it. */
export function buildsYear(year: string): boolean {
  if (thisPart.kind === 'whole') return true;
  if (thisPart.kind === 'front') return false;
  return sliceOfYear(year, assignment, thisPart.of) === thisPart.index;
}

/**
 * Whether this build makes an article's own files: its page and its card. Its year is the one the
 * archive files it under (src/lib/listings/groups.ts, yearMonth).
 */
export function buildsArticle(article: { data: { published: { date: Date } } }): boolean {
  return (
    thisPart.kind === 'whole' ||
    buildsYear(calendarMonth(article.data.published.date, siteConfig.timeZone).year)
  );
}

/** A front route's paths, or none in a slice. */
export function frontPaths<T>(paths: readonly T[]): T[] {
  return buildsFront ? [...paths] : [];
}

/**
 * The routes a slice renders (Astro's route patterns); every other route belongs to the front, and
 * `[schedule].txt` (not a page: build.mjs's note) to every part. A slice's build answers the
 * front's routes without paths with an empty body (src/middleware.ts), which scripts/build.mjs
 * then removes, so a slice never renders what it does not hold (the site's feeds would want the
 * bodies of other years).
 */
export const SLICE_ROUTES: ReadonlySet<string> = new Set([
  '/articles/[...id]',
  '/cards/[id].png',
  '/cards/[id].jpg',
  '/archive/[year]/[...page]',
  '/archive/[year]/[month]/[...page]',
  '/[schedule].txt',
]);
