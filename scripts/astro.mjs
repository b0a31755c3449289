// How scripts, tests and the bench start Astro (and the production build): one place for the
// binary's path, the Node that runs it and the environment it runs in.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project root (the folder holding package.json), with a final slash. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Astro's CLI in this project's node_modules. */
export const ASTRO_BIN = `${ROOT}node_modules/astro/bin/astro.mjs`;

/** Fields of `import.meta.env` that Astro fills itself, and NODE_ENV, which decides them. */
const IMPORT_META_ENV_NAMES = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'SITE']);

/**
 * The environment Astro runs in: the caller's, plus `extra`, with telemetry off (a build must
 * not call home) and, when the output is read by a program, without colour codes.
 *
 * The caller's NODE_ENV and the names of `import.meta.env`'s own fields are left out (Astro sets
 * them itself: production for a build). Vitest puts NODE_ENV=test, DEV=1, PROD, SSR, MODE and
 * BASE_URL into its environment, and Astro takes `import.meta.env` fields from the environment:
 * a build started from a test would otherwise run with `import.meta.env.DEV` true, showing
 * drafts and embargoed articles and reading every collection again for each page.
 * @param {Record<string, string | undefined>} [extra]
 * @param {{ plain?: boolean }} [options] plain: no colour codes in the output
 */
export function astroEnv(extra = {}, { plain = false } = {}) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !IMPORT_META_ENV_NAMES.has(name)),
  );
  return {
    ...inherited,
    ...extra,
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(plain ? { FORCE_COLOR: '0', NO_COLOR: '1' } : {}),
  };
}

/**
 * The argv that runs Astro's CLI on the Node running us (the project's own Node 24, when started
 * through npm), e.g. `node …/astro.mjs build --outDir x`.
 * @param {string[]} args e.g. ['build', '--outDir', 'x']
 * @param {{ preload?: string }} [options] preload: a module Node loads first (`--import`), by path
 * @returns {[string, string[]]} the executable and its arguments, for spawn()
 */
export function astroCommand(args, { preload } = {}) {
  const node = preload ? ['--import', pathToFileURL(preload).href] : [];
  return [process.execPath, [...node, ASTRO_BIN, ...args]];
}

/**
 * The argv that runs a project's production build (`scripts/build.mjs`: Astro, the search index,
 * the atomic swap into dist/). `root` may be a copy of the project: its own script then builds it.
 * @param {string} [root] the project folder, with a final slash
 * @param {string[]} [args] extra arguments for Astro, e.g. ['--force']
 * @returns {[string, string[]]}
 */
export function buildCommand(root = ROOT, args = []) {
  return [process.execPath, [`${root}scripts/build.mjs`, ...args]];
}

/**
 * Runs a command to the end and returns its status and output (stdout and stderr together,
 * colour codes removed): for tests that read what a build printed.
 * @param {[string, string[]]} command from {@link astroCommand} or {@link buildCommand}
 * @param {{ cwd: string, env?: Record<string, string | undefined> }} options
 * @returns {{ status: number | null, output: string, stdout: string, stderr: string }}
 */
export function runCaptured([file, args], { cwd, env = {} }) {
  const run = spawnSync(file, args, {
    cwd,
    encoding: 'utf8',
    env: astroEnv(env, { plain: true }),
    maxBuffer: 64 * 1024 * 1024,
  });
  const strip = (/** @type {string} */ text) => text.replace(/\u001b\[[0-9;]*m/g, '');
  return {
    status: run.status,
    stdout: strip(run.stdout),
    stderr: strip(run.stderr),
    output: strip(`${run.stdout}\n${run.stderr}`),
  };
}

/**
 * Runs a command with its output on our terminal, to the end.
 * @param {[string, string[]]} command
 * @param {{ cwd: string, env?: Record<string, string | undefined> }} options
 * @returns {number | null} its exit status
 */
export function runInherited([file, args], { cwd, env = {} }) {
  return spawnSync(file, args, { cwd, stdio: 'inherit', env: astroEnv(env) }).status;
}

/**
 * Starts a long-running command (a preview server, a timed build) and returns the child.
 * @param {[string, string[]]} command
 * @param {import('node:child_process').SpawnOptions & { env?: Record<string, string | undefined> }} options
 */
export function start([file, args], { env = {}, ...options }) {
  return spawn(file, args, { ...options, env: astroEnv(env) });
}
