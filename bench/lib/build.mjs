// Runs one build of a copy of the site (or of the bare baseline) as the bench measures it: in the
// environment the builds share, timed from spawn to exit, with the memory of its whole process
// tree sampled every 100 ms and its CPU time taken from /proc, and its output read as it comes
// (bench/lib/log.mjs) and kept in a log file.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fmtMs } from './format.mjs';
import { buildLog, plain } from './log.mjs';

/** The build's "now", so embargoes and "the last two days" never depend on when the bench runs. */
export const BUILD_TIME = '2026-01-01T00:00:00Z';
/** Environment the site reads that would change what gets built; never passed to the builds. */
const SITE_ENV = [
  'NEWS_FIXTURES',
  'NEWS_PAGE_SIZE',
  'NEWS_BUILD_TIME',
  'NEWS_CARD_CACHE_DIR',
  'SITE_URL',
  'BASE_PATH',
];
const SAMPLE_MS = 100;

/**
 * The environment of every build: the bench's own, without what would change what the site
 * builds (SITE_ENV), with the build's "now" pinned, the card cache given, no telemetry and no
 * colour codes in the output.
 * @param {string} cardCache the social-card cache folder of this build
 */
export function buildEnv(cardCache) {
  const env = { ...process.env };
  for (const name of SITE_ENV) delete env[name];
  return {
    ...env,
    NEWS_BUILD_TIME: BUILD_TIME,
    NEWS_CARD_CACHE_DIR: cardCache,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
}

/**
 * Resident memory of a process and all its descendants, in KiB: VmRSS of each, found by walking
 * /proc/<pid>/task/<tid>/children. (Pages shared between processes count once per process.)
 */
function treeRssKiB(rootPid) {
  let total = 0;
  const stack = [rootPid];
  const seen = new Set();
  while (stack.length > 0) {
    const pid = stack.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    let status;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue; // exited between two reads
    }
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (rss) total += Number(rss[1]);
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(/\s+/)) {
          if (child) stack.push(Number(child));
        }
      } catch {
        // the thread ended
      }
    }
  }
  return total;
}

/** Whether this machine has /proc/<pid>/task/<tid>/children (Linux), which memory sampling needs. */
export const CAN_SAMPLE = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on every usual kernel. */
const TICK_MS = 10;

/**
 * The CPU time (user + system) of this process's children that have ended and been waited for,
 * and of their own such descendants, in ms (cutime + cstime of /proc/self/stat); null where
 * there is no /proc. The difference across one build is the CPU time of its whole process tree:
 * the bench runs one build at a time, and a build waits for the processes it starts. Unlike wall
 * time it hardly changes when other work shares the cores, so it shows how the work grows even
 * on a busy machine.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces and parentheses) start at field 3;
    // cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[16 - 3]) + Number(fields[17 - 3])) * TICK_MS;
  } catch {
    return null;
  }
}

/** The most a build's process tree may hold (NEWS_BENCH_MAX_GIB, default 20 GiB) before it is stopped. */
const MEMORY_CEILING_KIB = Number(process.env.NEWS_BENCH_MAX_GIB || 20) * 1024 ** 2;

let current; // the running build, so Ctrl-C can stop it

/** Stops the running build, if any, with its whole process tree (it runs in a group of its own). */
export function stopRunningBuild() {
  if (current?.pid) {
    try {
      process.kill(-current.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/**
 * @typedef {object} BuildRun
 * @property {boolean} ok whether it exited with 0
 * @property {number | string} status its exit code, signal, or "spawn error"
 * @property {number} ms wall time from spawn to exit
 * @property {number | null} peakMiB the largest memory of its process tree (null without /proc)
 * @property {number | null} cpuMs the CPU time of its process tree (null without /proc)
 * @property {object} phases ms per phase, from the log (see bench/lib/log.mjs)
 * @property {Record<string, number>} routes render time by route group, ms
 * @property {Record<string, number>} routeFiles files by route group
 * @property {Record<string, number>} routeMedianMs the median time of one file by route group
 * @property {object} imageLog the image step's files made and reused, ms by format, card ms
 * @property {number} warnings `[WARN]` lines
 * @property {number} copied pages copied from the previous build
 * @property {Record<string, number> | null} publish scripts/build.mjs's publish profile, ms
 * @property {string} log the log file
 * @property {string[]} tail its last 40 lines
 */

/**
 * Runs one build, sampling the memory of its process tree every 100 ms and taking its CPU time.
 * `routeGroup` names the group a built path's render time is added to (see bench/lib/log.mjs);
 * `phased: false` for a build whose output has no Astro phases to report (Hugo's).
 * @param {{ cwd: string, command: [string, string[]], env: Record<string, string>, log: string, routeGroup: (path: string) => string, phased?: boolean }} build
 * @returns {Promise<BuildRun>}
 */
export function runBuild({ cwd, command, env, log, routeGroup, phased = true }) {
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    const tail = [];
    const reader = buildLog(routeGroup);
    let peakKiB = 0;
    const cpuBefore = childrenCpuMs();
    const start = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;

    const [file, args] = command;
    const child = spawn(file, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so an interrupted bench can stop the whole tree
    });
    current = child;
    let overCeiling = false;
    const sample = () => {
      if (!CAN_SAMPLE) return;
      peakKiB = Math.max(peakKiB, treeRssKiB(child.pid));
      // A build that does not fit is stopped before it takes the machine down with it: the
      // bench reports it as not fitting (the machine has 24 GiB; 20 by default).
      if (!overCeiling && peakKiB > MEMORY_CEILING_KIB) {
        overCeiling = true;
        tail.push(`[bench] stopped: the process tree passed ${MEMORY_CEILING_KIB / 1024 ** 2} GiB`);
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    };
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    // A sign of life every 30 s: large builds take minutes.
    const heartbeat = setInterval(() => {
      console.error(
        `[bench]   … ${fmtMs(elapsed())}${phased ? `, ${reader.phase()}` : ''}` +
          `${CAN_SAMPLE ? `, peak so far ${Math.round(peakKiB / 1024)} MiB` : ''}`,
      );
    }, 30_000);

    const onLine = (raw) => {
      const t = elapsed();
      const line = plain(raw);
      out.write(`${(t / 1000).toFixed(2).padStart(8)}  ${line}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
      reader.read(line, t);
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);

    let ms;
    let status;
    child.on('exit', (code, signal) => {
      ms = elapsed();
      status = overCeiling ? 'over the memory ceiling' : (code ?? signal);
      clearInterval(timer);
      clearInterval(heartbeat);
    });
    child.on('error', (error) => {
      clearInterval(timer);
      clearInterval(heartbeat);
      tail.push(String(error));
      ms ??= elapsed();
      status ??= 'spawn error';
    });
    child.on('close', () => {
      current = undefined;
      out.end();
      const end = ms;
      resolve({
        ok: status === 0,
        status,
        ms: Math.round(end),
        peakMiB: CAN_SAMPLE ? Math.round(peakKiB / 1024) : null,
        cpuMs: cpuBefore === null ? null : childrenCpuMs() - cpuBefore,
        ...reader.figures(end),
        log,
        tail,
      });
    });
  });
}
