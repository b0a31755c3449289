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
 * @param options.args extra arguments for Astro, e.g. ['--force'] (render every page again,
 *   ignoring Astro's incremental-build cache: a build from nothing)
 */
export function productionBuild({
  root = ROOT,
  outDir,
  env = {},
  args = [],
}: { root?: string; outDir?: string; env?: Record<string, string>; args?: string[] } = {}): BuildResult {
  const dir = root.endsWith('/') ? root : `${root}/`;
  return runCaptured(buildCommand(dir, args), {
    cwd: dir,
    env: outDir ? { ...env, NEWS_OUT_DIR: outDir } : env,
  });
}

/**
 * The lines of a build's output that warn: Astro's `[WARN]` log lines, Node's and Vite's
 * "Warning:" lines, anything else that says "warn". A valid site builds without one: a warning is
 * for something an author should change.
 * @param output the build's output, colour codes removed (see {@link astroBuild})
 */
export function warnings(output: string): string[] {
  return output.split('\n').filter((line) => /\bwarn(ing)?s?\b/i.test(line));
}

/** An error as Astro prints it when a build fails: what the author reads. */
export interface PrintedError {
  /** Astro's name for it, e.g. "AstroUserError"; none for an MDX syntax error. */
  name?: string;
  /** The message, one entry a line (blank lines dropped). */
  message: string[];
  /** How to fix it: the "Hint:" section, when the error has one. */
  hint?: string;
  /** Where: the "Location:" section, `file:line:column` relative to the project. */
  location?: string;
}

/** A section header of Astro's error block, e.g. "  Hint:". */
const SECTION = /^ {2}(Hint|Error reference|Location|Stack trace):$/;
/** A log line ("03:31:00 [ERROR] …"), which ends the message when read upwards. */
const LOG_LINE = /^\d{2}:\d{2}:\d{2} /;

/**
 * Reads the last error block in a build's output, as Astro's logger lays it out:
 * `[Name] message` (more lines may follow), then indented sections "Hint:", "Error reference:",
 * "Location:" and "Stack trace:", each with its text indented below it.
 * @param output the build's output, colour codes removed (see {@link astroBuild})
 * @param projectDir the folder that was built, left out of the location
 * @returns the error, or undefined when the output has no error block
 */
export function printedError(output: string, projectDir: string): PrintedError | undefined {
  const lines = output.split('\n').map((line) => line.trimEnd());
  const stack = lines.findLastIndex((line) => line === '  Stack trace:');
  if (stack < 0) return undefined;
  // The sections above the stack trace, read upwards to the first one.
  const sections: Record<string, string> = {};
  let top = stack;
  for (let i = stack - 1; i >= 0; i--) {
    const header = SECTION.exec(lines[i] ?? '');
    if (header) {
      sections[header[1] ?? ''] = lines
        .slice(i + 1, top)
        .map((line) => line.trim())
        .join('\n');
      top = i;
    } else if (!(lines[i] ?? '').startsWith('    ')) break;
  }
  // The message: up from the first section to its "[Name]" line or to the log line before it.
  let start = top;
  while (start > 0 && !LOG_LINE.test(lines[start - 1] ?? '')) {
    start--;
    if (/^\[\w+\] /.test(lines[start] ?? '')) break;
  }
  const message = lines
    .slice(start, top)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const name = /^\[(\w+)\] /.exec(message[0] ?? '');
  if (name && message[0]) message[0] = message[0].slice(name[0].length);
  const location = sections.Location?.replace(`${projectDir.replace(/\/$/, '')}/`, '');
  return {
    ...(name ? { name: name[1] } : {}),
    message,
    ...(sections.Hint === undefined ? {} : { hint: sections.Hint }),
    ...(location === undefined ? {} : { location }),
  };
}
