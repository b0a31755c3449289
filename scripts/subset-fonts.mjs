// @ts-check
// `npm run fonts:subset`: cuts the pages' web fonts from Fontsource's files down to the characters
// and OpenType features declared in src/lib/site/fonts.ts, as WOFF2, into src/fonts/ (checked in), and
// records in src/fonts/subsets.json what each file was made from. Run it after changing a range
// or a feature list in src/lib/site/fonts.ts, or after updating an @fontsource package; the unit tests
// (tests/unit/design-tokens.test.ts) fail until it has run, naming what changed.
//
// The cutting is done by fontTools' pyftsubset, the subsetter Google Fonts and Fontsource use: it
// writes WOFF2 with the glyf/loca transform, about 10% smaller than WOFF2 without it. It is not
// needed to build or test the site, only to remake the subsets: on Debian or Ubuntu
// `apt-get install fonttools python3-brotli`, elsewhere `pip install fonttools brotli`; set
// PYFTSUBSET to use another copy.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBSET_DIR, fontSubsets } from '../src/lib/site/fonts.ts';
import { findExecutable, onPath } from './executable.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The record of what each subset was made from (read by the unit tests). */
export const MANIFEST = `${SUBSET_DIR}/subsets.json`;

/** @param {string} path a project-relative path, e.g. "./src/fonts/x.woff2" */
const fromRoot = (path) => join(ROOT, path);
/** @param {string} path */
const sha256 = (path) =>
  createHash('sha256')
    .update(readFileSync(fromRoot(path)))
    .digest('hex');

/** @returns {string} the pyftsubset to run */
function findPyftsubset() {
  let found;
  try {
    found = findExecutable({
      env: 'PYFTSUBSET',
      candidates: [...onPath('pyftsubset'), '/usr/bin/pyftsubset'],
    });
  } catch {
    // PYFTSUBSET names no executable: said below, with how to install one.
  }
  if (!found) {
    const fromEnv = process.env.PYFTSUBSET;
    console.error(
      `No pyftsubset found${fromEnv ? ` at PYFTSUBSET=${fromEnv}` : ''}: install fontTools with Brotli ` +
        '(Debian/Ubuntu: `apt-get install fonttools python3-brotli`; elsewhere: `pip install fonttools brotli`).',
    );
    process.exit(1);
  }
  return found;
}

const pyftsubset = findPyftsubset();
const subsets = fontSubsets();
mkdirSync(fromRoot(SUBSET_DIR), { recursive: true });
// A subset no family uses any more goes; the others are written anew.
const wanted = new Set(subsets.map((subset) => subset.file.split('/').pop()));
for (const name of readdirSync(fromRoot(SUBSET_DIR))) {
  if (name.endsWith('.woff2') && !wanted.has(name)) rmSync(fromRoot(`${SUBSET_DIR}/${name}`));
}

const records = subsets.map((subset) => {
  const run = spawnSync(
    pyftsubset,
    [
      fromRoot(subset.source),
      `--unicodes=${subset.unicodes}`,
      `--layout-features=${subset.layoutFeatures.join(',')}`,
      '--flavor=woff2',
      `--output-file=${fromRoot(subset.file)}`,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) {
    console.error(`pyftsubset failed on ${subset.source}:\n${run.stderr || run.error?.message}`);
    process.exit(1);
  }
  const before = readFileSync(fromRoot(subset.source)).length;
  const after = readFileSync(fromRoot(subset.file)).length;
  console.log(`${subset.file}: ${after} bytes (from ${before})`);
  return { ...subset, sourceSha256: sha256(subset.source), sha256: sha256(subset.file) };
});

writeFileSync(
  fromRoot(MANIFEST),
  `${JSON.stringify(
    {
      $comment:
        'Written by `npm run fonts:subset` (scripts/subset-fonts.mjs) from src/lib/site/fonts.ts: what each subset was cut from. Do not edit.',
      subsets: records,
    },
    null,
    2,
  )}\n`,
);
console.log(`${MANIFEST}: ${records.length} subsets`);
