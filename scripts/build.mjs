// Builds the site without ever leaving a half-written dist/. Astro writes to a fresh temporary
// folder; only when the whole build has succeeded does that folder replace dist/ (two renames on
// the same file system). A failed build leaves the last good dist/ exactly as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The same folder astro.config.mjs names: dist/, or dist-fixtures/ for the example archive.
const out = `${root}${process.env.NEWS_FIXTURES === '1' ? 'dist-fixtures' : 'dist'}`;
const next = `${root}.dist-next`;
const previous = `${root}.dist-previous`;

rmSync(next, { recursive: true, force: true });
const astroBin = `${root}node_modules/astro/bin/astro.mjs`;
const astro = spawnSync(process.execPath, [astroBin, 'build', '--outDir', next, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(
    `\nBuild failed: ${out} was left as it was${existsSync(out) ? ' (the last good build)' : ''}.`,
  );
  process.exit(astro.status ?? 1);
}

rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(next, out);
rmSync(previous, { recursive: true, force: true });
console.log(`${out} now holds the new build.`);
