// One build at a time per output folder. Two builds at once would share the temporary folder
// beside dist/ (the second empties it while the first writes into it) and Astro's cache. A lock
// file beside dist/ holds the pid of the build that runs; a build that finds it held by a live
// process stops and says so, and one left by a build that died (killed, crashed) is taken over.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The lock file of the builds into `out`: `.dist.lock` beside dist/. @param {string} out */
export const lockFile = (out) => join(dirname(out), `.${basename(out)}.lock`);

/** A lock whose pid is not written yet is that young at most; an older empty one is a leftover. */
const UNWRITTEN_MS = 10_000;

/** Whether a process with this pid runs (EPERM: it does, as another user). @param {number} pid */
const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
};

/**
 * Who holds the lock: its pid, undefined when the lock is gone, or 'unwritten' when it was made
 * this instant and its pid is not in it yet.
 * @param {string} file
 * @returns {number | 'unwritten' | 'stale' | undefined}
 */
function holderOf(file) {
  let text;
  let age;
  try {
    text = readFileSync(file, 'utf8');
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid > 0) return isAlive(pid) ? pid : 'stale';
  return age < UNWRITTEN_MS ? 'unwritten' : 'stale';
}

/**
 * Takes the lock of the builds into `out`, or throws an error that names the lock file and what
 * to do when another live process holds it.
 * @param {string} out the folder the build replaces (dist/)
 * @returns {{ file: string, since: number, release(): void }} the lock; `since` is its mtime, the
 *   moment the build started on the file system's clock; `release` removes it if it is still ours
 */
export function takeBuildLock(out) {
  const file = lockFile(out);
  // Two tries: the second after taking over a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
      const holder = holderOf(file);
      if (typeof holder === 'number' || holder === 'unwritten') {
        throw new Error(
          `Another build into ${out} is running (pid ${holder === 'unwritten' ? 'not yet written' : holder}; ` +
            `lock file ${file}). Wait for it to finish; if no build runs (that pid is gone or is not a ` +
            `build), delete ${file} and build again.`,
        );
      }
      // Left by a build that no longer runs. (Two builds that find the same stale lock in the same
      // instant could both take it over; that needs a crashed build and two new ones at once.)
      if (holder === 'stale') rmSync(file, { force: true });
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return {
      file,
      since: statSync(file).mtimeMs,
      release: () => {
        if (holderOf(file) === process.pid) rmSync(file, { force: true });
      },
    };
  }
  throw new Error(`Could not take the lock ${file}: another build took it at the same moment. Build again.`);
}
