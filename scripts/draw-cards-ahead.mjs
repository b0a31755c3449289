// Draws the articles' social cards into the card cache before Astro asks for them. Started by
// scripts/build.mjs next to Astro, at low priority: while Astro reads the content and bundles
// every MDX module (mostly one core), this process keeps the second core drawing cards, so the
// cards' pages later find them in the cache. Measured at 1,000 articles: cards drawn during the
// render cost 4.4 s of its wall time (10.4 s with a cold card cache against 6.0 s with a warm one).
//
// A cache warmer only, never a source of output: the cards' pages still make every card that
// reaches dist/ (src/pages/cards/), and draw any card this process did not reach, did not read the
// same way, or got wrong. The input of each card comes from `cardInputOf` (src/lib/cards/input.ts),
// the function the pages use, so both name a card by the same cache key. An article this process
// cannot read (a YAML slip, a missing field) is left to Astro, which says what is wrong with it.
//
// `node scripts/draw-cards-ahead.mjs` prints how many cards it drew when it is done; build.mjs
// stops it when Astro is done first.
import { globSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { articlePatterns } from '../src/lib/articles/source-globs.ts';
import { cardInputOf } from '../src/lib/cards/input.ts';
import { parseNewsDate } from '../src/lib/site/dates.ts';
import { SECTIONS } from '../src/lib/listings/sections.ts';
import { socialCard } from '../src/lib/cards/cache.ts';
import { siteConfig } from '../src/site.config.ts';
import { ownArticles } from './parts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The build's "now" (as src/lib/site/clock.ts reads it): an embargoed article gets no card yet. */
const now = process.env.NEWS_BUILD_TIME ? new Date(process.env.NEWS_BUILD_TIME) : new Date();

const own = ownArticles();

/** A trimmed, non-empty string, or undefined. @param {unknown} value */
const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * The card input of one article file, or undefined when it gets no card (a draft, an embargoed
 * piece) or cannot be read here (Astro will say why).
 * @param {string} file relative to the project root
 * @returns {{ published: number, input: import('../src/lib/cards/input.ts').SocialCardInput } | undefined}
 */
function cardOf(file) {
  let frontmatter;
  try {
    const contents = readFileSync(join(root, file), 'utf8');
    // A year slice draws its own years' cards (src/lib/parts/).
    if (!own(contents)) return undefined;
    ({ frontmatter } = parseFrontmatter(contents));
  } catch {
    return undefined;
  }
  if (frontmatter.draft === true) return undefined;
  const headline = text(frontmatter.headline);
  const dek = text(frontmatter.dek);
  const section = SECTIONS.find((known) => known === frontmatter.section);
  if (!headline || !dek || !section || typeof frontmatter.published !== 'string') return undefined;
  const published = parseNewsDate(frontmatter.published, siteConfig.timeZone);
  if (typeof published === 'string' || published.date > now) return undefined;
  const image = frontmatter.image;
  let photo;
  if (image !== undefined) {
    const src = text(image?.src);
    const credit = text(image?.credit);
    if (!src || !credit) return undefined;
    photo = { file: resolve(root, dirname(file), src), position: image.position ?? 'center', credit };
  }
  return {
    published: published.date.getTime(),
    input: cardInputOf({ headline, dek, section, published, photo }),
  };
}

let stopping = false;
process.on('SIGTERM', () => {
  // Finish the card being drawn (its cache write is atomic either way), then stop.
  stopping = true;
});

// The front of a build in parts has no cards: the year slices hold them (src/lib/parts/).
const files =
  process.env.NEWS_PART === 'front'
    ? []
    : globSync(articlePatterns(process.env.NEWS_FIXTURES === '1'), { cwd: root });
const cards = files
  .map(cardOf)
  .filter((card) => card !== undefined)
  // Newest first: the order the cards' pages are rendered in.
  .sort((a, b) => b.published - a.published);
let drawn = 0;
/** The first card that could not be drawn, and why. @type {{ headline: string, error: unknown } | undefined} */
let failed;
for (const { input } of cards) {
  if (stopping) break;
  try {
    await socialCard(input);
    drawn++;
  } catch (error) {
    // The card's page will draw it again and report what is wrong.
    failed ??= { headline: input.headline, error };
  }
}
console.log(`Social cards ready ahead of Astro: ${drawn} of ${cards.length}${stopping ? ' (stopped)' : ''}.`);
// One card that fails is the card's page's to report; none drawn at all is this process broken
// (fonts, sharp, the cache folder), which costs every build its head start: say so, once.
if (drawn === 0 && failed !== undefined) {
  const why = failed.error instanceof Error ? failed.error.message : String(failed.error);
  console.warn(
    `Warning: the card pre-drawer (scripts/draw-cards-ahead.mjs) drew none of ${cards.length} card${cards.length === 1 ? '' : 's'}; ` +
      `the first, "${failed.headline}", failed: ${why}. Astro draws the cards itself.`,
  );
}
