// `npm run build:due`: builds the site (scripts/build.mjs) only when that would publish something:
// a held-back article or update has fallen due, or the sources changed since the last build.
// Otherwise it says why not and stops, at the cost of a walk of the sources' file names (well
// under a second), so a timer may run it every minute (deploy/news-build.timer). It reads what
// build.mjs recorded beside dist/ (scripts/schedule.mjs); arguments go on to build.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCommand, runInherited } from './astro.mjs';
import { decide, outFolder, readSchedule, sourcesFingerprint } from './schedule.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = outFolder(root);
// The build's clock (src/lib/site/clock.ts): NEWS_BUILD_TIME pins it, for tests.
const now = process.env.NEWS_BUILD_TIME ? new Date(process.env.NEWS_BUILD_TIME) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(
    `NEWS_BUILD_TIME=${process.env.NEWS_BUILD_TIME} is not a date; write an ISO instant such as 2023-03-30T12:00:00Z`,
  );
  process.exit(1);
}
const decision = decide({
  now,
  hasBuild: existsSync(out),
  sources: sourcesFingerprint(root, out),
  ...readSchedule(out),
});
if (!decision.build) {
  console.log(`Not building: ${decision.reason}.`);
  process.exit(0);
}
console.log(`Building: ${decision.reason}.`);
process.exit(runInherited(buildCommand(root, process.argv.slice(2)), { cwd: root }) ?? 1);
