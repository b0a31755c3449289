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
