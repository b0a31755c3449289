// Archive-scale benchmark: how the production build grows with the number of articles, against a
// bare Astro + MDX build of the same articles. See bench/README.md for what is measured and how.
//
//   npm run bench -- [--sizes 100,1000,4000] [--with-10k] [--skip-bare] [--skip-incremental]
//                    [--seed 1] [--photo-share 0.2] [--no-people] [--keep] [--no-warmup]
//
// Every build runs in a throwaway copy under the OS temp folder; nothing in the working tree is
// touched except bench/results/.
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ARTICLES_PER_PERSON,
  DEFAULT_AUTHOR_SHARE,
  DEFAULT_CORRECTION_SHARE,
  DEFAULT_PHOTO_SHARE,
  ROSTER_MAX,
  ROSTER_MIN,
  generateArchive,
  breakingStory,
  generateRoster,
  parseShare,
  rosterSize,
  writeArticle,
} from './generate.mjs';
import { astroCommand, buildCommand } from '../scripts/astro.mjs';
import { copyProjectTo, linkNodeModules } from '../scripts/project-copy.mjs';
// The site's URL scheme (plain TypeScript, no Astro: Node strips the types), so the bench finds an
// article's page and card where the site puts them.
import { sitePaths } from '../src/lib/site/site-paths.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = join(BENCH, 'results');

/** What a copy of the site needs (as in tests/helpers/project-copy.ts). */
/** The build's "now", so embargoes and "the last two days" never depend on when the bench runs. */
const BUILD_TIME = '2026-01-01T00:00:00Z';
/** Environment the site reads that would change what gets built; never passed to the builds. */
const SITE_ENV = [
  'NEWS_FIXTURES',
  'NEWS_PAGE_SIZE',
  'NEWS_BUILD_TIME',
  'NEWS_CARD_CACHE_DIR',
  'SITE_URL',
  'BASE_PATH',
];
/** When the incremental bench's story is published: the newest in the archive, before BUILD_TIME. */
const BREAKING_AT = '2025-12-31T22:00:00Z';
const SAMPLE_MS = 100;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

/** Issue 11's targets, judged at 4,000 articles and, when it is built, at 10,000. */
const TARGETS = {
  linear: 1.1, // time per article at 4,000 ÷ at 1,000 (full site)
  fullVsBare: 2.5, // full ÷ bare, cold build time
  peakVsBare: 1.25, // full ÷ bare, peak memory of the build's process tree
  incrementalVsBare: 0.75, // one article added to the archive, warm caches ÷ bare's cold build
  outputPerArticle: 60 * 1024, // the output ÷ the articles, search index and photographs aside
};
/** The sizes the targets are judged at. */
const TARGET_SIZES = [4000, 10_000];

// ---------------------------------------------------------------------------------------------
// Arguments

const USAGE = `usage: node bench/run.mjs [--sizes 100,1000,4000] [--with-10k] [--skip-bare] [--skip-incremental]
                         [--seed N] [--photo-share 0.2] [--no-people] [--keep] [--no-warmup]`;

function parseArgs(argv) {
  const options = {
    sizes: [100, 1000, 4000],
    with10k: false,
    skipBare: false,
    skipIncremental: false,
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
        options.sizes = value()
          .split(',')
          .map((s) => Number(s.trim().replace(/_/g, '')));
        if (options.sizes.some((n) => !Number.isInteger(n) || n < 1))
          fail(`--sizes takes whole numbers ≥ 1, e.g. --sizes 100,1000,4000`);
        break;
      case '--with-10k':
        options.with10k = true;
        break;
      case '--skip-bare':
        options.skipBare = true;
        break;
      case '--skip-incremental':
        options.skipIncremental = true;
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

function fail(message) {
  console.error(message);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Measuring

/**
 * Resident memory of a process and all its descendants, in KiB: VmRSS of each, found by walking
 * /proc/<pid>/task/<tid>/children. (Pages shared between processes count once per process.)
 */
function treeRssKiB(rootPid) {
  let total = 0;
  const stack = [rootPid];
  const seen = new Set();
  while (stack.length > 0) {
    const pid = stack.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    let status;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue; // exited between two reads
    }
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (rss) total += Number(rss[1]);
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/)) {
          if (child) stack.push(Number(child));
        }
      } catch {
        // the thread ended
      }
    }
  }
  return total;
}

const CAN_SAMPLE = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on every usual kernel. */
const TICK_MS = 10;

/**
 * The CPU time (user + system) of this process's children that have ended and been waited for,
 * and of their own such descendants, in ms (cutime + cstime of /proc/self/stat); null where
 * there is no /proc. The difference across one build is the CPU time of its whole process tree:
 * the bench runs one build at a time, and a build waits for the processes it starts. Unlike wall
 * time it hardly changes when other work shares the cores, so it shows how the work grows even
 * on a busy machine.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces and parentheses) start at field 3;
    // cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * TICK_MS;
  } catch {
    return null;
  }
}

/**
 * Every file under `dir` with its size (paths relative to `dir`, with "/"), the number of .html
 * files and the total bytes.
 * @returns {{ pages: number, bytes: number, files: Map<string, number> }}
 */
function measureOutput(dir) {
  let pages = 0;
  let bytes = 0;
  const files = new Map();
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const size = statSync(path).size;
        files.set(`${prefix}${entry.name}`, size);
        bytes += size;
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return { pages, bytes, files };
}

/** The image formats counted, as Astro names its files; ".jpeg" counts as jpg. */
const IMAGE_FORMATS = ['avif', 'webp', 'jpg', 'png'];
const imageFormat = (path) => {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === 'jpeg' ? 'jpg' : IMAGE_FORMATS.includes(extension ?? '') ? extension : undefined;
};
/** Where Astro writes the files it makes (`build.assets`, the same in the site and the baseline). */
const ASSETS_DIR = '_astro/';
/** Where scripts/build.mjs has Pagefind write the search index. */
const SEARCH_INDEX_DIR = 'pagefind/';
/** The site's paths at the root (the bench builds without a base path). */
const SITE = sitePaths('/');
/** A page's file in the output, for a path of the URL scheme: "/articles/x/" → "articles/x/index.html". */
const pageFile = (path) => `${path.replace(/^\//, '')}index.html`;
/** Where each build writes an article's page (the baseline: its one route, /<id>/). */
const ARTICLE_PAGE = {
  full: (slug) => pageFile(SITE.article(slug)),
  bare: (slug) => pageFile(`/${slug}/`),
};

/**
 * What the images of a build weigh, and the bytes per article with and without a photograph.
 *
 * - `files`: the images Astro made (everything under `_astro/` in an image format), by format,
 *   and by which picture they came from: the generator names every lead photograph `lead.jpg`
 *   and every graphic `figure.png`, and Astro keeps that name in front of its hashes.
 * - `cards`: the social cards, PNG (drawn from the headline) and JPEG (from the photograph).
 * - `perArticle.all`: the whole output but the search index, ÷ the articles;
 *   `perArticle.withoutPictures` leaves out the files made from the articles' pictures too.
 * - `perArticle.withoutPhoto` / `withPhoto`: an article's own files on average: its page and its
 *   card, plus, for those with a photograph, every file made from the pictures ÷ their number.
 *   What is shared (listings, feeds, fonts, CSS) is in `all` only.
 * @param {Map<string, number>} files from measureOutput
 * @param {{ kind: 'full' | 'bare', articles: { slug: string, lead: boolean }[] }} build
 */
function imageFigures(files, { kind, articles }) {
  const byFormat = Object.fromEntries(IMAGE_FORMATS.map((f) => [f, { count: 0, bytes: 0 }]));
  const byPicture = { lead: 0, figure: 0, other: 0 };
  let searchIndexBytes = 0;
  let total = 0;
  for (const [path, size] of files) {
    total += size;
    if (path.startsWith(SEARCH_INDEX_DIR)) searchIndexBytes += size;
    const format = imageFormat(path);
    if (!format || !path.startsWith(ASSETS_DIR)) continue;
    byFormat[format].count++;
    byFormat[format].bytes += size;
    const name = path.slice(ASSETS_DIR.length);
    byPicture[name.startsWith('lead.') ? 'lead' : name.startsWith('figure.') ? 'figure' : 'other'] += size;
  }
  const cards = { png: { count: 0, bytes: 0 }, jpg: { count: 0, bytes: 0 } };
  const own = { withPhoto: { count: 0, bytes: 0 }, withoutPhoto: { count: 0, bytes: 0 } };
  for (const { slug, lead } of articles) {
    let bytes = files.get(ARTICLE_PAGE[kind](slug)) ?? 0;
    if (kind === 'full') {
      const format = lead ? 'jpg' : 'png';
      const card = files.get(SITE.card(slug, format).replace(/^\//, ''));
      if (card !== undefined) {
        cards[format].count++;
        cards[format].bytes += card;
        bytes += card;
      }
    }
    const group = own[lead ? 'withPhoto' : 'withoutPhoto'];
    group.count++;
    group.bytes += bytes;
  }
  const pictureBytes = byPicture.lead + byPicture.figure;
  const mean = (bytes, count) => (count > 0 ? Math.round(bytes / count) : null);
  return {
    files: {
      count: IMAGE_FORMATS.reduce((sum, f) => sum + byFormat[f].count, 0),
      bytes: IMAGE_FORMATS.reduce((sum, f) => sum + byFormat[f].bytes, 0),
      byFormat,
      byPicture,
    },
    cards: kind === 'full' ? cards : null,
    searchIndexBytes,
    perArticle: {
      all: mean(total - searchIndexBytes, articles.length),
      // What the site itself adds per article: the photographs' renditions are the reporting's.
      withoutPictures: mean(total - searchIndexBytes - pictureBytes, articles.length),
      withoutPhoto: mean(own.withoutPhoto.bytes, own.withoutPhoto.count),
      withPhoto: mean(own.withPhoto.bytes + pictureBytes, own.withPhoto.count),
    },
  };
}

/** Astro's messages that mark where a build is; the times they arrive split the build into phases. */
const MARKS = [
  ['syncStart', /\[content\] Syncing content/],
  ['contentSynced', /\[content\] Synced content/],
  ['bundleStart', /Building static entrypoints/],
  ['renderStart', /generating static routes/],
  ['imagesStart', /generating optimized images/],
  ['astroDone', /page\(s\) built in/],
];
/** The phase a build is in after each mark. */
const PHASE_AFTER = {
  none: 'start-up',
  syncStart: 'content sync',
  contentSynced: 'preparing',
  bundleStart: 'bundling',
  renderStart: 'rendering',
  imagesStart: 'images',
  astroDone: 'after Astro',
};
/** scripts/build.mjs's last line: "Publish profile: link 0.31 s · Astro 12.70 s · …". */
const PUBLISH_LINE = /^Publish profile: (.*)$/;
const PUBLISH_STEP = /([A-Za-z][A-Za-z ]*?) (\d+(?:\.\d+)?) s/g;
/** Its steps' names as the results name them. */
const PUBLISH_STEPS = {
  link: 'link',
  Astro: 'astro',
  'stale pages': 'stale',
  'search index': 'search',
  swap: 'swap',
  'old build removed': 'cleanup',
};
const ROUTE_LINE = /[├└]─ (\/\S*) \(\+([\d.]+)(ms|s)\)/;
/**
 * One file of Astro's "generating optimized images" step: its path, whether it was made or taken
 * from the cache, and how long it took ("▶ /_astro/lead.X_Y.avif (before: 361kB, after: 23kB)
 * (+1.23s) (5/120)"). The files are made several at a time (one per core), so the times add up
 * to more than the step's wall time.
 */
const IMAGE_LINE =
  /▶ (\/\S+) \((before: [^)]*|reused cache entry|revalidated cache entry)\) \(\+([\d.]+)(ms|s)\)/;
const ANSI = /\u001b\[[0-9;]*m/g;

/** Where the people's pages and feeds are: /authors/ (index and pages), /feeds/author/<slug>/. */
const AUTHOR_ROUTES = [
  SITE.authors(),
  // "/feeds/author/x/rss.xml" without "x/rss.xml"
  SITE.feed({ kind: 'author', slug: 'x' }, 'rss').replace(/x\/[^/]*$/, ''),
];
/**
 * Full site: the people's pages and feeds as `authors`, the corrections page and its feeds as
 * `corrections` (so the cost of people and notices shows by itself), the rest by first path
 * segment ("cards", "articles", "tags"), a file at the root by itself.
 */
const ROUTE_GROUP = {
  full: (path) => {
    if (AUTHOR_ROUTES.some((prefix) => path.startsWith(prefix))) return 'authors';
    if (path.startsWith(SITE.corrections())) return 'corrections';
    const segments = path.split('/').filter(Boolean);
    return segments.length > 1 ? segments[0] : path;
  },
  // The bare baseline has one route, the articles.
  bare: () => 'articles',
};

let current; // the running build, so Ctrl-C can stop it

/**
 * Runs one build, sampling the memory of its process tree every 100 ms and taking its CPU time. `routeGroup` names the
 * group a built path's render time is added to (e.g. "/cards/x.png" → "cards"); `routeFiles`
 * counts the files of each group, `routeMedianMs` is the median time of one of its files (which,
 * unlike the sum, one pause of a busy machine does not move).
 * @returns {Promise<{ ok: boolean, ms: number, peakMiB: number | null, cpuMs: number | null, phases: object, routes: object, routeFiles: object, routeMedianMs: object, imageLog: object, warnings: number, copied: number, log: string, tail: string[] }>}
 */
function runBuild({ cwd, command, env, log, routeGroup }) {
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    const tail = [];
    const marks = {};
    const routes = {};
    const routeFiles = {};
    const routeTimes = {}; // every file's time by group, for the medians
    // Astro's image step, from its per-file lines; and the social cards' render time by format.
    const imageLog = {
      made: 0,
      reused: 0,
      fileMs: Object.fromEntries(IMAGE_FORMATS.map((f) => [f, 0])),
      cardMs: { png: 0, jpg: 0 },
    };
    const toMs = (value, unit) => Number(value) * (unit === 's' ? 1000 : 1);
    let warnings = 0;
    let copied = 0;
    /** scripts/build.mjs's own profile of the publish path (full site only), ms per step. */
    let publish = null;
    let peakKiB = 0;
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;

    const [file, args] = command;
    const child = spawn(file, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so an interrupted bench can stop the whole tree
    });
    current = child;
    const sample = () => {
      if (!CAN_SAMPLE) return;
      peakKiB = Math.max(peakKiB, treeRssKiB(child.pid));
    };
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    // A sign of life every 30 s: large builds take minutes.
    const heartbeat = setInterval(() => {
      const last = MARKS.filter(([name]) => marks[name] !== undefined).pop()?.[0];
      console.error(
        `[bench]   … ${fmtMs(elapsed())}, ${PHASE_AFTER[last ?? 'none']}` +
          `${CAN_SAMPLE ? `, peak so far ${Math.round(peakKiB / 1024)} MiB` : ''}`,
      );
    }, 30_000);

    const onLine = (raw) => {
      const t = elapsed();
      const line = raw.replace(ANSI, '');
      out.write(`${(t / 1000).toFixed(2).padStart(8)}  ${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (/\[WARN\]/.test(line)) warnings++;
      // A page the incremental build copied from the previous build instead of rendering it.
      if (/\((?:cached|restored)\)\s*$/.test(line)) copied++;
      const steps = PUBLISH_LINE.exec(line);
      if (steps) {
        publish = Object.fromEntries(
          [...steps[1].matchAll(PUBLISH_STEP)].map(([, step, sec]) => [
            PUBLISH_STEPS[step] ?? step,
            Math.round(Number(sec) * 1000),
          ]),
        );
      }
      for (const [name, pattern] of MARKS)
        if (marks[name] === undefined && pattern.test(line)) marks[name] = t;
      const route = ROUTE_LINE.exec(line);
      if (route) {
        const group = routeGroup(route[1]);
        const ms = toMs(route[2], route[3]);
        routes[group] = (routes[group] ?? 0) + ms;
        routeFiles[group] = (routeFiles[group] ?? 0) + 1;
        (routeTimes[group] ??= []).push(ms);
        const format = imageFormat(route[1]);
        if (group === 'cards' && (format === 'png' || format === 'jpg')) imageLog.cardMs[format] += ms;
      }
      const image = IMAGE_LINE.exec(line);
      if (image) {
        if (image[2].startsWith('before')) imageLog.made++;
        else imageLog.reused++;
        const format = imageFormat(image[1]);
        if (format) imageLog.fileMs[format] += toMs(image[3], image[4]);
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);

    let ms;
    let status;
    child.on('exit', (code, signal) => {
      ms = elapsed();
      status = code ?? signal;
      clearInterval(timer);
      clearInterval(heartbeat);
    });
    child.on('error', (error) => {
      clearInterval(timer);
      clearInterval(heartbeat);
      tail.push(String(error));
      ms ??= elapsed();
      status ??= 'spawn error';
    });
    child.on('close', () => {
      current = undefined;
      out.end();
      const end = ms;
      const at = (name) => marks[name];
      // Each phase from one mark to the next; a phase whose marks are missing is null.
      const span = (from, to) => (from !== undefined && to !== undefined ? Math.round(to - from) : null);
      const phases = {
        startup: span(0, at('syncStart')),
        sync: span(at('syncStart'), at('contentSynced')),
        prepare: span(at('contentSynced'), at('bundleStart')),
        bundle: span(at('bundleStart'), at('renderStart')),
        // Astro makes the optimised images after the last page, before it reports the pages built.
        render: span(at('renderStart'), at('imagesStart') ?? at('astroDone')),
        images: at('imagesStart') === undefined ? 0 : span(at('imagesStart'), at('astroDone')),
        after: span(at('astroDone'), end),
      };
      resolve({
        ok: status === 0,
        status,
        ms: Math.round(end),
        peakMiB: CAN_SAMPLE ? Math.round(peakKiB / 1024) : null,
        cpuMs: cpuBefore === null ? null : childrenCpuMs() - cpuBefore,
        phases,
        routes: Object.fromEntries(
          Object.entries(routes)
            .map(([k, v]) => [k, Math.round(v)])
            .sort((a, b) => b[1] - a[1]),
        ),
        routeFiles,
        routeMedianMs: Object.fromEntries(
          Object.entries(routeTimes).map(([k, times]) => [k, round(median(times), 1)]),
        ),
        imageLog: {
          ...imageLog,
          fileMs: Object.fromEntries(Object.entries(imageLog.fileMs).map(([k, v]) => [k, Math.round(v)])),
          cardMs: Object.fromEntries(Object.entries(imageLog.cardMs).map(([k, v]) => [k, Math.round(v)])),
        },
        warnings,
        copied,
        publish,
        log,
        tail,
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Projects

/**
 * The full site: the project's sources with only `corpus/articles/` as its articles, and the
 * people of `corpus/authors/` (if any) beside whatever `src/content/authors/` holds (its README).
 */
function makeFullProject(dir, corpus) {
  copyProjectTo(ROOT, dir);
  const articles = join(dir, 'src/content/articles');
  rmSync(articles, { recursive: true, force: true });
  cpSync(join(corpus, 'articles'), articles, { recursive: true });
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
function makeBareProject(dir, corpus) {
  const skip = new Set(['node_modules', 'dist', '.astro']);
  cpSync(join(BENCH, 'bare'), dir, {
    recursive: true,
    filter: (source) => !skip.has(source.split(/[/\\]/).pop()),
  });
  cpSync(join(corpus, 'articles'), join(dir, 'src/content/articles'), { recursive: true });
  // The site's own image widths and encoder settings in place of the re-exports (see
  // bench/bare/src/lib/), which reach the site by a path that a copy in the temp folder lacks.
  for (const file of SITE_FILES_IN_BARE) cpSync(join(ROOT, file), join(dir, file));
  linkNodeModules(ROOT, dir);
}

/** Leaves nothing a previous build of this copy could reuse (a fresh copy has none; this makes sure). */
function makeCold(dir) {
  for (const cache of ['.astro', 'node_modules/.astro', 'node_modules/.vite', 'dist', '.dist-next']) {
    rmSync(join(dir, cache), { recursive: true, force: true });
  }
}

function buildEnv(cardCache) {
  const env = { ...process.env };
  for (const name of SITE_ENV) delete env[name];
  return {
    ...env,
    NEWS_BUILD_TIME: BUILD_TIME,
    NEWS_CARD_CACHE_DIR: cardCache,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** The middle value (the mean of the two middle ones for an even count); null for none. */
const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (x, digits = 2) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
const fmtMs = (ms) =>
  ms === null || ms === undefined ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
const fmtBytes = (b) =>
  b === null || b === undefined
    ? '–'
    : b >= GiB
      ? `${(b / GiB).toFixed(2)} GiB`
      : b >= MiB
        ? `${(b / MiB).toFixed(1)} MiB`
        : `${(b / 1024).toFixed(0)} KiB`;
const fmtNum = (n) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
/** A page's time, to a tenth of a millisecond below 10 ms: "2.5 ms". */
const fmtFileMs = (ms) =>
  ms === null || ms === undefined ? '–' : ms < 10 ? `${ms.toFixed(1)} ms` : fmtMs(ms);
const fmtRatio = (r) => (r === null || r === undefined ? '–' : `${r.toFixed(2)}×`);
const fmtShare = (share) => `${Math.round(share * 1000) / 10}%`;
/** "12 · 1.4 MiB" */
const fmtFiles = ({ count, bytes }) => (count === 0 ? '–' : `${fmtNum(count)} · ${fmtBytes(bytes)}`);
const verdict = (pass) => (pass === null ? 'not measured' : pass ? '**pass**' : '**FAIL**');

function markdown(result) {
  const m = result.machine;
  const lines = [];
  lines.push(`# Archive-scale benchmark, ${result.date}`);
  lines.push('');
  lines.push(
    `${m.cpus} cores (${m.cpuModel}), ${m.totalMemGiB} GiB memory, ${m.os}; Node ${result.node}, Astro ${result.astro}. ` +
      `Seed ${result.seed}, ${fmtShare(result.photoShare)} of articles with a photograph${result.people ? '' : ', no people or notices'}, build time pinned to ${result.buildTime}. ` +
      `Load average at start ${m.loadavgStart.join(', ')}, at end ${m.loadavgEnd.join(', ')}.`,
  );
  lines.push('');
  lines.push('## Cold builds');
  lines.push('');
  lines.push(
    '| N | Build | Cold time | Per article | CPU time | CPU per article | Peak RSS (tree) | Pages | Output size |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const size of result.perSize) {
    for (const [kind, label] of [
      ['full', 'full site'],
      ['bare', 'bare Astro'],
    ]) {
      const b = size[kind];
      if (!b) continue;
      if (!b.ok) {
        lines.push(`| ${fmtNum(size.n)} | ${label} | failed (${b.status}) | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${fmtNum(size.n)} | ${label} | ${fmtMs(b.ms)} | ${fmtMs(b.msPerArticle)} | ${fmtMs(b.cpuMs)} | ${fmtMs(b.cpuMsPerArticle)} | ${b.peakMiB === null ? '–' : `${fmtNum(b.peakMiB)} MiB`} | ${fmtNum(b.pages)} | ${fmtBytes(b.distBytes)} |`,
      );
    }
    if (size.ratio !== null)
      lines.push(`| ${fmtNum(size.n)} | full ÷ bare | ${fmtRatio(size.ratio)} | | | | | | |`);
  }
  lines.push('');
  if (result.growth) {
    const g = result.growth;
    lines.push(
      `Growth of the time per article from ${fmtNum(g.from)} to ${fmtNum(g.to)} articles: ` +
        `full site ${fmtRatio(g.full)}${g.bare !== null ? `, bare Astro ${fmtRatio(g.bare)}` : ''} (1.00× is linear); ` +
        `of the CPU time per article: full site ${fmtRatio(g.fullCpu)}${g.bareCpu !== null ? `, bare Astro ${fmtRatio(g.bareCpu)}` : ''}.`,
    );
    lines.push('');
  }
  if (result.incremental) {
    const inc = result.incremental;
    lines.push(
      inc.ok
        ? `Incremental: one article added to the ${fmtNum(inc.n)}-article full site, caches warm: ${fmtMs(inc.ms)}, ` +
            `${(inc.ratio * 100).toFixed(0)}% of the site's cold build (${fmtMs(inc.coldMs)})` +
            `${inc.vsBare !== undefined ? `, ${fmtRatio(inc.vsBare)} bare Astro's cold build (${fmtMs(inc.bareColdMs)})` : ''}; ` +
            `peak ${fmtNum(inc.peakMiB)} MiB; ${fmtNum(inc.copiedFiles)} pages kept from the previous build by Astro's ` +
            `incremental build instead of rendered.`
        : `Incremental: the build of the ${fmtNum(inc.n)}-article full site with one added article failed (${inc.status}).`,
    );
    lines.push('');
  }
  lines.push('## Targets');
  lines.push('');
  lines.push('| Target | Limit | Measured | Result |');
  lines.push('| --- | --: | --: | --- |');
  for (const t of result.targets) {
    lines.push(`| ${t.description} | ${t.limitText} | ${t.valueText} | ${verdict(t.pass)} |`);
  }
  lines.push('');
  lines.push(...peopleMarkdown(result));
  lines.push(...imagesMarkdown(result));
  lines.push(...outputMarkdown(result));
  lines.push('## Where the time goes');
  lines.push('');
  lines.push(
    'Phases from the times Astro’s messages arrive: start-up (config, integrations) to “Syncing content”, content ' +
      'sync (reading, parsing and validating the articles) to “Synced content”, then to “Building static entrypoints” ' +
      '(types, build info), bundling (Vite) to “generating static routes”, rendering to “generating optimized images”, ' +
      'images (astro:assets and sharp) to “page(s) built”, and what `scripts/build.mjs` does after Astro (e.g. search ' +
      'index, moving the output). Render time by route is the sum of Astro’s per-page times; the site renders four ' +
      'pages at a time (`build.concurrency`), so those times overlap and add up to more than the render phase, and ' +
      'Astro’s log puts each time after whichever page it printed last: the split by route is approximate.',
  );
  lines.push('');
  lines.push(
    '| N | Build | Start-up | Content sync | Prepare | Bundle | Render | Images | After Astro | Render time by route (top 4) | Warnings |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: | --- | --: |');
  for (const b of result.builds) {
    if (!b.ok) continue;
    const p = b.phases;
    const top = Object.entries(b.routes)
      .slice(0, 4)
      .map(([route, ms]) => `${route} ${fmtMs(ms)}`)
      .join(', ');
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${fmtMs(p.startup)} | ${fmtMs(p.sync)} | ${fmtMs(p.prepare)} | ${fmtMs(p.bundle)} | ${fmtMs(p.render)} | ${fmtMs(p.images)} | ${fmtMs(p.after)} | ${top || '–'} | ${fmtNum(b.warnings)} |`,
    );
  }
  lines.push('');
  const profiled = result.builds.filter((b) => b.ok && b.publish);
  if (profiled.length > 0) {
    lines.push('### The publish path');
    lines.push('');
    lines.push(
      '`scripts/build.mjs`’s own steps: hard-linking the last good build’s unchanged pages into the new ' +
        'folder, Astro (everything above), removing pages no longer built, the search index (Pagefind), the ' +
        'swap into `dist/`, and removing the old build (after the swap: readers already have the new one).',
    );
    lines.push('');
    lines.push(
      '| N | Build | Link | Astro | Stale pages | Search index | Swap | Old build removed | Pages kept |',
    );
    lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: |');
    for (const b of profiled) {
      const p = b.publish;
      lines.push(
        `| ${fmtNum(b.n)} | ${b.label} | ${fmtMs(p.link)} | ${fmtMs(p.astro)} | ${fmtMs(p.stale)} | ${fmtMs(p.search)} | ${fmtMs(p.swap)} | ${fmtMs(p.cleanup)} | ${fmtNum(b.copiedFiles)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * What a full build rendered for people (`authors`: /authors/, every person's pages and feeds)
 * and for notices (`corrections`: /corrections/ and its feeds): files, and their render times
 * added up (see ROUTE_GROUP).
 */
function peopleRoutes(build) {
  const group = (name) => ({
    files: build.routeFiles[name] ?? 0,
    renderMs: build.routes[name] ?? 0,
    medianMs: build.routeMedianMs[name] ?? null,
  });
  return { authors: group('authors'), corrections: group('corrections') };
}

/** The "People and corrections" part of the report. */
function peopleMarkdown(result) {
  const lines = [];
  lines.push('## People and corrections');
  lines.push('');
  lines.push(
    (result.people
      ? `Archive: the roster has one made-up person per ${ARTICLES_PER_PERSON} articles (at least ${ROSTER_MIN}, at most ` +
        `${ROSTER_MAX}), and about ${fmtShare(DEFAULT_AUTHOR_SHARE)} of the articles name one to three of them in ` +
        `\`authors\`; about ${fmtShare(DEFAULT_CORRECTION_SHARE)} carry a correction or clarification. `
      : 'Archive: no people and no notices (`--no-people`). ') +
      'Author routes: `/authors/`, each person’s paginated page and their three feeds; corrections routes: ' +
      '`/corrections/` and its three feeds; files, and their render times added up (Astro’s per-page times). ' +
      'Per file: the median time of one file (the mean in brackets, which one pause of a busy machine can carry); ' +
      'in a linear build both stay flat as N grows.',
  );
  lines.push('');
  lines.push(
    '| N | Build | People | With authors (named) | Corrected (notices) | Author routes | Per author file: median (mean) | Corrections routes | Per article (wall / CPU) |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const b of result.builds) {
    if (!b.ok || b.kind !== 'full') continue;
    const c = b.label === 'incremental' ? undefined : result.perSize.find((s) => s.n === b.n)?.corpus;
    const { authors, corrections } = peopleRoutes(b);
    const routes = ({ files, renderMs }) => (files === 0 ? '–' : `${fmtNum(files)} · ${fmtMs(renderMs)}`);
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${c ? fmtNum(c.people) : '–'} | ` +
        `${c ? `${fmtNum(c.withAuthors)} (${fmtNum(c.authorships)})` : '–'} | ${c ? `${fmtNum(c.corrected)} (${fmtNum(c.notices)})` : '–'} | ` +
        `${routes(authors)} | ${authors.files > 0 ? `${fmtFileMs(authors.medianMs)} (${fmtFileMs(authors.renderMs / authors.files)})` : '–'} | ${routes(corrections)} | ` +
        `${fmtMs(b.msPerArticle)} / ${fmtMs(b.cpuMsPerArticle)} |`,
    );
  }
  lines.push('');
  return lines;
}

/** The "What images cost" part of the report. */
/**
 * Where the output of the largest full-site build goes, by folder, and per article: what the
 * output target (bytes per article, the search index and pictures aside) is made of.
 */
function outputMarkdown(result) {
  const full = result.builds.filter(
    (b) => b.ok && b.kind === 'full' && b.label === 'full site' && b.byFolder,
  );
  const largest = full.at(-1);
  if (!largest) return [];
  const rows = Object.entries(largest.byFolder)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  return [
    '## Where the output goes',
    '',
    `The full site at ${fmtNum(largest.n)} articles, by folder (a file at the root by itself), and ÷ the articles.`,
    '',
    '| Folder | Bytes | Per article |',
    '| --- | --: | --: |',
    ...rows.map(
      ([folder, bytes]) => `| \`${folder}\` | ${fmtBytes(bytes)} | ${fmtBytes(bytes / largest.n)} |`,
    ),
    '',
  ];
}

function imagesMarkdown(result) {
  const lines = [];
  lines.push('## What images cost');
  lines.push('');
  lines.push(
    (result.photoShare > 0
      ? `Archive: ${fmtShare(result.photoShare)} of the articles have a lead photograph (JPEG, 1,200–2,400 px a side), a ` +
        'quarter of those a graphic in the body too (PNG). '
      : 'Archive: no article has a photograph (`--photo-share 0`). ') +
      'Image files: what astro:assets wrote under `_astro/`, count · bytes: ' +
      'AVIF, WebP and a JPEG or PNG fallback at each width, in the full site also three 1,200 px JPEG crops per ' +
      'photograph for structured data, and a copy of each source picture. Image step: the wall time of Astro’s ' +
      '“generating optimized images”; Σ per file: its per-file times added up, with the files made and those taken ' +
      'from Astro’s cache (files are made one per core at a time, so the sum is about cores × the step). A cold ' +
      'build makes every file; the incremental one takes them from the cache.',
  );
  lines.push('');
  lines.push(
    '| N | Build | With photo / figure | Source pictures | Image files | AVIF | WebP | JPEG | PNG | Image step | Σ per file |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const b of result.builds) {
    if (!b.ok) continue;
    // The archive's figures for the cold builds (the incremental one has one article more).
    const c = b.label === 'incremental' ? undefined : result.perSize.find((s) => s.n === b.n)?.corpus;
    const i = b.images;
    const fileMs = Object.values(i.log.fileMs).reduce((a, v) => a + v, 0);
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${c ? `${fmtNum(c.withPhoto)} / ${fmtNum(c.withFigure)}` : '–'} | ` +
        `${c ? fmtFiles({ count: c.sourceImages, bytes: c.sourceBytes }) : '–'} | ${fmtFiles(i.files)} | ` +
        `${IMAGE_FORMATS.map((f) => fmtFiles(i.files.byFormat[f])).join(' | ')} | ${fmtMs(b.phases.images)} | ` +
        `${i.log.made + i.log.reused > 0 ? `${fmtMs(fileMs)} (${fmtNum(i.log.made)} made${i.log.reused ? `, ${fmtNum(i.log.reused)} cached` : ''})` : '–'} |`,
    );
  }
  lines.push('');
  lines.push(
    'Social cards (full site): PNG drawn from the headline, JPEG cut from the photograph, count · bytes, and the ' +
      'render time of each kind. Bytes per article: the whole output but the search index (`pagefind/`) ÷ the ' +
      'articles; then an article’s own files on average, without a photograph (its page and its card) and with one ' +
      '(its page, its card, and every file made from the pictures ÷ the articles with a photograph). What articles ' +
      'share (listings, feeds, fonts, CSS) is only in the first.',
  );
  lines.push('');
  lines.push(
    '| N | Build | PNG cards | JPEG cards | Card render PNG / JPEG | Per article (no search index) | Own: without photo | Own: with photo |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: |');
  for (const b of result.builds) {
    if (!b.ok) continue;
    const i = b.images;
    const cards = i.cards;
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${cards ? fmtFiles(cards.png) : '–'} | ${cards ? fmtFiles(cards.jpg) : '–'} | ` +
        `${cards ? `${fmtMs(i.log.cardMs.png)} / ${fmtMs(i.log.cardMs.jpg)}` : '–'} | ${fmtBytes(i.perArticle.all)} | ` +
        `${fmtBytes(i.perArticle.withoutPhoto)} | ${fmtBytes(i.perArticle.withPhoto)} |`,
    );
  }
  lines.push('');
  return lines;
}

/** Formats a file the way the project's Prettier would (so `npm run format:check` stays green). */
async function prettify(text, filepath) {
  try {
    const prettier = await import(pathToFileURL(join(ROOT, 'node_modules/prettier/index.mjs')).href);
    const config = (await prettier.resolveConfig(filepath)) ?? {};
    return await prettier.format(text, { ...config, plugins: [], filepath });
  } catch (error) {
    console.warn(`(could not format ${filepath} with Prettier: ${String(error)})`);
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    fail(
      `Node ${process.version} is too old for Astro 7; run \`npm run bench\` (it uses the project's Node 24).`,
    );
  }
  if (!CAN_SAMPLE) console.warn('No /proc/<pid>/task/<tid>/children here: peak memory will not be measured.');

  const astroVersion = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8'),
  ).version;
  const work = mkdtempSync(join(os.tmpdir(), 'news-bench-'));
  const logs = join(work, 'logs');
  mkdirSync(logs);
  const cleanup = () => {
    if (options.keep) console.error(`Kept ${work} (projects, corpora, card caches, build logs).`);
    else rmSync(work, { recursive: true, force: true });
  };
  const stop = (signal) => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const incrementalN = options.skipIncremental
    ? null
    : ([...options.sizes].reverse().find((n) => n <= 4000) ?? null);
  const loadavgStart = os.loadavg().map((x) => round(x));
  const say = (message) => console.error(`[bench] ${message}`);
  say(
    `sizes ${options.sizes.join(', ')}; seed ${options.seed}; ${fmtShare(options.photoShare)} with a photograph` +
      `${options.people ? '' : '; no people or notices'}; working in ${work}` +
      `${options.skipBare ? '; no bare baseline' : ''}${incrementalN ? `; incremental at ${incrementalN}` : ''}`,
  );

  /**
   * Builds the project in `dir` cold (or warm) and returns its figures; `articles` (which have
   * a photograph) for the figures per article.
   */
  const build = async (kind, n, dir, cardCache, { label, cold = true, articles = [] } = {}) => {
    if (cold) makeCold(dir);
    if (cold) rmSync(cardCache, { recursive: true, force: true });
    const command = kind === 'bare' ? astroCommand(['build']) : buildCommand(`${dir}/`);
    const name = label ?? kind;
    const log = join(logs, `${name.replace(/\W+/g, '-')}-${n}.log`);
    say(`${n} articles, ${name}: building…`);
    const r = await runBuild({
      cwd: dir,
      command,
      env: buildEnv(cardCache),
      log,
      routeGroup: ROUTE_GROUP[kind],
    });
    const { pages, bytes, files } = measureOutput(join(dir, 'dist'));
    const images = { ...imageFigures(files, { kind, articles }), log: r.imageLog };
    // Bytes by first path segment ("articles", "cards", "feeds"; a file at the root by itself).
    const byFolder = {};
    for (const [path, size] of files) {
      const folder = path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
      byFolder[folder] = (byFolder[folder] ?? 0) + size;
    }
    if (r.ok) {
      say(
        `${n} articles, ${name}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)}), peak ${r.peakMiB} MiB, ${pages} pages, ${fmtBytes(bytes)}; ` +
          `${fmtNum(images.files.count)} images (${fmtBytes(images.files.bytes)}), image step ${fmtMs(r.phases.images)}`,
      );
    } else {
      say(`${n} articles, ${name}: FAILED (${r.status}); last lines of ${log}:\n${r.tail.join('\n')}`);
    }
    return {
      n,
      kind,
      label: name,
      ok: r.ok,
      status: r.status,
      ms: r.ms,
      msPerArticle: round(r.ms / n),
      cpuMs: r.cpuMs,
      cpuMsPerArticle: r.cpuMs === null ? null : round(r.cpuMs / n),
      peakMiB: r.peakMiB,
      pages,
      distBytes: bytes,
      phases: r.phases,
      routes: r.routes,
      routeFiles: r.routeFiles,
      routeMedianMs: r.routeMedianMs,
      images,
      warnings: r.warnings,
      copiedFiles: r.copied,
      publish: r.publish,
      byFolder,
    };
  };

  // What the generator is asked for: the photo share, and people and notices unless --no-people.
  const shares = {
    photoShare: options.photoShare,
    ...(options.people ? {} : { authorShare: 0, correctionShare: 0 }),
  };
  /** The archive of `n` articles in `corpus/articles/`, its roster in `corpus/authors/`. */
  const generate = async (corpus, n) => {
    const archive = await generateArchive(join(corpus, 'articles'), n, options.seed, shares);
    const people = options.people ? generateRoster(join(corpus, 'authors'), n, options.seed).people : 0;
    return { ...archive, people };
  };

  // Warm-up: one small build of each kind, not reported, so the first measured build does not also
  // pay for reading Astro, Vite and the rest from disk into the OS file cache.
  if (options.warmup) {
    const corpus = join(work, 'corpus-warmup');
    await generate(corpus, 5);
    makeFullProject(join(work, 'warmup-full'), corpus);
    await build('full', 5, join(work, 'warmup-full'), join(work, 'cards-warmup'), { label: 'warm-up full' });
    if (!options.skipBare) {
      makeBareProject(join(work, 'warmup-bare'), corpus);
      await build('bare', 5, join(work, 'warmup-bare'), join(work, 'cards-warmup'), {
        label: 'warm-up bare',
      });
    }
    if (!options.keep) {
      for (const d of ['corpus-warmup', 'warmup-full', 'warmup-bare', 'cards-warmup'])
        rmSync(join(work, d), { recursive: true, force: true });
    }
  }

  const builds = [];
  const perSize = [];
  let incremental = null;
  for (const n of options.sizes) {
    const corpus = join(work, `corpus-${n}`);
    const t0 = process.hrtime.bigint();
    const archive = await generate(corpus, n);
    const generatedMs = Number(process.hrtime.bigint() - t0) / 1e6;
    say(
      `${n} articles generated in ${fmtMs(generatedMs)}: ${archive.withPhoto} with a photograph, ` +
        `${archive.withFigure} with a graphic too (${archive.sourceImages} pictures, ${fmtBytes(archive.sourceBytes)}); ` +
        `${archive.withAuthors} naming ${archive.people} people, ${archive.notices} notices on ${archive.corrected}`,
    );
    const corpusFigures = {
      withPhoto: archive.withPhoto,
      withFigure: archive.withFigure,
      sourceImages: archive.sourceImages,
      sourceBytes: archive.sourceBytes,
      people: archive.people,
      withAuthors: archive.withAuthors,
      authorships: archive.authorships,
      corrected: archive.corrected,
      notices: archive.notices,
      generatedMs: Math.round(generatedMs),
    };

    const fullDir = join(work, `full-${n}`);
    const cards = join(work, `cards-${n}`);
    makeFullProject(fullDir, corpus);
    const full = await build('full', n, fullDir, cards, { label: 'full site', articles: archive.articles });
    builds.push(full);

    if (n === incrementalN && full.ok) {
      // A breaking story: published after everything in the archive, as a newsroom publishes.
      const extra = breakingStory(n, options.seed, BREAKING_AT, shares);
      await writeArticle(join(fullDir, 'src/content/articles'), extra, options.seed);
      // Whoever joins the roster with it (when n + 1 crosses a multiple of ARTICLES_PER_PERSON):
      // the new article may name them.
      if (options.people) {
        generateRoster(join(fullDir, 'src/content/authors'), n + 1, options.seed, {
          start: rosterSize(n),
        });
      }
      const inc = await build('full', n + 1, fullDir, cards, {
        label: 'incremental',
        cold: false,
        articles: [
          ...archive.articles,
          { slug: extra.slug, lead: extra.pictures.some((p) => p.role === 'lead') },
        ],
      });
      builds.push(inc);
      incremental = {
        n,
        ok: inc.ok,
        status: inc.status,
        ms: inc.ms,
        coldMs: full.ms,
        ratio: inc.ok ? round(inc.ms / full.ms, 3) : null,
        peakMiB: inc.peakMiB,
        pages: inc.pages,
        copiedFiles: inc.copiedFiles,
      };
    }

    let bare = null;
    if (!options.skipBare) {
      const bareDir = join(work, `bare-${n}`);
      makeBareProject(bareDir, corpus);
      bare = await build('bare', n, bareDir, join(work, `cards-bare-${n}`), {
        label: 'bare Astro',
        articles: archive.articles,
      });
      builds.push(bare);
      if (incremental?.n === n && incremental.ok && bare.ok) {
        incremental.bareColdMs = bare.ms;
        incremental.vsBare = round(incremental.ms / bare.ms, 3);
      }
      if (!options.keep) rmSync(bareDir, { recursive: true, force: true });
    }
    if (!options.keep) {
      for (const d of [fullDir, corpus, cards]) rmSync(d, { recursive: true, force: true });
    }
    perSize.push({
      n,
      corpus: corpusFigures,
      full,
      bare,
      ratio: full.ok && bare?.ok ? round(full.ms / bare.ms) : null,
    });
  }

  // Growth of the time per article: 1,000 → 4,000 when both were built, else smallest → largest.
  const at = (n) => perSize.find((s) => s.n === n);
  const from = at(1000) && at(4000) ? at(1000) : perSize[0];
  const to = at(1000) && at(4000) ? at(4000) : perSize[perSize.length - 1];
  const per = (s, kind, figure) => (s?.[kind]?.ok && s[kind][figure] !== null ? s[kind][figure] / s.n : null);
  const growthOf = (kind, figure = 'ms') =>
    per(from, kind, figure) !== null && per(to, kind, figure) !== null
      ? round(per(to, kind, figure) / per(from, kind, figure), 3)
      : null;
  // The targets judge wall time; CPU time is what the same growth looks like when the machine
  // is busy (see childrenCpuMs).
  const growth =
    from && to && from !== to
      ? {
          from: from.n,
          to: to.n,
          full: growthOf('full'),
          bare: growthOf('bare'),
          fullCpu: growthOf('full', 'cpuMs'),
          bareCpu: growthOf('bare', 'cpuMs'),
        }
      : null;

  const linear = growth && growth.from === 1000 && growth.to === 4000 ? growth.full : null;
  const check = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  const targets = [
    {
      id: 'linear-growth',
      description: 'Linear growth: time per article at 4,000 ÷ at 1,000 (full site)',
      limit: TARGETS.linear,
      limitText: `≤ ${TARGETS.linear.toFixed(2)}×`,
      value: linear,
      valueText: fmtRatio(linear),
      pass: check(linear, TARGETS.linear),
    },
  ];
  for (const size of TARGET_SIZES) {
    const s = at(size);
    if (!s && size !== 4000) continue; // 10,000 only when it was built
    const where = fmtNum(size);
    const ratio = s?.ratio ?? null;
    const peak =
      s?.full?.ok && s.bare?.ok && s.full.peakMiB !== null && s.bare.peakMiB !== null
        ? round(s.full.peakMiB / s.bare.peakMiB, 3)
        : null;
    const output = s?.full?.ok ? (s.full.images?.perArticle.withoutPictures ?? null) : null;
    targets.push(
      {
        id: `full-vs-bare-${size}`,
        description: `Cold build at ${where}: full site ÷ bare Astro`,
        limit: TARGETS.fullVsBare,
        limitText: `≤ ${TARGETS.fullVsBare.toFixed(2)}×`,
        value: ratio,
        valueText: fmtRatio(ratio),
        pass: check(ratio, TARGETS.fullVsBare),
      },
      {
        id: `peak-vs-bare-${size}`,
        description: `Peak memory of the build's process tree at ${where}: full site ÷ bare Astro`,
        limit: TARGETS.peakVsBare,
        limitText: `≤ ${TARGETS.peakVsBare.toFixed(2)}×`,
        value: peak,
        valueText:
          peak === null
            ? '–'
            : `${fmtRatio(peak)} (${fmtNum(s.full.peakMiB)} ÷ ${fmtNum(s.bare.peakMiB)} MiB)`,
        pass: check(peak, TARGETS.peakVsBare),
      },
      {
        id: `output-per-article-${size}`,
        description: `Output per article at ${where}, the search index and the photographs' files aside`,
        limit: TARGETS.outputPerArticle,
        limitText: `≤ ${fmtBytes(TARGETS.outputPerArticle)}`,
        value: output,
        valueText: output === null ? '–' : fmtBytes(output),
        pass: check(output, TARGETS.outputPerArticle),
      },
    );
  }
  const incVsBare = incremental?.vsBare ?? null;
  targets.push({
    id: 'incremental-vs-bare',
    description: `One article added${incremental ? ` to ${fmtNum(incremental.n)}` : ''}, warm caches ÷ bare Astro's cold build of the same archive`,
    limit: TARGETS.incrementalVsBare,
    limitText: `≤ ${TARGETS.incrementalVsBare.toFixed(2)}×`,
    value: incVsBare,
    valueText:
      incVsBare === null
        ? '–'
        : `${fmtRatio(incVsBare)} (${fmtMs(incremental.ms)} ÷ ${fmtMs(incremental.bareColdMs)})`,
    pass: check(incVsBare, TARGETS.incrementalVsBare),
  });

  const date = new Date().toISOString().slice(0, 10);
  const result = {
    date,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemBytes: os.totalmem(),
      totalMemGiB: round(os.totalmem() / GiB, 1),
      os: `${os.platform()} ${os.release()}`,
      loadavgStart,
      loadavgEnd: os.loadavg().map((x) => round(x)),
    },
    node: process.version,
    astro: astroVersion,
    seed: options.seed,
    photoShare: options.photoShare,
    people: options.people,
    sizes: options.sizes,
    buildTime: BUILD_TIME,
    builds,
    // Per size, the figures the targets use (the builds themselves are in `builds`).
    perSize: perSize.map((s) => ({
      n: s.n,
      corpus: s.corpus,
      fullMs: s.full.ok ? s.full.ms : null,
      bareMs: s.bare?.ok ? s.bare.ms : null,
      fullMsPerArticle: s.full.ok ? s.full.msPerArticle : null,
      bareMsPerArticle: s.bare?.ok ? s.bare.msPerArticle : null,
      fullCpuMsPerArticle: s.full.ok ? s.full.cpuMsPerArticle : null,
      bareCpuMsPerArticle: s.bare?.ok ? s.bare.cpuMsPerArticle : null,
      fullPeakMiB: s.full.ok ? s.full.peakMiB : null,
      barePeakMiB: s.bare?.ok ? s.bare.peakMiB : null,
      ratio: s.ratio,
      // The people's pages and feeds, and the corrections page and feeds: files, render time.
      ...(s.full.ok ? peopleRoutes(s.full) : { authors: null, corrections: null }),
    })),
    growth,
    incremental,
    targets: targets.map(({ limitText: _l, valueText: _v, ...t }) => t),
  };

  const base = join(RESULTS, `${date}-${result.machine.cpus}c-${Math.round(os.totalmem() / GiB)}g`);
  mkdirSync(RESULTS, { recursive: true });
  const md = await prettify(markdown({ ...result, perSize, targets }), `${base}.md`);
  const json = await prettify(JSON.stringify(result), `${base}.json`);
  writeFileSync(`${base}.md`, md);
  writeFileSync(`${base}.json`, json);

  console.log(md);
  console.log(JSON.stringify(result));
  say(`results written to ${base}.md and ${base}.json`);
  cleanup();
  return builds.every((b) => b.ok) ? 0 : 1;
}

process.exitCode = await main();
