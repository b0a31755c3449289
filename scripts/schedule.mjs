// What a scheduler needs to know to rebuild the site only when that publishes something: when the
// next held-back article or update is due, and what the build in dist/ was made from. Both are
// kept in files beside dist/, never in it: the time of the next embargoed story tells readers
// (and rivals) what is coming. scripts/build.mjs writes them; scripts/build-if-due.mjs, started
// every minute by deploy/news-build.timer (or a CI schedule), reads them and builds only when
// something is due or the sources changed, so a tick with nothing to do costs well under a second.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The folder a build replaces: dist/, or dist-fixtures/ for the example archive (the folder
 * astro.config.mjs names); NEWS_OUT_DIR (an absolute path) puts a build elsewhere, as the
 * base-path test does.
 * @param {string} root the project folder, with a final slash
 * @param {Record<string, string | undefined>} [env]
 */
export const outFolder = (root, env = process.env) =>
  env.NEWS_OUT_DIR
    ? resolve(env.NEWS_OUT_DIR)
    : `${root}${env.NEWS_FIXTURES === '1' ? 'dist-fixtures' : 'dist'}`;

/**
 * The schedule's files beside `out` (named as the lock and the manifest beside it are):
 * - `due` (`.dist-due`): when the next build is due, as an ISO instant ("2023-03-29T05:00:00.000Z")
 *   and a newline, or empty when nothing is held back; plain text, for a shell or a CI job;
 * - `built` (`.dist-sources`): the {@link sourcesFingerprint} of the build in `out`;
 * - `failed` (`.dist-failed`): that of the last build that failed, so a broken article is not
 *   built again every minute until someone changes something.
 * @param {string} out the folder the build replaces
 */
export const scheduleFiles = (out) => {
  const name = (/** @type {string} */ what) => join(dirname(out), `.${basename(out)}-${what}`);
  return { due: name('due'), built: name('sources'), failed: name('failed') };
};

/** The environment the build's output depends on (not its clock: that is what the schedule is for). */
const BUILD_ENV = ['SITE_URL', 'BASE_PATH', 'NEWS_FIXTURES', 'NEWS_PAGE_SIZE'];

/**
 * Folders at the project's top that the build writes or that are not its sources: the packages
 * (package-lock.json stands for them), the outputs, the caches and the test reports. Every name
 * starting with "." goes too (.git, .astro, the build's temporary folders, the schedule's files).
 */
const NOT_SOURCES = new Set([
  'node_modules',
  'dist',
  'dist-fixtures',
  'parts',
  'parts-fixtures',
  'test-results',
  'playwright-report',
  'blob-report',
  'lighthouse',
]);

/**
 * A digest of the build's sources as the file system describes them: every file's path, size and
 * modification time (not its bytes: reading every photograph each minute would cost more than the
 * check may), plus the environment the output depends on. A file added, removed, edited or
 * replaced (a `git pull`, an upload) changes it; a build does not.
 * @param {string} root the project folder
 * @param {string} out the folder the build replaces (left out if it is inside `root`)
 * @param {Record<string, string | undefined>} [env]
 * @param {{ bytes?: boolean }} [options] bytes: every file's bytes instead of its size and time, so
 *   that two checkouts of the same sources agree (the parts of a build: scripts/parts.mjs)
 * @returns {string} 64 hex digits
 */
export function sourcesFingerprint(root, out, env = process.env, { bytes = false } = {}) {
  const hash = createHash('sha256');
  for (const name of BUILD_ENV) hash.update(`${name}=${env[name] ?? ''}\0`);
  const skip = resolve(out);
  /** @param {string} folder @param {string} relative */
  const walk = (folder, relative) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (relative === '' && (entry.name.startsWith('.') || NOT_SOURCES.has(entry.name))) continue;
      if (path === skip) continue;
      const file = `${relative}${entry.name}`;
      if (entry.isDirectory()) {
        walk(path, `${file}/`);
        continue;
      }
      let stats;
      try {
        stats = statSync(path); // a symbolic link: what it points to
      } catch {
        continue; // a dangling link, or a file removed since the listing
      }
      if (!stats.isFile()) continue;
      if (bytes) hash.update(`${file}\0`).update(readFileSync(path)).update('\0');
      else hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\0`);
    }
  };
  walk(resolve(root), '');
  return hash.digest('hex');
}

/**
 * Replaces `file`'s content in one step (a temporary file renamed over it), so a scheduler reading
 * it never sees half of it.
 * @param {string} file
 * @param {string} text
 */
export function writeAtomically(file, text) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/**
 * Records a successful build in `out`: when the next one is due and what this one was built from.
 * @param {string} out
 * @param {{ due: Date | undefined, sources: string }} build
 */
export function recordBuild(out, { due, sources }) {
  const files = scheduleFiles(out);
  writeAtomically(files.due, due ? `${due.toISOString()}\n` : '');
  writeAtomically(files.built, `${sources}\n`);
  rmSync(files.failed, { force: true });
}

/**
 * Records a failed build of these sources (dist/ and its schedule are left as they were), and the
 * build's clock, so a tick after a due instant that this very build already tried does not try
 * the same sources again every minute.
 * @param {string} out
 * @param {string} sources
 * @param {Date} at the failed build's clock (NEWS_BUILD_TIME, else now)
 */
export function recordFailure(out, sources, at) {
  writeAtomically(scheduleFiles(out).failed, `${sources}\n${at.toISOString()}\n`);
}

/** A file's trimmed text, or undefined when it does not exist. @param {string} file */
const readText = (file) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/**
 * What scripts/build.mjs recorded beside `out`: the due instant as written (empty: nothing held
 * back; undefined: no record), the fingerprints of the last good and the last failed build, and
 * the failed build's clock.
 * @param {string} out
 * @returns {{ due: string | undefined, built: string | undefined, failed: string | undefined, failedAt: string | undefined }}
 */
export function readSchedule(out) {
  const files = scheduleFiles(out);
  const [failed, failedAt] = readText(files.failed)?.split('\n') ?? [];
  return { due: readText(files.due), built: readText(files.built), failed, failedAt };
}

/**
 * Whether a scheduled tick should build, and why (the reason is what the log says either way).
 * It builds when there is no build yet, when something held back is due, or when the sources
 * differ from the last good build's, unless these very sources just failed to build (then only a
 * change, or something falling due, tries again).
 * @param {{ now: Date, hasBuild: boolean, sources: string } & Partial<ReturnType<typeof readSchedule>>} state
 *   `hasBuild`: whether `out` exists; `sources`: the fingerprint of the sources now
 * @returns {{ build: boolean, reason: string }}
 */
export function decide({ now, hasBuild, sources, due, built, failed, failedAt }) {
  if (!hasBuild || built === undefined || due === undefined) {
    return { build: true, reason: 'no build is recorded yet' };
  }
  if (due !== '') {
    const at = new Date(due);
    if (Number.isNaN(at.getTime())) return { build: true, reason: `the due time "${due}" is not an instant` };
    if (at.getTime() <= now.getTime()) {
      // These sources already failed at or after that instant: the same build would fail again.
      const triedSince = failedAt === undefined ? Number.NaN : new Date(failedAt).getTime();
      if (sources === failed && triedSince >= at.getTime()) {
        return {
          build: false,
          reason: `the last build of these sources failed after ${due} fell due: fix the sources (or run npm run build) to try again`,
        };
      }
      return { build: true, reason: `something held back was due at ${due}` };
    }
  }
  const waiting = due === '' ? 'nothing is held back' : `nothing is due before ${due}`;
  if (sources !== built) {
    if (sources === failed) {
      return {
        build: false,
        reason: `the last build of these sources failed, and ${waiting}: fix the sources (or run npm run build) to try again`,
      };
    }
    return { build: true, reason: 'the sources changed since the last build' };
  }
  return { build: false, reason: `the sources are as last built, and ${waiting}` };
}
