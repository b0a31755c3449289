// The bench's build in parts (docs/parts.md, `--parts N`): the archive as the front and N year
// slices, one after another on this machine, each cold in its own folder with its own caches, then
// the merge; each part's time and peak memory, the merge's time, and the wall time projected on
// N + 1 machines: the slowest part plus the merge.
import { join } from 'node:path';
import { fmtMs, round, say } from './format.mjs';

/**
 * @typedef {{ name: string, ok: boolean, ms: number, peakMiB: number | null, pages: number }} PartFigures
 * @typedef {{ n: number, slices: number, singleMs: number, parts: PartFigures[], merge: PartFigures,
 *   projectedMs: number | null, frontShare: number | null, slowestSliceShare: number | null,
 *   projectedShare: number | null }} PartsResult
 */

/**
 * Builds the project in parts and merges them.
 * @param {{ n: number, dir: string, work: string, slices: number, singleMs: number,
 *   plan: { name: string, years: string[], articles: number }[],
 *   build: (label: string, how: { command: [string, string[]], env: Record<string, string>, output: string, cardCache: string }) => Promise<{ ok: boolean, ms: number, peakMiB: number | null, pages: number }> }} options
 *   the size, the project, the run's folder, the slices, the single-machine cold build's time,
 *   the parts (scripts/parts.mjs, planParts), and the bench's build (bench/run.mjs) with a command of its own
 * @returns {Promise<PartsResult>}
 */
export async function benchParts({ n, dir, work, slices, singleMs, plan, build }) {
  const partsDir = join(work, `parts-${n}`);
  const env = { NEWS_PARTS_DIR: partsDir };
  /** @type {PartFigures[]} */
  const parts = [];
  for (const { name, years, articles } of plan) {
    say(
      `${n} articles, part ${name}${name === 'front' ? '' : ` (${articles} articles: ${years.join(', ')})`}`,
    );
    const r = await build(`part ${name}`, {
      command: [process.execPath, [join(dir, 'scripts/build-part.mjs'), name]],
      env,
      output: join(partsDir, name, 'site'),
      cardCache: join(partsDir, name, 'cache', 'cards'),
    });
    parts.push({ name, ok: r.ok, ms: r.ms, peakMiB: r.peakMiB, pages: r.pages });
    if (!r.ok) break;
  }
  const allBuilt = parts.length === plan.length && parts.every((p) => p.ok);
  /** @type {PartFigures} */
  let merge = { name: 'merge', ok: false, ms: 0, peakMiB: null, pages: 0 };
  if (allBuilt) {
    const r = await build('merge', {
      command: [
        process.execPath,
        [join(dir, 'scripts/merge-parts.mjs'), ...plan.map(({ name }) => join(partsDir, name, 'site'))],
      ],
      env,
      output: join(dir, 'dist'),
      cardCache: join(partsDir, 'no-cards'),
    });
    merge = { name: 'merge', ok: r.ok, ms: r.ms, peakMiB: r.peakMiB, pages: r.pages };
  }
  const ok = allBuilt && merge.ok;
  const slowest = ok ? Math.max(...parts.map((p) => p.ms)) : null;
  const projectedMs = slowest === null ? null : slowest + merge.ms;
  const front = parts.find((p) => p.name === 'front');
  const sliceMs = parts.filter((p) => p.name !== 'front').map((p) => p.ms);
  const result = {
    n,
    slices,
    singleMs,
    parts,
    merge,
    projectedMs,
    frontShare: ok && front ? round(front.ms / singleMs, 3) : null,
    slowestSliceShare: ok && sliceMs.length > 0 ? round(Math.max(...sliceMs) / singleMs, 3) : null,
    projectedShare: projectedMs === null ? null : round(projectedMs / singleMs, 3),
  };
  if (ok && projectedMs !== null) {
    say(
      `${n} articles in ${slices + 1} parts: projected on ${slices + 1} machines ${fmtMs(projectedMs)} ` +
        `(${result.projectedShare}× one machine's ${fmtMs(singleMs)}); merge ${fmtMs(merge.ms)}`,
    );
  }
  return result;
}
