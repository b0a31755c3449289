// The results of a run: one JSON object (the machine, the versions, every build, the figures per
// size, growth, incremental and targets) and a Markdown report of it, both printed on stdout and
// written to bench/results/<YYYY-MM-DD>-<cores>c-<memory GiB>g.json and .md, as the project's
// Prettier formats them.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILD_TIME } from './build.mjs';
import { GiB, fmtBytes, fmtMs, fmtNum, fmtRatio, fmtShare, round, say, verdict } from './format.mjs';
import { peopleRoutes } from './measure.mjs';
import { imagesMarkdown, outputMarkdown, peopleMarkdown } from './report-sections.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = join(ROOT, 'bench/results');

/**
 * The results as JSON holds them.
 * @param {object} run
 * @param {import('./args.mjs').Options} run.options
 * @param {string} run.astroVersion
 * @param {string | null} run.hugoVersion what `hugo version` printed (null: no Hugo builds)
 * @param {object | null} run.hugoPublish Hugo's build after one story was added (a full build)
 * @param {number[]} run.loadavgStart the load average when the run started
 * @param {object[]} run.builds every build, in the order they ran
 * @param {{ n: number, corpus: object, full: object, bare: object | null, hugo: object | null, ratio: number | null, hugoRatio: number | null }[]} run.perSize
 * @param {object | null} run.growth
 * @param {object | null} run.incremental
 * @param {import('./targets.mjs').Target[]} run.targets
 */
export function resultsOf({
  options,
  astroVersion,
  hugoVersion,
  hugoPublish,
  loadavgStart,
  builds,
  perSize,
  growth,
  incremental,
  parts = [],
  targets,
}) {
  const date = new Date().toISOString().slice(0, 10);
  return {
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
    hugo: hugoVersion,
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
      hugoMs: s.hugo?.ok ? s.hugo.ms : null,
      fullMsPerArticle: s.full.ok ? s.full.msPerArticle : null,
      bareMsPerArticle: s.bare?.ok ? s.bare.msPerArticle : null,
      hugoMsPerArticle: s.hugo?.ok ? s.hugo.msPerArticle : null,
      fullCpuMsPerArticle: s.full.ok ? s.full.cpuMsPerArticle : null,
      bareCpuMsPerArticle: s.bare?.ok ? s.bare.cpuMsPerArticle : null,
      hugoCpuMsPerArticle: s.hugo?.ok ? s.hugo.cpuMsPerArticle : null,
      fullPeakMiB: s.full.ok ? s.full.peakMiB : null,
      barePeakMiB: s.bare?.ok ? s.bare.peakMiB : null,
      hugoPeakMiB: s.hugo?.ok ? s.hugo.peakMiB : null,
      ratio: s.ratio,
      // The full site's cold build ÷ Hugo's (issue 16's target is at 20,000).
      hugoRatio: s.hugoRatio,
      // The people's pages and feeds, and the corrections page and feeds: files, render time.
      ...(s.full.ok ? peopleRoutes(s.full) : { authors: null, corrections: null }),
    })),
    growth,
    incremental,
    hugoPublish,
    parts,
    targets: targets.map(({ limitText: _l, valueText: _v, ...t }) => t),
  };
}

/**
 * Prints the report and then the JSON on stdout, and writes both to bench/results/ (a second
 * run on the same day on the same kind of machine replaces them).
 * @param {object} result from {@link resultsOf}
 * @param {object} run the run's perSize (with each size's builds) and targets (with their texts),
 *   as the report reads them
 */
export async function writeResults(result, { perSize, targets }) {
  const base = join(RESULTS, `${result.date}-${result.machine.cpus}c-${Math.round(os.totalmem() / GiB)}g`);
  mkdirSync(RESULTS, { recursive: true });
  const md = await prettify(markdown({ ...result, perSize, targets }), `${base}.md`);
  const json = await prettify(JSON.stringify(result), `${base}.json`);
  writeFileSync(`${base}.md`, md);
  writeFileSync(`${base}.json`, json);

  console.log(md);
  console.log(JSON.stringify(result));
  say(`results written to ${base}.md and ${base}.json`);
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

/** The Markdown report: `result` with the run's perSize (each size's builds) and targets (with texts). */
function markdown(result) {
  const m = result.machine;
  const lines = [];
  lines.push(`# Archive-scale benchmark, ${result.date}`);
  lines.push('');
  lines.push(
    `${m.cpus} cores (${m.cpuModel}), ${m.totalMemGiB} GiB memory, ${m.os}; Node ${result.node}, Astro ${result.astro}` +
      `${result.hugo ? `, Hugo ${result.hugo.split(' ')[1] ?? result.hugo}` : ', no Hugo'}. ` +
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
      ['hugo', 'Hugo'],
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
    if (size.hugoRatio !== null)
      lines.push(`| ${fmtNum(size.n)} | full ÷ Hugo | ${fmtRatio(size.hugoRatio)} | | | | | | |`);
  }
  lines.push('');
  if (result.growth) {
    const g = result.growth;
    lines.push(
      `Growth of the time per article from ${fmtNum(g.from)} to ${fmtNum(g.to)} articles: ` +
        `full site ${fmtRatio(g.full)}${g.bare !== null ? `, bare Astro ${fmtRatio(g.bare)}` : ''}` +
        `${g.hugo !== null ? `, Hugo ${fmtRatio(g.hugo)}` : ''} (1.00× is linear); ` +
        `of the CPU time per article: full site ${fmtRatio(g.fullCpu)}${g.bareCpu !== null ? `, bare Astro ${fmtRatio(g.bareCpu)}` : ''}` +
        `${g.hugoCpu !== null ? `, Hugo ${fmtRatio(g.hugoCpu)}` : ''}.`,
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
  if (result.hugoPublish) {
    const hp = result.hugoPublish;
    lines.push(
      hp.ok
        ? `Hugo, one story added to the ${fmtNum(hp.n)}-article archive: ${fmtMs(hp.ms)}, ${(hp.ratio * 100).toFixed(0)}% of ` +
            `its cold build (${fmtMs(hp.coldMs)}). \`hugo\` has no incremental build, so this is another full build, ` +
            `with the processed pictures of the last one in its cache; peak ${fmtNum(hp.peakMiB)} MiB.`
        : `Hugo, one story added to the ${fmtNum(hp.n)}-article archive: the build failed (${hp.status}).`,
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
  for (const p of result.parts ?? []) lines.push(...partsSection(p));
  lines.push('## Where the time goes');
  lines.push('');
  lines.push(
    'Phases from the times the build’s messages arrive: the bodies’ pre-pass (`scripts/render-bodies.mjs`, from the build’s start to its “Bodies:” line), start-up (config, integrations) to “Syncing content”, content ' +
      'sync (reading, parsing and validating the articles) to “Synced content”, then to “Building static entrypoints” ' +
      '(types, build info), bundling (Vite) to “generating static routes”, rendering to “generating optimized images”, ' +
      'images (astro:assets and sharp) to “page(s) built”, and what `scripts/build.mjs` does after Astro (e.g. search ' +
      'index, moving the output). Render time by route is the sum of Astro’s per-page times; the site renders four ' +
      'pages at a time (`build.concurrency`), so those times overlap and add up to more than the render phase, and ' +
      'Astro’s log puts each time after whichever page it printed last: the split by route is approximate.',
  );
  lines.push('');
  lines.push(
    '| N | Build | Bodies | Start-up | Content sync | Prepare | Bundle | Render | Images | After Astro | Render time by route (top 4) | Warnings |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: | --: | --- | --: |');
  for (const b of result.builds) {
    if (!b.ok || b.kind === 'hugo') continue; // `hugo --quiet` says nothing of its phases
    const p = b.phases;
    const top = Object.entries(b.routes)
      .slice(0, 4)
      .map(([route, ms]) => `${route} ${fmtMs(ms)}`)
      .join(', ');
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${fmtMs(p.bodies)} | ${fmtMs(p.startup)} | ${fmtMs(p.sync)} | ${fmtMs(p.prepare)} | ${fmtMs(p.bundle)} | ${fmtMs(p.render)} | ${fmtMs(p.images)} | ${fmtMs(p.after)} | ${top || '–'} | ${fmtNum(b.warnings)} |`,
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
 * The build in parts of one size (`--parts`, bench/lib/parts.mjs): each part, the merge, and the
 * wall time projected on one machine per part.
 * @param {import('./parts.mjs').PartsResult} p
 */
function partsSection(p) {
  const row = (/** @type {import('./parts.mjs').PartFigures} */ x) =>
    `| ${x.name} | ${x.ok ? fmtMs(x.ms) : 'failed'} | ${x.ok ? fmtRatio(round(x.ms / p.singleMs, 3)) : '–'} | ${x.peakMiB === null ? '–' : `${fmtNum(x.peakMiB)} MiB`} | ${fmtNum(x.pages)} |`;
  return [
    `## In parts: ${fmtNum(p.n)} articles as the front and ${p.slices} slices`,
    '',
    `Each part cold, in its own folder with its own caches, one after another on this machine (\`npm run build:part\`), then \`npm run merge-parts\`. ` +
      `The single-machine cold build of the same archive: ${fmtMs(p.singleMs)}. ` +
      `Projected on ${p.slices + 1} machines (the slowest part plus the merge): ${p.projectedMs === null ? '–' : `${fmtMs(p.projectedMs)}, ${fmtRatio(p.projectedShare)} of one machine`}.`,
    '',
    '| Part | Time | ÷ one machine | Peak RSS (tree) | Files |',
    '| --- | --: | --: | --: | --: |',
    ...p.parts.map(row),
    row(p.merge),
    '',
  ];
}
