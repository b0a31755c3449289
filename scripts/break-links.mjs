// Preloaded into the Astro process by scripts/build.mjs (`node --import`) when the new build's
// folder starts as hard links to the pages of the last good build (see scripts/linked-output.mjs).
//
// A hard link shares its file with dist/: writing into it in place would change the live site
// while the build runs, and the last good build with it if the build then failed. So before
// anything in this process writes to a file under that folder, the link is broken (the name is
// unlinked; dist/ keeps its file) and the write creates a new file. Covered, each in its callback,
// promise and sync forms: writeFile, appendFile, copyFile, truncate, createWriteStream and open
// with a flag that writes. Not covered: cp/cpSync of a folder, which Node copies file by file with
// its internal functions, not these (a cp of one file is: its destination's link is broken first).
// Neither Astro nor this project's code copies a folder into the build folder; anything that
// starts to would write through the links into dist/ (tests/build/linked-output.test.ts watches
// dist/'s bytes through a build).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = process.env.NEWS_LINKED_OUT_DIR;

if (folder) {
  const inside = resolve(folder) + sep;

  /** @param {unknown} target a path as fs takes one: string, Buffer or file: URL (not an fd) */
  const pathOf = (target) => {
    if (typeof target === 'string') return resolve(target);
    if (target instanceof URL) return target.protocol === 'file:' ? fileURLToPath(target) : undefined;
    if (Buffer.isBuffer(target)) return resolve(target.toString());
    return undefined;
  };

  /** Unlinks `target` if it is a hard link under the folder, so the write makes a file of its own. */
  const breakLink = (target) => {
    const path = pathOf(target);
    if (path === undefined || !path.startsWith(inside)) return;
    try {
      if (fs.lstatSync(path).nlink > 1) fs.unlinkSync(path);
    } catch {
      // No such file: the write will create it.
    }
  };

  /** Whether open()'s flags write (anything but plain reading). */
  const writes = (flags) =>
    typeof flags === 'function' // open(path, callback): flags left out, so 'r'
      ? false
      : typeof flags === 'number'
        ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_TRUNC)) !== 0
        : flags !== undefined && flags !== 'r' && flags !== 'rs' && flags !== 'sr';

  /**
   * Wraps `object[name]` so that the link at argument `at` is broken first.
   * @param {Record<string, Function>} object
   * @param {string} name
   * @param {number} at which argument is the file written to
   * @param {(args: unknown[]) => boolean} [when] only for calls that write
   */
  const guard = (object, name, at, when = () => true) => {
    const original = object[name];
    if (typeof original !== 'function') return;
    object[name] = function (...args) {
      if (when(args)) breakLink(args[at]);
      return original.apply(this, args);
    };
  };

  for (const api of [fs, fs.promises]) {
    for (const name of ['writeFile', 'appendFile', 'truncate']) guard(api, name, 0);
    for (const name of ['copyFile', 'cp']) guard(api, name, 1);
    guard(api, 'open', 0, (args) => writes(args[1]));
  }
  for (const name of ['writeFileSync', 'appendFileSync', 'truncateSync']) guard(fs, name, 0);
  for (const name of ['copyFileSync', 'cpSync']) guard(fs, name, 1);
  guard(fs, 'openSync', 0, (args) => writes(args[1]));
  guard(fs, 'createWriteStream', 0, (args) => {
    const options = args[1];
    return typeof options === 'object' && options !== null && 'flags' in options
      ? writes(options.flags)
      : true;
  });
  // Modules that took named imports (`import { writeFile } from 'node:fs/promises'`) see the
  // guarded functions too.
  syncBuiltinESMExports();
}
