import { astroCommand, buildCommand, ROOT, runCaptured } from '../../scripts/astro.mjs';

export { ROOT };

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, colour codes removed. */
  output: string;
  /** stdout alone (Astro's page log), colour codes removed. */
  stdout: string;
  /** stderr alone (the build's errors), colour codes removed. */
  stderr: string;
}

/**
 * Runs the real `astro build` (on the Node running the tests, which is the project's Node 24).
 * @param cwd the project folder to build (the repo, or a temporary copy of it)
 * @param args extra CLI arguments, e.g. ['--outDir', '/tmp/x']
 * @param env extra environment, e.g. { BASE_PATH: '/news/' }
 */
export function astroBuild(cwd: string, args: string[] = [], env: Record<string, string> = {}): BuildResult {
  return runCaptured(astroCommand(['build', ...args]), { cwd, env });
}

/**
 * Runs the real production build, `scripts/build.mjs` (Astro, then the Pagefind index, then the
 * swap into dist/), of the project at `root`: the repository, or a copy of it.
 * @param options.root the project folder (default: this repository)
 * @param options.outDir absolute path of the folder the finished site replaces (NEWS_OUT_DIR);
 *   default: the project's own dist/
 * @param options.env extra environment, e.g. { BASE_PATH: '/news/' }
 */
export function productionBuild({
  root = ROOT,
  outDir,
  env = {},
}: { root?: string; outDir?: string; env?: Record<string, string> } = {}): BuildResult {
  const dir = root.endsWith('/') ? root : `${root}/`;
  return runCaptured(buildCommand(dir), { cwd: dir, env: outDir ? { ...env, NEWS_OUT_DIR: outDir } : env });
}
