// How the archive's growth and the targets (issue 11's, and issue 16's against Hugo) are judged
// from the builds of every size:
// the growth of the time per article from one size to another, and each target's limit, value
// and verdict (true, false, or null when its sizes were not built).
import { fmtBytes, fmtMs, fmtNum, fmtRatio, round } from './format.mjs';

/** Issue 11's targets, judged at 4,000 articles and, when it is built, at 10,000. */
const TARGETS = {
  linear: 1.1, // time per article at 4,000 ÷ at 1,000 (full site)
  fullVsBare: 2.5, // full ÷ bare, cold build time
  peakVsBare: 1.25, // full ÷ bare, peak memory of the build's process tree
  incrementalVsBare: 0.75, // one article added to the archive, warm caches ÷ bare's cold build
  outputPerArticle: 60 * 1024, // the output ÷ the articles, search index and photographs aside
  fullVsHugo: 4, // full ÷ Hugo, cold build time of the same archive (issue 16)
};

/** Issue 16's targets for the whole archive: 150,000 articles on this kind of machine (2 cores, 24 GiB). */
const ARCHIVE = {
  size: 150_000,
  coldMs: 30 * 60 * 1000, // a cold build of 150,000
  peakMiB: 12 * 1024, // its process tree's peak
  publishMs: 20 * 1000, // one story added to 150,000, until it is in dist/
  fullVsBare20k: 0.6, // the site's cold build at 20,000 ÷ bare Astro + MDX's
  incrementalVsBare4k: 0.25, // one story added to 4,000 ÷ bare Astro's cold build
  linear: 1.1, // time per article at 150,000 ÷ at 20,000
};
/** Issue 17's targets for the build in parts: 150,000 articles as the front and 8 slices. */
const PARTS = {
  size: 150_000,
  slices: 8,
  front: 1 / 4, // the front ÷ the single-machine cold build
  slice: 1 / 6, // each slice ÷ the single-machine cold build
  mergeMs: 60 * 1000, // the merge
  projected: 1 / 5, // the slowest part plus the merge ÷ the single-machine cold build
};

/** The sizes issue 11's targets are judged at. */
const TARGET_SIZES = [4000, 10_000];
/** The size issue 16 compares the site's cold build with Hugo's at. */
const HUGO_TARGET_SIZE = 20_000;

/**
 * @typedef {object} Target
 * @property {string} id e.g. "full-vs-bare-4000"
 * @property {string} description
 * @property {number} limit
 * @property {string} limitText the limit as the report prints it, e.g. "≤ 2.50×"
 * @property {number | null} value the measured value (null: not measured)
 * @property {string} valueText the value as the report prints it
 * @property {boolean | null} pass
 */

/**
 * The growth of the time per article (1,000 → 4,000 when both were built, else smallest →
 * largest), wall and CPU, and the targets.
 * @param {{ n: number, full: object, bare: object | null, hugo?: object | null, ratio: number | null, hugoRatio?: number | null }[]} perSize
 *   the builds of each size, ascending
 * @param {{ n: number, ms: number, vsBare?: number, bareColdMs?: number } | null} incremental
 * @param {import('./parts.mjs').PartsResult[]} [parts] the builds in parts (`--parts`)
 * @returns {{ growth: { from: number, to: number, full: number | null, bare: number | null, hugo: number | null, fullCpu: number | null, bareCpu: number | null, hugoCpu: number | null } | null, targets: Target[] }}
 */
export function judge(perSize, incremental, parts = []) {
  const at = (n) => perSize.find((s) => s.n === n);
  const from = at(1000) && at(4000) ? at(1000) : perSize[0];
  const to = at(1000) && at(4000) ? at(4000) : perSize[perSize.length - 1];
  const per = (s, kind, figure) => (s?.[kind]?.ok && s[kind][figure] !== null ? s[kind][figure] / s.n : null);
  const growthOf = (kind, figure = 'ms') =>
    per(from, kind, figure) !== null && per(to, kind, figure) !== null
      ? round(per(to, kind, figure) / per(from, kind, figure), 3)
      : null;
  // The targets judge wall time; CPU time is what the same growth looks like when the machine
  // is busy (see childrenCpuMs in bench/lib/build.mjs).
  const growth =
    from && to && from !== to
      ? {
          from: from.n,
          to: to.n,
          full: growthOf('full'),
          bare: growthOf('bare'),
          hugo: growthOf('hugo'),
          fullCpu: growthOf('full', 'cpuMs'),
          bareCpu: growthOf('bare', 'cpuMs'),
          hugoCpu: growthOf('hugo', 'cpuMs'),
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
  const h = at(HUGO_TARGET_SIZE);
  const vsHugo = h?.hugoRatio ?? null;
  targets.push({
    id: `full-vs-hugo-${HUGO_TARGET_SIZE}`,
    description: `Cold build at ${fmtNum(HUGO_TARGET_SIZE)}: full site ÷ Hugo, the same archive`,
    limit: TARGETS.fullVsHugo,
    limitText: `≤ ${TARGETS.fullVsHugo.toFixed(2)}×`,
    value: vsHugo,
    valueText: vsHugo === null ? '–' : `${fmtRatio(vsHugo)} (${fmtMs(h.full.ms)} ÷ ${fmtMs(h.hugo.ms)})`,
    pass: check(vsHugo, TARGETS.fullVsHugo),
  });
  // Issue 16's, each judged only where its sizes were built in this run.
  const whole = at(ARCHIVE.size);
  const twenty = at(20_000);
  const fullOk = (x) => (x?.full?.ok ? x.full : null);
  const perArticle = (x) => (fullOk(x) ? fullOk(x).ms / x.n : null);
  const linearArchive =
    perArticle(whole) !== null && perArticle(twenty) !== null
      ? round(perArticle(whole) / perArticle(twenty), 3)
      : null;
  const publishWhole = incremental?.n === ARCHIVE.size && incremental.ok ? incremental.ms : null;
  const vsBare20k = twenty?.ratio ?? null;
  const vsBare4k = incremental?.n === 4000 ? (incremental.vsBare ?? null) : null;
  targets.push(
    {
      id: 'archive-cold-150000',
      description: 'Cold build of 150,000 articles',
      limit: ARCHIVE.coldMs,
      limitText: `≤ ${fmtMs(ARCHIVE.coldMs)}`,
      value: fullOk(whole)?.ms ?? null,
      valueText: fmtMs(fullOk(whole)?.ms ?? null),
      pass: check(fullOk(whole)?.ms, ARCHIVE.coldMs),
    },
    {
      id: 'archive-peak-150000',
      description: "Peak memory of the cold build's process tree at 150,000",
      limit: ARCHIVE.peakMiB,
      limitText: `≤ ${fmtNum(ARCHIVE.peakMiB)} MiB`,
      value: fullOk(whole)?.peakMiB ?? null,
      valueText: fullOk(whole)?.peakMiB == null ? '–' : `${fmtNum(fullOk(whole).peakMiB)} MiB`,
      pass: check(fullOk(whole)?.peakMiB, ARCHIVE.peakMiB),
    },
    {
      id: 'archive-publish-150000',
      description: 'One story added to 150,000, until it is in dist/',
      limit: ARCHIVE.publishMs,
      limitText: `≤ ${fmtMs(ARCHIVE.publishMs)}`,
      value: publishWhole,
      valueText: fmtMs(publishWhole),
      pass: check(publishWhole, ARCHIVE.publishMs),
    },
    {
      id: 'archive-linear-20000-150000',
      description: 'Time per article at 150,000 ÷ at 20,000 (full site)',
      limit: ARCHIVE.linear,
      limitText: `≤ ${ARCHIVE.linear.toFixed(2)}×`,
      value: linearArchive,
      valueText: fmtRatio(linearArchive),
      pass: check(linearArchive, ARCHIVE.linear),
    },
    {
      id: 'archive-full-vs-bare-20000',
      description: 'Cold build at 20,000: full site ÷ bare Astro + MDX',
      limit: ARCHIVE.fullVsBare20k,
      limitText: `≤ ${ARCHIVE.fullVsBare20k.toFixed(2)}×`,
      value: vsBare20k,
      valueText: fmtRatio(vsBare20k),
      pass: check(vsBare20k, ARCHIVE.fullVsBare20k),
    },
    {
      id: 'archive-incremental-vs-bare-4000',
      description: "One story added to 4,000 ÷ bare Astro's cold build",
      limit: ARCHIVE.incrementalVsBare4k,
      limitText: `≤ ${ARCHIVE.incrementalVsBare4k.toFixed(2)}×`,
      value: vsBare4k,
      valueText: fmtRatio(vsBare4k),
      pass: check(vsBare4k, ARCHIVE.incrementalVsBare4k),
    },
  );
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
  targets.push(...partsTargets(parts, check));
  return { growth, targets };
}

/**
 * Issue 17's targets, judged on a build of 150,000 in the front and 8 slices.
 * @param {import('./parts.mjs').PartsResult[]} parts
 * @param {(value: number | null | undefined, limit: number) => boolean | null} check
 * @returns {Target[]}
 */
function partsTargets(parts, check) {
  const p = parts.find((x) => x.n === PARTS.size && x.slices === PARTS.slices);
  const share = (/** @type {number} */ limit) => `≤ ${fmtRatio(round(limit, 3))} of one machine`;
  const merge = p?.merge.ok ? p.merge.ms : null;
  return [
    {
      id: 'parts-front-150000',
      description: 'The front of 150,000 in 8 slices ÷ the single-machine cold build',
      limit: PARTS.front,
      limitText: share(PARTS.front),
      value: p?.frontShare ?? null,
      valueText: fmtRatio(p?.frontShare ?? null),
      pass: check(p?.frontShare, PARTS.front),
    },
    {
      id: 'parts-slice-150000',
      description: 'The slowest of 8 slices of 150,000 ÷ the single-machine cold build',
      limit: PARTS.slice,
      limitText: share(PARTS.slice),
      value: p?.slowestSliceShare ?? null,
      valueText: fmtRatio(p?.slowestSliceShare ?? null),
      pass: check(p?.slowestSliceShare, PARTS.slice),
    },
    {
      id: 'parts-merge-150000',
      description: 'Merging the 9 parts of 150,000',
      limit: PARTS.mergeMs,
      limitText: `≤ ${fmtMs(PARTS.mergeMs)}`,
      value: merge,
      valueText: fmtMs(merge),
      pass: check(merge, PARTS.mergeMs),
    },
    {
      id: 'parts-projected-150000',
      description: 'Projected on 9 machines (slowest part + merge) ÷ the single-machine cold build',
      limit: PARTS.projected,
      limitText: share(PARTS.projected),
      value: p?.projectedShare ?? null,
      valueText: p?.projectedMs == null ? '–' : `${fmtRatio(p.projectedShare)} (${fmtMs(p.projectedMs)})`,
      pass: check(p?.projectedShare, PARTS.projected),
    },
  ];
}
