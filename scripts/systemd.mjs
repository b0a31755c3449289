// @ts-check
// systemd's own checker, for the deploy check of deploy/news-build.service and .timer
// (tests/e2e/deploy-systemd.spec.ts): `systemd-analyze verify` reads a unit as systemd would.
// Found, in order, at SYSTEMD_ANALYZE_PATH if set (it must then be an executable), on PATH, and
// where Debian puts it.
import { findExecutable, onPath } from './executable.mjs';

/** @returns {string | undefined} the path of systemd-analyze, or undefined if there is none */
export function findSystemdAnalyze() {
  return findExecutable({
    env: 'SYSTEMD_ANALYZE_PATH',
    candidates: [...onPath('systemd-analyze'), '/usr/bin/systemd-analyze', '/bin/systemd-analyze'],
  });
}
