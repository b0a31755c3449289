// The site in parts (src/lib/parts/, docs/parts.md), as the commands see it: which years each slice
// holds, where a part is built and cached, and the record each part's build leaves with its output
// so that the merge can check the parts belong together.
//
// CLI: node scripts/parts.mjs --slices N [--json]
//   prints every part of a build in N slices, with its years; --json prints them as a JSON array
//   for a CI job matrix ([{ "part": "front", "years": "" }, { "part": "slice-1-of-8", "years": "2019 2023" }, …]).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { articlePatterns } from '../src/lib/articles/source-globs.ts';
import {
  allParts,
  assignYears,
  MAX_SLICES,
  parsePart,
  partName,
  readAssignment,
  sliceOfYear,
} from '../src/lib/parts/parts.ts';
import { sourceYear } from '../src/lib/parts/source-year.ts';
import { siteConfig } from '../src/site.config.ts';

/** The record a part's build leaves in its output folder (not copied into the site). */
export const PART_RECORD = '.news-part.json';

/** The environment a build's output depends on, besides the sources: the same for every part. */
const CONFIG_ENV = ['SITE_URL', 'BASE_PATH', 'NEWS_FIXTURES', 'NEWS_PAGE_SIZE'];

/**
 * Articles per year, read from the sources (`sourceYear`): drafts and embargoed pieces count too,
 * so the assignment depends on the files alone, not on the hour.
 * @param {string} root @param {boolean} fixtures
 * @returns {Map<string, number>}
 */
export function yearCounts(root, fixtures) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const file of globSync(articlePatterns(fixtures), { cwd: root })) {
    const year = sourceYear(readFileSync(join(root, file), 'utf8'), siteConfig.timeZone);
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every part of a build in `slices` slices, with the years each slice holds.
 * @param {string} root @param {number} slices @param {boolean} fixtures
 */
export function planParts(root, slices, fixtures) {
  const counts = yearCounts(root, fixtures);
  const assignment = assignYears(counts, slices);
  return {
    assignment,
    parts: allParts(slices).map((part) => {
      const years =
        part.kind === 'slice'
          ? [...counts.keys()].filter((year) => sliceOfYear(year, assignment, slices) === part.index).sort()
          : [];
      const articles = years.reduce((sum, year) => sum + (counts.get(year) ?? 0), 0);
      return { part, name: partName(part), years, articles };
    }),
  };
}

/**
 * Where a part is built on this machine: `parts/<name>/` (the example archive's, `parts-fixtures/`),
 * with its output in `site/` and its caches in `cache/`, so that no two parts share anything but
 * the sources, as on machines of their own.
 * @param {string} root @param {string} name @param {Record<string, string | undefined>} env
 */
export function partFolder(root, name, env = process.env) {
  const base = env.NEWS_PARTS_DIR
    ? resolve(env.NEWS_PARTS_DIR)
    : join(root, env.NEWS_FIXTURES === '1' ? 'parts-fixtures' : 'parts');
  const folder = join(base, name);
  return {
    folder,
    site: join(folder, 'site'),
    astroCache: join(folder, 'cache', 'astro'),
    bodyCache: join(folder, 'cache', 'bodies'),
    cardCache: join(folder, 'cache', 'cards'),
  };
}

/**
 * The commit the sources come from: the CI's (GITHUB_SHA, CI_COMMIT_SHA), else git's, with
 * "+changes" when the work tree differs from it; "unknown" without git.
 * @param {string} root @param {Record<string, string | undefined>} env
 */
export function sourceCommit(root, env = process.env) {
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  if (env.CI_COMMIT_SHA) return env.CI_COMMIT_SHA;
  try {
    const git = (/** @type {string[]} */ ...args) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head}+changes`;
  } catch {
    return 'unknown';
  }
}

/**
 * What the parts of one build must agree on besides the commit: the environment the output
 * depends on and the build's "now" (an embargo lifts at one instant for every part).
 * @param {Record<string, string | undefined>} env
 */
export function configDigest(env = process.env) {
  const hash = createHash('sha256');
  for (const name of CONFIG_ENV) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Whether this process's part renders an article's own output (its body, its card), judged from
 * its source: for a year slice (NEWS_PART, NEWS_PART_YEARS, set by scripts/build.mjs) an article
 * of another slice's year is not; everything else, and a file whose year the source does not say
 * plainly, is (Astro decides from the parsed date, and work done for nothing costs only time).
 * @param {Record<string, string | undefined>} env
 * @returns {(contents: string) => boolean}
 */
export function ownArticles(env = process.env) {
  const part = env.NEWS_PART ? parsePart(env.NEWS_PART) : undefined;
  if (!part || !('kind' in part) || part.kind !== 'slice') return () => true;
  const assignment = readAssignment(env.NEWS_PART_YEARS);
  return (contents) => {
    const year = sourceYear(contents, siteConfig.timeZone);
    return year === undefined || sliceOfYear(year, assignment, part.of) === part.index;
  };
}

/**
 * @typedef {{ part: string, kind: 'front' | 'slice', index?: number, slices: number,
 *   years: string[], assignment: Record<string, number>, commit: string, sources: string, config: string,
 *   buildTime: string, due: string | null }} PartRecord
 */

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const at = process.argv.indexOf('--slices');
  const slices = Number(at >= 0 ? process.argv[at + 1] : NaN);
  if (!Number.isInteger(slices) || slices < 1 || slices > MAX_SLICES) {
    console.error(`Usage: node scripts/parts.mjs --slices N [--json]   (1 ≤ N ≤ ${MAX_SLICES})`);
    process.exit(2);
  }
  const { parts } = planParts(root, slices, process.env.NEWS_FIXTURES === '1');
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(parts.map(({ name, years }) => ({ part: name, years: years.join(' ') }))));
  } else {
    for (const { name, years, articles } of parts) {
      console.log(
        name === 'front'
          ? 'front         everything that spans years (home, sections, tags, people, feeds, …)'
          : `${name.padEnd(13)} ${articles} article${articles === 1 ? '' : 's'}: ${years.join(', ') || 'no year yet'}`,
      );
    }
  }
}
