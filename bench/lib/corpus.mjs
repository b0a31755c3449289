// The archives the bench builds and the projects it builds them in: a made-up archive of N
// articles (bench/lib/archive/), placed in a throwaway copy of the site or of the bare baseline
// (bench/bare/), and the breaking story the incremental build adds.
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, opendirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyProjectTo, linkNodeModules } from '../../scripts/project-copy.mjs';
import { breakingStory } from './archive/article.mjs';
import { generateRoster, rosterSize } from './archive/roster.mjs';
import { generateArchive, writeArticle } from './archive/write.mjs';
import { writeHugoArticle, writeHugoPeople } from './hugo/project.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCH = fileURLToPath(new URL('..', import.meta.url));

/** When the incremental bench's story is published: the newest in the archive, before BUILD_TIME. */
const BREAKING_AT = '2025-12-31T22:00:00Z';

/**
 * What the generator is asked for: the photo share, and people and notices unless --no-people.
 * @param {{ photoShare: number, people: boolean }} options
 */
const sharesOf = (options) => ({
  photoShare: options.photoShare,
  ...(options.people ? {} : { authorShare: 0, correctionShare: 0 }),
});

/**
 * The archive of `n` articles in `corpus/articles/`, its roster in `corpus/authors/` (none with
 * --no-people).
 * @param {string} corpus a new folder
 * @param {number} n
 * @param {{ seed: number, photoShare: number, people: boolean }} options
 * @returns {Promise<import('./archive/write.mjs').ArchiveSummary & { people: number }>} with
 *   `people` the roster's size
 */
export async function generateCorpus(corpus, n, options) {
  const archive = await generateArchive(join(corpus, 'articles'), n, options.seed, sharesOf(options));
  const people = options.people ? generateRoster(join(corpus, 'authors'), n, options.seed).people : 0;
  return { ...archive, people };
}

/**
 * Adds to the full site in `dir`, built with an archive of `n`, article `n` as a breaking story:
 * published after everything in the archive, as a newsroom publishes. And whoever joins the
 * roster with it (when n + 1 crosses a multiple of ARTICLES_PER_PERSON): the new article may
 * name them.
 * @param {string} dir
 * @param {number} n
 * @param {{ seed: number, photoShare: number, people: boolean }} options
 * @returns {Promise<{ slug: string, lead: boolean }>} the article, as the measurements take it
 */
export async function addBreakingStory(dir, n, options) {
  const extra = breakingStory(n, options.seed, BREAKING_AT, sharesOf(options));
  await writeArticle(join(dir, 'src/content/articles'), extra, options.seed);
  if (options.people) {
    generateRoster(join(dir, 'src/content/authors'), n + 1, options.seed, {
      start: rosterSize(n),
    });
  }
  return { slug: extra.slug, lead: extra.pictures.some((p) => p.role === 'lead') };
}

/**
 * The same breaking story as {@link addBreakingStory}, added to the Hugo project in `dir` (see
 * bench/lib/hugo/project.mjs): the article and whoever joins the roster with it, written first
 * as the MDX archive has them into `scratch` (a new folder), then as Hugo pages.
 * @param {string} dir
 * @param {string} scratch
 * @param {number} n
 * @param {{ seed: number, photoShare: number, people: boolean }} options
 * @returns {Promise<{ slug: string, lead: boolean }>} the article, as the measurements take it
 */
export async function addHugoBreakingStory(dir, scratch, n, options) {
  const extra = breakingStory(n, options.seed, BREAKING_AT, sharesOf(options));
  const articles = join(scratch, 'articles');
  mkdirSync(articles, { recursive: true });
  await writeArticle(articles, extra, options.seed);
  writeHugoArticle(dir, articles, extra.file);
  if (options.people) {
    generateRoster(join(scratch, 'authors'), n + 1, options.seed, { start: rosterSize(n) });
    writeHugoPeople(dir, join(scratch, 'authors'));
  }
  return { slug: extra.slug, lead: extra.pictures.some((p) => p.role === 'lead') };
}

/**
 * The full site: the project's sources with only `corpus/articles/` as its articles, and the
 * people of `corpus/authors/` (if any) beside whatever `src/content/authors/` holds (its README).
 */
export function makeFullProject(dir, corpus) {
  copyProjectTo(ROOT, dir);
  const articles = join(dir, 'src/content/articles');
  rmSync(articles, { recursive: true, force: true });
  linkTree(join(corpus, 'articles'), articles);
  if (existsSync(join(corpus, 'authors')))
    cpSync(join(corpus, 'authors'), join(dir, 'src/content/authors'), { recursive: true });
}

/** Files of the site the bare baseline uses as they are (and what they import). */
const SITE_FILES_IN_BARE = [
  'src/lib/photos/sizes.ts',
  'src/lib/photos/encoder.ts',
  'src/lib/photos/rules.ts',
];

/**
 * The bare baseline: bench/bare/ with `corpus/articles/` as its articles. No people: it has no
 * pages but the articles' (their `authors` and `corrections` pass through its loose schema).
 */
export function makeBareProject(dir, corpus) {
  const skip = new Set(['node_modules', 'dist', '.astro']);
  cpSync(join(BENCH, 'bare'), dir, {
    recursive: true,
    filter: (source) => !skip.has(source.split(/[/\\]/).pop()),
  });
  linkTree(join(corpus, 'articles'), join(dir, 'src/content/articles'));
  // The site's own image widths and encoder settings in place of the re-exports (see
  // bench/bare/src/lib/), which reach the site by a path that a copy in the temp folder lacks.
  for (const file of SITE_FILES_IN_BARE) cpSync(join(ROOT, file), join(dir, file));
  linkNodeModules(ROOT, dir);
}

/**
 * A copy of the folder `from` at `to` whose files are hard links to the originals (copies where
 * the two are on different file systems): the builds only read the archive, and at 150,000
 * articles its pictures are some 12 GB, which a copy for the site and another for the baseline
 * would double and triple. Read as a stream, so a large folder is never listed in memory at once.
 */
export function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  const folder = opendirSync(from);
  try {
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) linkTree(source, target);
      else {
        try {
          linkSync(source, target);
        } catch (error) {
          if (error.code !== 'EXDEV') throw error;
          copyFileSync(source, target);
        }
      }
    }
  } finally {
    folder.closeSync();
  }
}

/** Leaves nothing a previous build of this copy could reuse (a fresh copy has none; this makes sure). */
export function makeCold(dir) {
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'dist', '.dist-next']) {
    rmSync(join(dir, cache), { recursive: true, force: true });
  }
}
