// `npm run build:parts -- --slices N [--force]`: builds the site as separate machines would, on
// this one: the front and N year slices (src/lib/parts/, docs/parts.md), one process each, one
// after the other, each with its own folder and caches (scripts/build-part.mjs), then merges them
// into dist/ (scripts/merge-parts.mjs). The local proof of the CI matrix, and its fallback.
// One build time is set for every part (NEWS_BUILD_TIME, unless set already). A part that fails
// stops the run before the merge: dist/ stays as it was.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MAX_SLICES } from '../src/lib/parts/parts.ts';
import { buildPart } from './build-part.mjs';
import { mergeParts } from './merge-parts.mjs';
import { partFolder, planParts } from './parts.mjs';
import { outFolder } from './schedule.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const at = argv.indexOf('--slices');
const slices = Number(at >= 0 ? argv[at + 1] : NaN);
if (!Number.isInteger(slices) || slices < 1 || slices > MAX_SLICES) {
  console.error(`Usage: npm run build:parts -- --slices N [--force]   (1 ≤ N ≤ ${MAX_SLICES})`);
  process.exit(2);
}
const args = argv.filter((_, i) => i !== at && i !== at + 1);

process.env.NEWS_BUILD_TIME ??= new Date().toISOString();
const { parts } = planParts(root, slices, process.env.NEWS_FIXTURES === '1');
console.log(`Building ${parts.length} parts at ${process.env.NEWS_BUILD_TIME}:`);
for (const { name, years, articles } of parts) {
  console.log(
    `  ${name}${name === 'front' ? '' : `: ${articles} articles, ${years.join(', ') || 'no year yet'}`}`,
  );
}

/** @type {{ name: string, ms: number }[]} */
const times = [];
for (const { name } of parts) {
  console.log(`\n== ${name}`);
  const started = performance.now();
  const status = await buildPart(name, args);
  times.push({ name, ms: Math.round(performance.now() - started) });
  if (status !== 0) {
    console.error(`\nPart ${name} failed: nothing merged, ${outFolder(root)} was left as it was.`);
    process.exit(status);
  }
}
console.log('\n== merge');
try {
  const merged = await mergeParts({ root, folders: parts.map(({ name }) => partFolder(root, name).site) });
  times.push({ name: 'merge', ms: merged.ms });
  console.log(
    `Merged: ${merged.files} files, search over ${merged.years.length} years, ${merged.sitemaps.length} sitemaps.`,
  );
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  console.error(`Merge failed: ${outFolder(root)} was left as it was.`);
  process.exit(1);
}
console.log(`\n${outFolder(root)} now holds the site, built in parts:`);
for (const { name, ms } of times) console.log(`  ${name.padEnd(14)} ${(ms / 1000).toFixed(1)} s`);
