// Archive-scale benchmark: how the production build grows with the number of articles, against a
// bare Astro + MDX build of the same articles and, when `hugo` is on the PATH, a Hugo build of them
// as Markdown with shortcodes. See bench/README.md for what is measured and how.
//
//   npm run bench -- [--sizes 100,1000,4000] [--with-10k] [--skip-bare] [--skip-hugo]
//                    [--skip-incremental] [--incremental-at N] [--parts N] [--seed 1] [--photo-share 0.2] [--no-people] [--keep]
//                    [--no-warmup]
//
// Every build runs in a throwaway copy under the OS temp folder; nothing in the working tree is
// touched except bench/results/.
//
// This file is the run's order of events; the parts live in bench/lib/: args.mjs (the command
// line), corpus.mjs (the archives and the copies they are built in), hugo/ (the archive as a Hugo
// project), build.mjs (running a build:
// time, memory, CPU), log.mjs (what its output says), measure.mjs (what it wrote), targets.mjs
// (growth and the targets), report.mjs (the JSON and Markdown results), format.mjs (numbers).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroCommand, buildCommand } from '../scripts/astro.mjs';
import { planParts } from '../scripts/parts.mjs';
import { fail, parseArgs } from './lib/args.mjs';
import { CAN_SAMPLE, buildEnv, runBuild, stopRunningBuild } from './lib/build.mjs';
import {
  addBreakingStory,
  addHugoBreakingStory,
  generateCorpus,
  makeBareProject,
  makeCold,
  makeFullProject,
} from './lib/corpus.mjs';
import { hugoCommand, hugoVersion, makeHugoCold, makeHugoProject } from './lib/hugo/project.mjs';
import { fmtBytes, fmtMs, fmtNum, fmtShare, round, say } from './lib/format.mjs';
import { ROUTE_GROUP, bytesByFolder, imageFigures, measureOutput } from './lib/measure.mjs';
import { benchParts } from './lib/parts.mjs';
import { resultsOf, writeResults } from './lib/report.mjs';
import { judge } from './lib/targets.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * One run: its options, its temporary folder, the folder of its build logs, and whether Hugo is
 * built beside the site (`hugo` on the PATH and no --skip-hugo).
 * @typedef {{ options: import('./lib/args.mjs').Options, work: string, logs: string, withHugo: boolean }} Run
 */

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
  const hugo = options.skipHugo ? null : hugoVersion();
  if (!options.skipHugo && !hugo)
    console.warn('No `hugo` on the PATH: no Hugo builds (Debian/Ubuntu: `sudo apt-get install hugo`).');
  const work = mkdtempSync(join(os.tmpdir(), 'news-bench-'));
  const logs = join(work, 'logs');
  mkdirSync(logs);
  /** @type {Run} */
  const run = { options, work, logs, withHugo: hugo !== null };
  const cleanup = () => {
    if (options.keep) console.error(`Kept ${work} (projects, corpora, card caches, build logs).`);
    else rmSync(work, { recursive: true, force: true });
  };
  const stop = (signal) => {
    stopRunningBuild();
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const incrementalN = options.skipIncremental
    ? null
    : (options.incrementalAt ?? [...options.sizes].reverse().find((n) => n <= 4000) ?? null);
  if (incrementalN !== null && !options.sizes.includes(incrementalN)) {
    fail(`--incremental-at ${incrementalN} is not one of the sizes (${options.sizes.join(', ')})`);
  }
  const loadavgStart = os.loadavg().map((x) => round(x));
  say(
    `sizes ${options.sizes.join(', ')}; seed ${options.seed}; ${fmtShare(options.photoShare)} with a photograph` +
      `${options.people ? '' : '; no people or notices'}; working in ${work}` +
      `${options.skipBare ? '; no bare baseline' : ''}${hugo ? `; beside ${hugo.split(' ')[1]}` : '; no Hugo'}` +
      `${incrementalN ? `; incremental at ${incrementalN}` : ''}`,
  );

  if (options.warmup) await warmUp(run);

  const builds = [];
  const perSize = [];
  let incremental = null;
  let hugoPublish = null;
  /** @type {import('./lib/parts.mjs').PartsResult[]} */
  const parts = [];
  for (const n of options.sizes) {
    const size = await benchSize(run, n, n === incrementalN);
    builds.push(...size.builds);
    perSize.push(size.perSize);
    incremental ??= size.incremental;
    hugoPublish ??= size.hugoPublish;
    if (size.parts) parts.push(size.parts);
  }

  const { growth, targets } = judge(perSize, incremental, parts);
  const result = resultsOf({
    options,
    astroVersion,
    hugoVersion: hugo,
    hugoPublish,
    loadavgStart,
    builds,
    perSize,
    growth,
    incremental,
    parts,
    targets,
  });
  await writeResults(result, { perSize, targets });
  cleanup();
  return builds.every((b) => b.ok) ? 0 : 1;
}

/**
 * Builds the project in `dir` cold (or warm) and returns its figures; `articles` (which have
 * a photograph) for the figures per article.
 * @param {Run} run
 * @param {'full' | 'bare' | 'hugo'} kind
 * @param {number} n the articles in the archive
 * @param {string} dir the project
 * @param {string} cardCache its social-card cache
 * @param {{ label?: string, cold?: boolean, articles?: { slug: string, lead: boolean }[],
 *   how?: { command: [string, string[]], env: Record<string, string>, output: string } }} [build]
 *   how: a command of its own (a part of the site, the merge: bench/lib/parts.mjs), with extra
 *   environment and the folder it writes
 */
async function build(run, kind, n, dir, cardCache, { label, cold = true, articles = [], how } = {}) {
  if (cold && !how) (kind === 'hugo' ? makeHugoCold : makeCold)(dir);
  if (cold) rmSync(cardCache, { recursive: true, force: true });
  const command =
    how?.command ??
    {
      full: () => buildCommand(`${dir}/`),
      bare: () => astroCommand(['build']),
      hugo: () => hugoCommand(dir, { cold }),
    }[kind]();
  const name = label ?? kind;
  const log = join(run.logs, `${name.replace(/\W+/g, '-')}-${n}.log`);
  say(`${n} articles, ${name}: building…`);
  const r = await runBuild({
    cwd: dir,
    command,
    env: { ...buildEnv(cardCache), ...how?.env },
    log,
    routeGroup: ROUTE_GROUP[kind],
    phased: kind !== 'hugo' && label !== 'merge',
  });
  const { pages, bytes, files } = measureOutput(
    how?.output ?? join(dir, kind === 'hugo' ? 'public' : 'dist'),
  );
  const images = { ...imageFigures(files, { kind, articles }), log: r.imageLog };
  const byFolder = bytesByFolder(files);
  if (r.ok) {
    say(
      `${n} articles, ${name}: ${fmtMs(r.ms)} (CPU ${fmtMs(r.cpuMs)}), peak ${r.peakMiB} MiB, ${pages} pages, ${fmtBytes(bytes)}; ` +
        `${fmtNum(images.files.count)} images (${fmtBytes(images.files.bytes)})` +
        `${kind === 'hugo' ? '' : `, image step ${fmtMs(r.phases.images)}`}`,
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
}

/**
 * Warm-up: one small build of each kind, not reported, so the first measured build does not also
 * pay for reading Astro, Vite and the rest from disk into the OS file cache.
 * @param {Run} run
 */
async function warmUp(run) {
  const { options, work } = run;
  const corpus = join(work, 'corpus-warmup');
  await generateCorpus(corpus, 5, options);
  makeFullProject(join(work, 'warmup-full'), corpus);
  await build(run, 'full', 5, join(work, 'warmup-full'), join(work, 'cards-warmup'), {
    label: 'warm-up full',
  });
  if (!options.skipBare) {
    makeBareProject(join(work, 'warmup-bare'), corpus);
    await build(run, 'bare', 5, join(work, 'warmup-bare'), join(work, 'cards-warmup'), {
      label: 'warm-up bare',
    });
  }
  if (run.withHugo) {
    makeHugoProject(join(work, 'warmup-hugo'), corpus);
    await build(run, 'hugo', 5, join(work, 'warmup-hugo'), join(work, 'cards-warmup'), {
      label: 'warm-up Hugo',
    });
  }
  if (!options.keep) {
    for (const d of ['corpus-warmup', 'warmup-full', 'warmup-bare', 'warmup-hugo', 'cards-warmup'])
      rmSync(join(work, d), { recursive: true, force: true });
  }
}

/**
 * Every build of one size: the archive of `n`, the full site's cold build, the incremental one
 * when `withIncremental` (one article added, caches warm), the bare baseline's cold build, and
 * Hugo's cold build and, when `withIncremental`, its build after the same article is added.
 * @param {Run} run
 * @param {number} n
 * @param {boolean} withIncremental
 */
async function benchSize(run, n, withIncremental) {
  const { options, work } = run;
  const builds = [];
  let incremental = null;
  const corpus = join(work, `corpus-${n}`);
  const t0 = process.hrtime.bigint();
  const archive = await generateCorpus(corpus, n, options);
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
  const full = await build(run, 'full', n, fullDir, cards, {
    label: 'full site',
    articles: archive.articles,
  });
  builds.push(full);

  if (withIncremental && full.ok) {
    const extra = await addBreakingStory(fullDir, n, options);
    const inc = await build(run, 'full', n + 1, fullDir, cards, {
      label: 'incremental',
      cold: false,
      articles: [...archive.articles, extra],
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

  let parts = null;
  if (options.parts && full.ok) {
    parts = await benchParts({
      n,
      dir: fullDir,
      work,
      slices: options.parts,
      singleMs: full.ms,
      plan: planParts(`${fullDir}/`, options.parts, false).parts,
      build: (label, { cardCache, ...how }) => build(run, 'full', n, fullDir, cardCache, { label, how }),
    });
  }

  let bare = null;
  if (!options.skipBare) {
    const bareDir = join(work, `bare-${n}`);
    makeBareProject(bareDir, corpus);
    bare = await build(run, 'bare', n, bareDir, join(work, `cards-bare-${n}`), {
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

  let hugo = null;
  let hugoPublish = null;
  if (run.withHugo) {
    const hugoDir = join(work, `hugo-${n}`);
    makeHugoProject(hugoDir, corpus);
    hugo = await build(run, 'hugo', n, hugoDir, join(work, `cards-hugo-${n}`), {
      label: 'Hugo',
      articles: archive.articles,
    });
    builds.push(hugo);
    if (withIncremental && hugo.ok) {
      // `hugo` has no incremental build (only its server does): publishing a story is another
      // full build, with the processed pictures of the last one in its cache.
      const extra = await addHugoBreakingStory(hugoDir, join(work, `hugo-story-${n}`), n, options);
      const again = await build(run, 'hugo', n + 1, hugoDir, join(work, `cards-hugo-${n}`), {
        label: 'Hugo, one story added',
        cold: false,
        articles: [...archive.articles, extra],
      });
      builds.push(again);
      hugoPublish = {
        n,
        fullBuild: true,
        ok: again.ok,
        status: again.status,
        ms: again.ms,
        coldMs: hugo.ms,
        ratio: again.ok ? round(again.ms / hugo.ms, 3) : null,
        peakMiB: again.peakMiB,
        pages: again.pages,
      };
    }
    if (!options.keep) {
      for (const d of [hugoDir, join(work, `hugo-story-${n}`)]) rmSync(d, { recursive: true, force: true });
    }
  }
  if (!options.keep) {
    for (const d of [fullDir, corpus, cards]) rmSync(d, { recursive: true, force: true });
  }
  return {
    builds,
    incremental,
    hugoPublish,
    parts,
    perSize: {
      n,
      corpus: corpusFigures,
      full,
      bare,
      hugo,
      ratio: full.ok && bare?.ok ? round(full.ms / bare.ms) : null,
      hugoRatio: full.ok && hugo?.ok ? round(full.ms / hugo.ms) : null,
    },
  };
}

process.exitCode = await main();
