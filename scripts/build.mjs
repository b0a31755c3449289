// Builds the site without ever leaving a half-written dist/. Astro writes to a temporary folder of
// its own, Pagefind indexes that folder for the search page; only when both have succeeded does
// the folder replace dist/ (two renames on the same file system). A failed build or a failed
// index leaves the last good dist/ exactly as it was. The folder starts with hard links to the
// last good build's unchanged pages rather than empty, and never writes through them
// (scripts/linked-output.mjs). One build runs at a time (scripts/build-lock.mjs), and a failed
// build leaves Astro's cache as true as it found it (scripts/astro-cache.mjs). A finished build
// records beside dist/ when the next one is due and what it was built from, for a scheduler
// (scripts/schedule.mjs).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NEXT_DUE_PAGE } from '../src/lib/articles/schedule.ts';
import { sitePaths } from '../src/lib/site/site-paths.ts';
import { repairAstroCache } from './astro-cache.mjs';
import { astroCommand, start } from './astro.mjs';
import { takeBuildLock } from './build-lock.mjs';
import { swapIn } from './swap.mjs';
import { linkPreviousPages, removeStalePages, saveManifest } from './linked-output.mjs';
import { indexShards, saveSearchRecord } from './search-shards.mjs';
import { configDigest, PART_RECORD, planParts, sourceCommit } from './parts.mjs';
import { pruneToPart } from './part-output.mjs';
import { writeSitemapIndex, writeSitemaps } from './sitemaps.mjs';
import { parsePart, partName, readAssignment, writeAssignment } from '../src/lib/parts/parts.ts';
import { siteConfig } from '../src/site.config.ts';
import { outFolder, recordBuild, recordFailure, sourcesFingerprint } from './schedule.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// Article pages, where the site's URL scheme puts them ("articles/*/index.html"), for Pagefind.
const ARTICLE_PAGES = `${sitePaths('/').article('*').slice(1)}index.html`;
const DRAW_CARDS_AHEAD = fileURLToPath(new URL('draw-cards-ahead.mjs', import.meta.url));
const RENDER_BODIES = fileURLToPath(new URL('render-bodies.mjs', import.meta.url));
const BREAK_LINKS = fileURLToPath(new URL('break-links.mjs', import.meta.url));
// The same folder astro.config.mjs names (see outFolder). The temporary folders sit next to it,
// on the same file system, so the swap is two renames.
const out = outFolder(root);
const next = join(dirname(out), `.${basename(out)}-next`);
const previous = join(dirname(out), `.${basename(out)}-previous`);

/** Removes the unfinished build and says that dist/ is untouched. @param {string} why */
const discard = (why) => {
  rmSync(next, { recursive: true, force: true });
  try {
    const clock = process.env.NEWS_BUILD_TIME ? new Date(process.env.NEWS_BUILD_TIME) : new Date();
    recordFailure(out, sources, clock);
  } catch {
    // Only spares the scheduler a retry of the same sources: the build has failed either way.
  }
  console.error(`\n${why}: ${out} was left as it was${existsSync(out) ? ' (the last good build)' : ''}.`);
};
/** @param {string} why @param {number} status */
const fail = (why, status = 1) => {
  discard(why);
  process.exit(status);
};

/** How long each step of the publish path took, ms, printed at the end (the bench reads it). */
const profile = {};
/** @template T @param {string} step @param {() => T} run @returns {T} */
const timed = (step, run) => {
  const start = performance.now();
  try {
    return run();
  } finally {
    profile[step] = Math.round(performance.now() - start);
  }
};

// What this build is made from, taken before Astro reads anything: an edit made while it runs
// makes the sources differ from the recorded ones, so the next scheduled check builds again.
const sources = sourcesFingerprint(root, out);

const lock = (() => {
  try {
    return takeBuildLock(out);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return process.exit(1);
  }
})();
// What to say if this process ends before the swap without having said why (an exception, or
// Pagefind's binary crashing: see below). The lock goes last, once the temporary folder is gone.
let stage = 'Build stopped';
process.on('exit', () => {
  if (existsSync(next)) discard(stage);
  lock.release();
});

// A part of the site (src/lib/parts/, scripts/build-part.mjs: NEWS_PART=front or slice-<i>-of-<n>),
// or the whole site. A part's processes (the pre-passes, Astro) learn from the environment which
// years each slice holds, and share one "now", which its record keeps for the merge.
const part = (() => {
  const named = process.env.NEWS_PART
    ? parsePart(process.env.NEWS_PART)
    : { kind: /** @type {const} */ ('whole') };
  if ('error' in named) {
    console.error(`NEWS_PART: ${named.error}`);
    return process.exit(2);
  }
  return named;
})();
/** For a part: its sources by their bytes, which the merge compares across parts (as at the start). */
let partSources = '';
if (part.kind !== 'whole') {
  partSources = sourcesFingerprint(root, out, process.env, { bytes: true });
  process.env.NEWS_BUILD_TIME ??= new Date().toISOString();
  if (part.kind === 'slice' && !process.env.NEWS_PART_YEARS) {
    const { assignment } = planParts(root, part.of, process.env.NEWS_FIXTURES === '1');
    process.env.NEWS_PART_YEARS = writeAssignment(assignment);
  }
  // The front renders only the bodies its feeds carry: the pre-pass chooses them and leaves the
  // list here for the articles' loader (scripts/front-bodies.mjs, src/lib/articles/loader.ts).
  if (part.kind === 'front' && process.env.NEWS_RENDERED_BODIES !== '0')
    process.env.NEWS_FRONT_BODIES = join(dirname(out), `.${basename(out)}-front-bodies.json`);
}

rmSync(next, { recursive: true, force: true });
// The pages Astro would copy out of its cache start as hard links to dist/'s (scripts/linked-output.mjs);
// `--force` (render everything again) starts from nothing.
const force = process.argv.includes('--force');
/** @type {string[]} */
let linked = [];
if (!force) {
  try {
    linked = timed('link', () => linkPreviousPages({ root, out, next }));
  } catch (error) {
    // Only a shortcut: an empty folder is what every build started from before it.
    rmSync(next, { recursive: true, force: true });
    console.log(
      `Not linking the last build's pages (${error instanceof Error ? error.message : String(error)}); starting from an empty folder.`,
    );
  }
}
if (linked.length > 0) {
  // Said before Astro starts, so a failed build's log shows it too.
  console.log(`${linked.length} unchanged page${linked.length === 1 ? '' : 's'} linked from the last build.`);
}
// The social cards are drawn into their cache by a second process while Astro reads and bundles
// the articles, which leaves a core idle (scripts/draw-cards-ahead.mjs); it yields to Astro.
const cardsAhead = start([process.execPath, [DRAW_CARDS_AHEAD]], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
let stoppingCards = false;
cardsAhead.on('close', (code, signal) => {
  // It only warms a cache: a crash costs speed, not the build, but should not go unseen.
  if (!stoppingCards && (code !== 0 || signal !== null)) {
    console.warn(
      `Warning: the card pre-drawer (scripts/draw-cards-ahead.mjs) stopped with ${signal ?? `status ${code}`}; ` +
        'Astro draws the cards itself. Run `npx node scripts/draw-cards-ahead.mjs` to see why.',
    );
  }
});
try {
  if (cardsAhead.pid !== undefined) setPriority(cardsAhead.pid, 10);
} catch {
  // Not allowed here: it then shares the cores evenly, which still helps.
}
// Each article's body is rendered to HTML once per content, before Astro starts, into a cache its
// loader reads (scripts/render-bodies.mjs): Astro then neither bundles the bodies as modules nor
// renders them per page. In its own process, so its memory is given back before Astro's build.
// NEWS_RENDERED_BODIES=0 leaves every body to Astro, as before (the tests compare the two).
const renderedBodies = process.env.NEWS_RENDERED_BODIES !== '0';
if (renderedBodies) {
  const bodiesStart = performance.now();
  const bodiesStatus = await new Promise((resolveStatus) => {
    start([process.execPath, [RENDER_BODIES, ...(force ? ['--force'] : [])]], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    }).on('close', (code) => resolveStatus(code ?? 1));
  });
  profile.bodies = Math.round(performance.now() - bodiesStart);
  if (bodiesStatus !== 0)
    fail('Build failed (rendering the bodies: scripts/render-bodies.mjs)', Number(bodiesStatus));
}
const astroStart = performance.now();
const status = await new Promise((resolveStatus) => {
  start(astroCommand(['build', '--outDir', next, ...process.argv.slice(2)], { preload: BREAK_LINKS }), {
    cwd: root,
    stdio: 'inherit',
    env: {
      NEWS_CARDS_DRAWN_AHEAD: '1',
      // src/lib/articles/loader.ts: the bodies rendered above are read from their cache.
      NEWS_RENDERED_BODIES: renderedBodies ? '1' : '0',
      // src/pages/[schedule].txt.ts: when the next build is due, taken out of the folder below.
      NEWS_NEXT_DUE: '1',
      ...(linked.length > 0 ? { NEWS_LINKED_OUT_DIR: next } : {}),
    },
  }).on('close', (code) => resolveStatus(code ?? 1));
});
profile.astro = Math.round(performance.now() - astroStart);
// Astro has drawn whatever the pre-drawer had not reached: stop it (it finishes its current card).
if (cardsAhead.exitCode === null && cardsAhead.signalCode === null) {
  const stopped = new Promise((resolveStop) => cardsAhead.on('close', resolveStop));
  stoppingCards = true;
  cardsAhead.kill('SIGTERM');
  await stopped;
}
if (status !== 0) {
  // Astro has overwritten the cache copies of the pages it rendered but kept its old manifest.
  repairAstroCache({ root, out, since: lock.since });
  fail('Build failed', status);
}
let stale = 0;
try {
  stale = timed('stale', () => removeStalePages({ root, next, linked }));
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  fail('Build failed');
}
// The next build's due time leaves the folder before Pagefind or a reader can see it.
const dueFile = join(next, `${NEXT_DUE_PAGE}.txt`);
/** @type {Date | undefined} */
let due;
try {
  const text = readFileSync(dueFile, 'utf8').trim();
  rmSync(dueFile);
  due = text === '' ? undefined : new Date(text);
  if (due && Number.isNaN(due.getTime())) throw new Error(`it holds "${text}", not an instant`);
} catch (error) {
  console.error(
    `\nCannot read when the next build is due from ${dueFile} (src/pages/[schedule].txt.ts): ` +
      `${error instanceof Error ? error.message : String(error)}`,
  );
  fail('Build failed');
}
if (part.kind !== 'whole') {
  try {
    const pruned = timed('prune', () => pruneToPart(next, part));
    if (pruned > 0)
      console.log(`${pruned} file${pruned === 1 ? '' : 's'} of other parts removed (${partName(part)}).`);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    fail('Build failed');
  }
}
if (stale > 0) {
  console.log(
    `${linked.length} unchanged page${linked.length === 1 ? '' : 's'} linked from the last build, ${stale} no longer built removed.`,
  );
}

/**
 * Indexes the built site for /search/ with Pagefind (its binary comes from the npm package
 * @pagefind/linux-x64 and friends; nothing is downloaded), in one bundle per year of publication
 * (scripts/search-shards.mjs): only the years whose pages changed are indexed again. Only article
 * pages are read, and only their `data-pagefind-body` part is indexed, so the header, footer and
 * listings never match a search. A site with no articles yet gets an empty index, which keeps
 * /search/ working.
 *
 * Measured at 1,001 articles (1,672 pages), as one bundle: reading the whole site 1.1 s, the
 * article pages alone 0.7 s, the same pages as custom records with their text taken out
 * beforehand 1.3 s; writing the index takes about 2 s whichever way it was fed.
 */
// If Pagefind's binary crashes, its service never answers: the await below stays unsettled and
// Node exits (code 13) without reaching the catch. The exit handler above cleans up and says why.
stage = 'Search index failed (Pagefind stopped)';
/** @type {Awaited<ReturnType<typeof indexShards>>} */
let search;
const indexStart = performance.now();
try {
  // A slice indexes its years, and leaves joining them to the merge; the front has no article.
  search = await indexShards({
    site: next,
    out,
    pattern: ARTICLE_PAGES,
    force,
    joined: part.kind === 'whole',
  });
  profile.search = Math.round(performance.now() - indexStart);
} catch (error) {
  console.error(`\nPagefind failed: ${error instanceof Error ? error.message : String(error)}`);
  fail('Search index failed');
}
const { pages, shards, indexed } = search;
console.log(`Pagefind indexed ${pages} page${pages === 1 ? '' : 's'} for /search/.`);
console.log(
  `Search index: ${indexed.length} of ${shards.length} shard${shards.length === 1 ? '' : 's'} re-indexed` +
    (indexed.length > 0 ? ` (${[...indexed].reverse().join(', ')})` : '') +
    '.',
);
stage = 'Sitemaps failed';
try {
  const at = { site: process.env.SITE_URL ?? siteConfig.url, base: process.env.BASE_PATH ?? '/' };
  const records = search.record.pages;
  writeSitemaps({
    site: next,
    at,
    yearOf: (page) => {
      const year = records[page]?.year;
      if (!year) throw new Error(`${page}: no year for it in the search record`);
      return year;
    },
  });
  // The index joins every part's sitemaps: a build in parts has it written by the merge.
  if (part.kind === 'whole') writeSitemapIndex({ site: next, at });
  if (part.kind !== 'whole') {
    /** @type {import('./parts.mjs').PartRecord} */
    const record = {
      part: partName(part),
      kind: part.kind,
      ...(part.kind === 'slice' ? { index: part.index } : {}),
      slices: part.kind === 'slice' ? part.of : 0,
      years: search.shards.slice().sort(),
      assignment: Object.fromEntries(readAssignment(process.env.NEWS_PART_YEARS)),
      commit: sourceCommit(root),
      sources: partSources,
      config: configDigest(),
      buildTime: new Date(String(process.env.NEWS_BUILD_TIME)).toISOString(),
      due: due ? due.toISOString() : null,
    };
    writeFileSync(join(next, PART_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  }
} catch (error) {
  console.error(`\nSitemaps failed: ${error instanceof Error ? error.message : String(error)}`);
  fail('Build failed');
}
stage = 'Swap failed';

timed('swap', () => {
  try {
    swapIn({ next, out, previous });
  } catch (error) {
    console.error(
      `\nCould not rename ${next} to ${out} (${error instanceof Error ? error.message : String(error)}): ` +
        `is ${out} in use or its folder read-only? Fix that and build again.`,
    );
    fail('Swap failed');
  }
  saveManifest({ root, out });
  saveSearchRecord(out, search.record);
});
console.log(`${out} now holds the new build.`);
try {
  recordBuild(out, { due, sources });
  console.log(due ? `Next build due: ${due.toISOString()}` : 'Nothing held back.');
} catch (error) {
  // The site is published; only the scheduler lacks its note, and rebuilds at its next tick.
  console.warn(
    `Warning: could not record when the next build is due beside ${out} ` +
      `(${error instanceof Error ? error.message : String(error)}); the next scheduled check builds again.`,
  );
}
// The old build goes after the swap: readers already get the new one.
timed('cleanup', () => rmSync(previous, { recursive: true, force: true }));
const seconds = (/** @type {number | undefined} */ ms) => `${((ms ?? 0) / 1000).toFixed(2)} s`;
console.log(
  `Publish profile: link ${seconds(profile.link)} · bodies ${seconds(profile.bodies)} · Astro ${seconds(profile.astro)} · stale pages ` +
    `${seconds(profile.stale)} · search index ${seconds(profile.search)} · swap ${seconds(profile.swap)} · ` +
    `old build removed ${seconds(profile.cleanup)}`,
);
