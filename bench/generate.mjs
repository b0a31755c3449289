// A made-up news archive for the scale benchmark (bench/run.mjs): N MDX articles that pass the
// site's real schemas, from a seeded PRNG, so the same seed always gives byte-identical files.
//
// Article i depends only on (i, seed), never on N: the first 1,000 articles of a 4,000-article
// archive are the 1,000-article archive, and `generateArticle(n, seed)` is a new article that fits
// after an archive of n.
//
// A share of the articles (DEFAULT_PHOTO_SHARE, or `photoShare`) has a lead photograph, and a
// quarter of those a graphic in the body too, drawn by bench/lib/archive/pictures.mjs and written next to the
// article: `<slug>.mdx` with `<slug>/lead.jpg` and `<slug>/figure.png`. Whether an article has
// them, and which, comes from a PRNG stream of its own, apart from the text's: the words of
// every article are the same whatever the share, and with a share of 0 the archive is what it
// was before articles had pictures. Article i has a photo when its draw is below the share, so
// the photos of a 10% archive are among those of a 20% one.
//
// People and corrections come from a third stream of each article's own, so they change neither
// the words nor the pictures: a share of the articles (DEFAULT_AUTHOR_SHARE) names one to three
// people of a made-up roster in `authors` (the rest stay agency stories), and a small share
// (DEFAULT_CORRECTION_SHARE) carries a correction or clarification dated after `published`. The
// roster is one endless seeded list of people, of which an archive of N has the first
// `rosterSize(N)` (`<slug>.md` files for src/content/authors/); article i names only people among
// the first `rosterSize(i + 1)`, so it still depends on (i, seed) alone, every archive's articles
// name only people of its own roster, and a smaller archive's roster is a prefix of a larger one's.
// With both shares 0 (and no roster: bench/run.mjs --no-people) the archive is byte for byte what
// it was before people.
//
// Every name, quote, post, person and picture in it is invented (no real person is quoted saying
// anything).
//
// CLI: node bench/generate.mjs <dir> <n> [seed] [--photo-share 0.2] [--no-people]
//      (articles into <dir>/articles/, the roster into <dir>/authors/, as in src/content/)
//
// Where it lives: bench/lib/archive/ — article.mjs (one article's MDX and pictures), roster.mjs
// (people and notices), words.mjs (the word banks), writer.mjs (the PRNG streams' picks and
// fills), pictures.mjs (the photographs and graphics), write.mjs (the files on disk).
import { join, resolve } from 'node:path';
import { DEFAULT_PHOTO_SHARE } from './lib/archive/article.mjs';
import { generateRoster } from './lib/archive/roster.mjs';
import { generateArchive } from './lib/archive/write.mjs';
import { parseShare } from './lib/args.mjs';

const usage = 'usage: node bench/generate.mjs <dir> <n> [seed] [--photo-share 0.2] [--no-people]';
const args = process.argv.slice(2);
let photoShare = DEFAULT_PHOTO_SHARE;
const flag = args.findIndex((a) => a.startsWith('--photo-share'));
if (flag >= 0) {
  const [, inline] = args[flag].split(/=(.*)/s);
  const share = parseShare(inline ?? args[flag + 1] ?? '');
  if (share === undefined) {
    console.error(`--photo-share takes a share from 0 to 1 (or 0%–100%), e.g. --photo-share 0.2\n${usage}`);
    process.exit(2);
  }
  photoShare = share;
  args.splice(flag, inline === undefined ? 2 : 1);
}
const noPeople = args.indexOf('--no-people');
if (noPeople >= 0) args.splice(noPeople, 1);
const [dir, n, seed] = args;
if (!dir || !n || !Number.isInteger(Number(n))) {
  console.error(usage);
  process.exit(2);
}
const started = performance.now();
const s = seed === undefined ? 1 : Number(seed);
const summary = await generateArchive(join(resolve(dir), 'articles'), Number(n), s, {
  photoShare,
  ...(noPeople >= 0 ? { authorShare: 0, correctionShare: 0 } : {}),
});
const roster = noPeople >= 0 ? { people: 0 } : generateRoster(join(resolve(dir), 'authors'), Number(n), s);
console.log(
  `${summary.files.length} articles written to ${join(resolve(dir), 'articles')} in ${Math.round(performance.now() - started)} ms: ` +
    `${summary.withPhoto} with a photograph, ${summary.withFigure} of them with a graphic too ` +
    `(${summary.sourceImages} pictures, ${(summary.sourceBytes / 1024 / 1024).toFixed(1)} MiB); ` +
    `${summary.withAuthors} naming people (${roster.people} on the roster, in ${join(resolve(dir), 'authors')}), ` +
    `${summary.corrected} with ${summary.notices} corrections and clarifications`,
);
