// bench/cards.mjs's report: three Markdown tables (text cards by rasteriser, encodings of the
// reference pixels, photo cards by JPEG quality) and the conditions they were measured in.
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { mean, median } from './pixels.mjs';
import { version } from './renderers.mjs';

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
const db = (x) => (x === Infinity ? '∞' : `${x.toFixed(1)} dB`);
const pct = (x) => `${(x * 100).toFixed(2)}%`;
const range = (xs) => `${kb(Math.min(...xs))}–${kb(Math.max(...xs))}`;
const pixels = (diffs) =>
  `${Math.max(...diffs.map((d) => d.max))} | ${mean(diffs.map((d) => d.mae)).toFixed(2)} | ` +
  `${db(Math.min(...diffs.map((d) => d.psnr)))} | ${pct(Math.max(...diffs.map((d) => d.changed)))} | ` +
  `${db(Math.min(...diffs.map((d) => d.coarse)))}`;
/** A load average: "0.52, 0.40, 0.33". */
const load = (l) => l.map((x) => x.toFixed(2)).join(', ');

/**
 * The report, as bench/cards.mjs prints it.
 * @param {object} run
 * @param {number} run.runs timed runs per card
 * @param {number[]} run.loadAtStart the load average at the start
 * @param {string} run.here the project's node_modules
 * @param {{ name: string } | undefined} run.baseline the first cards' renderer, when measured
 * @param {number} run.textCards how many text cards
 * @param {object[]} run.rasterRows per rasteriser: its times, bytes and pixel differences by card
 * @param {Map<string, object>} run.encodeRows per encoding, the same
 * @param {Map<string, object>} run.photoRows per photo-card encoding, the same and against v1
 * @param {number[]} run.bandRows the band's CPU time per photograph
 * @param {number} run.photos how many photographs
 * @returns {string}
 */
export function cardsReport({
  runs,
  loadAtStart,
  here,
  baseline,
  textCards,
  rasterRows,
  encodeRows,
  photoRows,
  bandRows,
  photos,
}) {
  const referenceName = baseline ? `${baseline.name}'s` : 'the site’s (Takumi)';

  const report = [
    `Node ${process.version}, sharp ${version(here, 'sharp')} (libvips ${sharp.versions.vips}), ${runs} timed runs ` +
      `per card after one untimed; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end.`,
    '',
    `**Text cards** (${textCards} inputs): median over the cards of each card's median time, wall ` +
      `(CPU in brackets). Encoded as each would ship: satori + resvg-js as the site did until v2 (resvg's ` +
      `full-colour PNG), satori + librsvg with sharp's palette PNG (effort 1), Takumi with its own PNG encoder ` +
      `(its time: the PNG call's CPU less the raw one's). ` +
      `Pixels against ${referenceName} card: the largest channel difference (0–255), the mean absolute error per ` +
      `channel, the lowest PSNR, the largest share of pixels off by more than 32, and the lowest PSNR of the ` +
      `4×4-block means (which forgives differences in anti-aliasing, not text moved by a pixel or more).`,
    '',
    '| Rasteriser | Layout | Rasterise | Encode (CPU) | Bytes (mean) | Bytes (range) | Max diff | MAE | PSNR | Pixels off > 32 | PSNR ¼ scale |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...rasterRows.map(
      (r) =>
        `| ${r.name} | ${ms(median(r.layout))} (${ms(median(r.layoutCpu))}) | ${ms(median(r.raster))} (${ms(median(r.rasterCpu))}) | ` +
        `${ms(Math.max(0, median(r.encode)))} | ${kb(mean(r.bytes))} | ${range(r.bytes)} | ${pixels(r.diffs)} |`,
    ),
    '',
    `**Encodings** of ${referenceName} pixels, the same ${textCards} cards:`,
    '',
    '| Encoding | Encode | Bytes (mean) | Bytes (range) | Max diff | MAE | PSNR | Pixels off > 32 | PSNR ¼ scale |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...[...encodeRows].map(
      ([name, r]) =>
        `| ${name} | ${ms(median(r.ms))} (${ms(median(r.cpu))}) | ${kb(mean(r.bytes))} | ${range(r.bytes)} | ${pixels(r.diffs)} |`,
    ),
    '',
    `**Photo cards** (${photos} photographs; the band drawn by Takumi in ${ms(median(bandRows))} CPU): ` +
      `encode time and bytes, pixels against the same card uncompressed` +
      (baseline ? `, and MAE / PSNR against the first cards' uncompressed composite (satori band)` : '') +
      ':',
    '',
    `| Encoding | Encode | Bytes (mean) | Bytes (range) | Max diff | MAE | PSNR | Pixels off > 32 | PSNR ¼ scale |${baseline ? ' MAE / PSNR vs v1 |' : ''}`,
    `| --- | --: | --: | --: | --: | --: | --: | --: | --: |${baseline ? ' --: |' : ''}`,
    ...[...photoRows].map(
      ([name, r]) =>
        `| ${name} | ${ms(median(r.ms))} (${ms(median(r.cpu))}) | ${kb(mean(r.bytes))} | ${range(r.bytes)} | ${pixels(r.diffs)} |` +
        (baseline
          ? ` ${mean(r.v1.map((d) => d.mae)).toFixed(2)} / ${db(Math.min(...r.v1.map((d) => d.psnr)))} |`
          : ''),
    ),
  ];
  return report.join('\n');
}
