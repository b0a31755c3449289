// The bench's command line: `npm run bench -- [flags]` (bench/run.mjs) into options, and the
// share of articles with a photograph as both commands (run.mjs, generate.mjs) take it.
import { DEFAULT_PHOTO_SHARE } from './archive/article.mjs';

/** What `node bench/run.mjs --help` prints, and a bad argument after its message. */
export const USAGE = `usage: node bench/run.mjs [--sizes 100,1000,4000] [--with-10k] [--skip-bare] [--skip-hugo] [--incremental-at N]
                         [--skip-incremental] [--parts N] [--seed N] [--photo-share 0.2] [--no-people] [--keep]
                         [--no-warmup]
       sizes: whole numbers, with a "k" for thousands: --sizes 4k,20k,50k,100k,150k`;

/**
 * @typedef {object} Options
 * @property {number[]} sizes the archive sizes, ascending, each once (10,000 added by --with-10k)
 * @property {boolean} with10k
 * @property {boolean} skipBare no bare-Astro baseline
 * @property {boolean} skipHugo no Hugo build, even with `hugo` on the PATH
 * @property {boolean} skipIncremental no rebuild after adding one article
 * @property {number | null} incrementalAt the size the story is added to (default: the largest ≤ 4,000)
 * @property {number | null} parts build each size in parts too: the front and this many year
 *   slices, one after another (docs/parts.md), then the merge
 * @property {boolean} keep keep the temporary projects, corpora and build logs
 * @property {boolean} warmup one unreported small build of each kind first
 * @property {number} seed the archive's seed
 * @property {number} photoShare the share of articles with a lead photograph, 0–1
 * @property {boolean} people a roster, authors and corrections (false: --no-people)
 */

/**
 * The options of `node bench/run.mjs …`; exits with 2 and the usage on a bad argument, with 0
 * after printing it for --help.
 * @param {string[]} argv the arguments after the script, e.g. ["--sizes", "20,50"]
 * @returns {Options}
 */
export function parseArgs(argv) {
  const options = {
    sizes: [100, 1000, 4000],
    with10k: false,
    skipBare: false,
    skipHugo: false,
    skipIncremental: false,
    incrementalAt: null,
    parts: null,
    keep: false,
    warmup: true,
    seed: 1,
    photoShare: DEFAULT_PHOTO_SHARE,
    people: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--sizes':
        options.sizes = value().split(',').map(parseSize);
        if (options.sizes.some((n) => !Number.isInteger(n) || n < 1))
          fail(`--sizes takes whole numbers ≥ 1, e.g. --sizes 100,1000,4000 or --sizes 4k,20k,150k`);
        break;
      case '--with-10k':
        options.with10k = true;
        break;
      case '--skip-bare':
        options.skipBare = true;
        break;
      case '--skip-hugo':
        options.skipHugo = true;
        break;
      case '--skip-incremental':
        options.skipIncremental = true;
        break;
      case '--incremental-at':
        options.incrementalAt = Number(value().replace(/k$/i, '000'));
        if (!Number.isInteger(options.incrementalAt) || options.incrementalAt < 1) {
          fail('--incremental-at takes one of the sizes, e.g. --incremental-at 150k');
        }
        break;
      case '--parts':
        options.parts = Number(value());
        if (!Number.isInteger(options.parts) || options.parts < 1 || options.parts > 64) {
          fail('--parts takes the number of year slices, 1 to 64, e.g. --parts 8');
        }
        break;
      case '--keep':
        options.keep = true;
        break;
      case '--no-warmup':
        options.warmup = false;
        break;
      case '--no-people':
        options.people = false;
        break;
      case '--seed':
        options.seed = Number(value());
        if (!Number.isInteger(options.seed)) fail('--seed takes a whole number');
        break;
      case '--photo-share': {
        const share = parseShare(value());
        if (share === undefined)
          fail(
            '--photo-share takes the share of articles with a photograph, 0 to 1 (or 0%–100%), e.g. 0.2; 0 for none',
          );
        options.photoShare = share;
        break;
      }
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown argument ${argv[i]}\n${USAGE}`);
    }
  }
  if (options.with10k) options.sizes.push(10_000);
  options.sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  return options;
}

/** Prints `message` on stderr and exits with 2, the status of a usage error. */
export function fail(message) {
  console.error(message);
  process.exit(2);
}

/**
 * An archive size as given on a command line: "150000" or "150_000", or with a "k" for
 * thousands, "150k" (a comma separates sizes, so "150,000" is two).
 * @returns {number} NaN when it is not a number
 * @example parseSize('20k') // 20000
 */
export function parseSize(text) {
  const match = /^\s*(\d[\d_]*)(k?)\s*$/i.exec(text);
  if (!match) return Number.NaN;
  return Number(match[1].replace(/_/g, '')) * (match[2] ? 1000 : 1);
}

/**
 * A share of articles as given on a command line: a fraction from 0 to 1 ("0.2") or a percentage
 * ("20%").
 * @returns {number | undefined} undefined when it is neither
 */
export function parseShare(text) {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) / (match[2] ? 100 : 1);
  return value >= 0 && value <= 1 ? value : undefined;
}
