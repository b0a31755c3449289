// Numbers as the bench prints them, in its progress lines and its report: times, bytes, counts,
// ratios. A missing figure (null or undefined) prints as "–".

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** A progress line on stderr (stdout carries the report and the JSON). */
export const say = (message) => console.error(`[bench] ${message}`);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export const median = (values) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** `x` to `digits` decimals, as a number: round(1.23456) → 1.23; null stays null. */
export const round = (x, digits = 2) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));
/** "850 ms", "12.3 s". */
export const fmtMs = (ms) =>
  ms === null || ms === undefined ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
/** "512 KiB", "1.4 MiB", "2.05 GiB". */
export const fmtBytes = (b) =>
  b === null || b === undefined
    ? '–'
    : b >= GiB
      ? `${(b / GiB).toFixed(2)} GiB`
      : b >= MiB
        ? `${(b / MiB).toFixed(1)} MiB`
        : `${(b / 1024).toFixed(0)} KiB`;
/** "4,000". */
export const fmtNum = (n) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
/** A page's time, to a tenth of a millisecond below 10 ms: "2.5 ms". */
export const fmtFileMs = (ms) =>
  ms === null || ms === undefined ? '–' : ms < 10 ? `${ms.toFixed(1)} ms` : fmtMs(ms);
/** "2.20×". */
export const fmtRatio = (r) => (r === null || r === undefined ? '–' : `${r.toFixed(2)}×`);
/** A share as a percentage: 0.2 → "20%". */
export const fmtShare = (share) => `${Math.round(share * 1000) / 10}%`;
/** "12 · 1.4 MiB" */
export const fmtFiles = ({ count, bytes }) => (count === 0 ? '–' : `${fmtNum(count)} · ${fmtBytes(bytes)}`);
/** A target's result: "**pass**", "**FAIL**" or "not measured". */
export const verdict = (pass) => (pass === null ? 'not measured' : pass ? '**pass**' : '**FAIL**');
