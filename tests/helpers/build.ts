import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
}

/**
 * Runs the real `astro build` (on the Node running the tests, which is the project's Node 24).
 * @param cwd the project folder to build (the repo, or a temporary copy of it)
 * @param args extra CLI arguments, e.g. ['--outDir', '/tmp/x']
 * @param env extra environment, e.g. { BASE_PATH: '/news/' }
 */
export function astroBuild(cwd: string, args: string[] = [], env: Record<string, string> = {}): BuildResult {
  const run = spawnSync(process.execPath, [`${ROOT}node_modules/astro/bin/astro.mjs`, 'build', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: run.status, output };
}

/**
 * Runs the real production build, `scripts/build.mjs` (Astro, then the Pagefind index, then the
 * swap), into `outDir`.
 * @param outDir absolute path of the folder the finished site replaces (NEWS_OUT_DIR)
 * @param env extra environment, e.g. { BASE_PATH: '/news/' }
 */
export function productionBuild(outDir: string, env: Record<string, string> = {}): BuildResult {
  const run = spawnSync(process.execPath, [`${ROOT}scripts/build.mjs`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, NEWS_OUT_DIR: outDir, FORCE_COLOR: '0', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: run.status, output };
}
