import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { findSystemdAnalyze } from '../../scripts/systemd.mjs';

/**
 * deploy/news-build.service and deploy/news-build.timer, read by systemd's own checker
 * (`systemd-analyze verify`, which reports a misspelt key or a command that does not exist) and
 * its calendar (when the timer fires). Nothing is started: the units are only read.
 */
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const SERVICE = join(PROJECT, 'deploy/news-build.service');
const TIMER = join(PROJECT, 'deploy/news-build.timer');
const analyze = findSystemdAnalyze();

/** Runs systemd-analyze (in UTC, so the calendar's times read the same on every machine). */
function systemdAnalyze(args: string[]) {
  if (!analyze) throw new Error('systemd-analyze is missing: run `node scripts/ensure-test-tools.mjs`');
  return spawnSync(analyze, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

/** The values of `key` in a unit file's `[section]`, in order (comments and other sections left out). */
function settings(file: string, section: string, key: string): string[] {
  let current = '';
  const values: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^\[(\w+)\]$/.exec(line.trim());
    if (header) current = header[1] ?? '';
    const setting = /^(\w+)=(.*)$/.exec(line.trim());
    if (current === section && setting && setting[1] === key) values.push(setting[2] ?? '');
  }
  return values;
}

test.describe('the systemd units that rebuild the site when something is due', () => {
  test('are read by systemd without an error or a warning', () => {
    const verify = systemdAnalyze(['verify', SERVICE, TIMER]);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });

  test('would be caught with a misspelt setting (the check above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-units-'));
    try {
      const service = join(dir, 'news-build.service');
      writeFileSync(service, readFileSync(SERVICE, 'utf8').replace(/^Nice=/m, 'Nicety='));
      copyFileSync(TIMER, join(dir, 'news-build.timer'));
      const verify = systemdAnalyze(['verify', service, join(dir, 'news-build.timer')]);
      expect(verify.stderr).toContain("Unknown key 'Nicety' in section [Service]");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('start the check at the start of every minute, to the second', () => {
    const [calendar, ...more] = settings(TIMER, 'Timer', 'OnCalendar');
    expect(more).toEqual([]);
    const ticks = systemdAnalyze([
      'calendar',
      '--iterations=3',
      '--base-time=2023-03-29 05:30:10 UTC',
      calendar ?? '',
    ]);
    expect(ticks.status, ticks.stderr).toBe(0);
    const times = [...ticks.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): \w+ (\S+ \S+) UTC/g)].map(
      (match) => match[1],
    );
    expect(times).toEqual(['2023-03-29 05:31:00', '2023-03-29 05:32:00', '2023-03-29 05:33:00']);
    // systemd's default accuracy would let a tick drift by up to a minute.
    expect(settings(TIMER, 'Timer', 'AccuracySec')).toEqual(['1s']);
    // A timer starts the service of its own name (no Unit= line needed).
    expect(settings(TIMER, 'Timer', 'Unit')).toEqual([]);
    expect(existsSync(TIMER.replace(/\.timer$/, '.service'))).toBe(true);
  });

  test('run `npm run build:due` once per tick, as a user of its own', () => {
    expect(settings(SERVICE, 'Service', 'Type')).toEqual(['oneshot']);
    expect(settings(SERVICE, 'Service', 'ExecStart')).toEqual(['/usr/bin/env npm run --silent build:due']);
    const { scripts } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['build:due']).toBe('node scripts/build-if-due.mjs');
    expect(existsSync(join(PROJECT, 'scripts/build-if-due.mjs'))).toBe(true);
    const [user] = settings(SERVICE, 'Service', 'User');
    expect(user).toBeTruthy();
    expect(user).not.toBe('root');
  });
});
