// @ts-check
// Finding a program the project runs but npm does not bring: Chromium (scripts/chromium.mjs),
// nginx (scripts/nginx.mjs), fontTools' pyftsubset (scripts/subset-fonts.mjs). One order for all:
// the environment variable that names it, which must then be right (a wrong value is an error,
// not a silent skip), else the first of the places the caller knows that holds one.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Whether `path` is a file this process may execute (a symlink counts as what it points to).
 * @param {string} path
 * @returns {boolean}
 */
export function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where a shell would look for `command`: that name in each folder of PATH, in order.
 * @param {string} command e.g. "nginx"
 * @returns {string[]} e.g. ["/usr/local/bin/nginx", "/usr/bin/nginx"]
 */
export function onPath(command) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command));
}

/**
 * A candidate place for an executable: a path, or a function that works one out only when it is
 * reached (e.g. asking Playwright where its browser is), giving undefined when it has none.
 * @typedef {string | (() => string | undefined)} Candidate
 */

/**
 * Finds an executable: the path in the environment variable `env` when it is set, else the first
 * of `candidates` that is an executable file.
 * @param {object} where
 * @param {string} where.env the variable that overrides the search, e.g. "NGINX_PATH"
 * @param {Candidate[]} where.candidates tried in order, e.g. `[...onPath('nginx'), '/usr/sbin/nginx']`
 * @returns {string | undefined} its path, or undefined when there is none
 * @throws {Error} when `env` is set to something that is not an executable file
 * @example findExecutable({ env: 'PYFTSUBSET', candidates: onPath('pyftsubset') })
 */
export function findExecutable({ env, candidates }) {
  const fromEnv = process.env[env];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${env}=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  for (const candidate of candidates) {
    const path = typeof candidate === 'function' ? candidate() : candidate;
    if (path && isExecutable(path)) return path;
  }
  return undefined;
}
