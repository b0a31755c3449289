import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heldBack, nextDue, type ScheduledArticle } from '../../src/lib/articles/schedule';
import { parseNewsDate, type NewsDate } from '../../src/lib/site/dates';
import { siteConfig } from '../../src/site.config';
import {
  decide,
  readSchedule,
  recordBuild,
  recordFailure,
  scheduleFiles,
  sourcesFingerprint,
} from '../../scripts/schedule.mjs';

/** A news date as the article schema reads it, in the site's time zone. */
const news = (value: string): NewsDate => {
  const result = parseNewsDate(value, siteConfig.timeZone);
  if (typeof result === 'string') throw new Error(result);
  return result;
};

const article = (
  published: string,
  more: { draft?: boolean; updates?: string[] } = {},
): ScheduledArticle => ({
  data: {
    published: news(published),
    ...(more.draft === undefined ? {} : { draft: more.draft }),
    ...(more.updates ? { updates: more.updates.map((time) => ({ time: news(time) })) } : {}),
  },
});

// Asia/Jerusalem, the site's zone, is at +03:00 in March 2023 (summer time from March 24).
const NOW = new Date('2023-03-29T05:30:00Z'); // 08:30 in Jerusalem

describe('nextDue', () => {
  it('is the earliest publication time after the build', () => {
    const articles = [
      article('2023-03-28T12:00:00+03:00'), // published
      article('2023-03-29T12:00:00+03:00'),
      article('2023-03-29T09:00:00+03:00'),
      article('2023-04-02'),
    ];
    expect(nextDue(articles, NOW)?.toISOString()).toBe('2023-03-29T06:00:00.000Z');
  });

  it('reads a calendar day as midnight in the site’s time zone', () => {
    expect(siteConfig.timeZone).toBe('Asia/Jerusalem');
    expect(nextDue([article('2023-03-30')], NOW)?.toISOString()).toBe('2023-03-29T21:00:00.000Z');
  });

  it('never waits for a draft, however far ahead it is dated', () => {
    const articles = [article('2023-03-29T09:00:00+03:00', { draft: true }), article('2023-04-01')];
    expect(nextDue(articles, NOW)?.toISOString()).toBe('2023-03-31T21:00:00.000Z');
    expect(nextDue([article('2023-03-29T09:00:00+03:00', { draft: true })], NOW)).toBeUndefined();
    expect(
      nextDue(
        [article('2023-03-29T08:00:00+03:00', { draft: true, updates: ['2023-03-29T09:00:00+03:00'] })],
        NOW,
      ),
    ).toBeUndefined();
  });

  it('waits for the held-back updates of a live page that is already published', () => {
    const live = article('2023-03-29T08:00:00+03:00', {
      updates: ['2023-03-29T08:15:00+03:00', '2023-03-29T10:15:00+03:00', '2023-03-29T09:30:00+03:00'],
    });
    expect(heldBack(live, NOW).map((date) => date.toISOString())).toEqual([
      '2023-03-29T07:15:00.000Z',
      '2023-03-29T06:30:00.000Z',
    ]);
    expect(nextDue([live, article('2023-03-29T12:00:00+03:00')], NOW)?.toISOString()).toBe(
      '2023-03-29T06:30:00.000Z',
    );
  });

  it('is undefined when nothing is held back, and once the instant itself is reached', () => {
    expect(nextDue([], NOW)).toBeUndefined();
    expect(nextDue([article('2023-03-28'), article('2023-03-29T08:30:00+03:00')], NOW)).toBeUndefined();
    expect(nextDue([article('2023-03-29T08:30:01+03:00')], NOW)?.toISOString()).toBe(
      '2023-03-29T05:30:01.000Z',
    );
  });
});

describe('decide (scripts/build-if-due.mjs)', () => {
  const base = { now: NOW, hasBuild: true, sources: 'a', built: 'a', failed: undefined };

  it('builds when nothing was built yet', () => {
    expect(decide({ ...base, hasBuild: false, due: '' })).toEqual({
      build: true,
      reason: 'no build is recorded yet',
    });
    expect(decide({ ...base, built: undefined, due: undefined }).build).toBe(true);
  });

  it('builds once the due instant has come, not before', () => {
    expect(decide({ ...base, due: '2023-03-29T05:30:00.000Z' })).toEqual({
      build: true,
      reason: 'something held back was due at 2023-03-29T05:30:00.000Z',
    });
    expect(decide({ ...base, due: '2023-03-29T05:31:00.000Z' })).toEqual({
      build: false,
      reason: 'the sources are as last built, and nothing is due before 2023-03-29T05:31:00.000Z',
    });
    expect(decide({ ...base, due: '' })).toEqual({
      build: false,
      reason: 'the sources are as last built, and nothing is held back',
    });
  });

  it('builds when the sources changed, but not again after the same sources failed', () => {
    expect(decide({ ...base, sources: 'b', due: '' })).toEqual({
      build: true,
      reason: 'the sources changed since the last build',
    });
    expect(decide({ ...base, sources: 'b', failed: 'b', due: '' })).toEqual({
      build: false,
      reason:
        'the last build of these sources failed, and nothing is held back: fix the sources (or run npm run build) to try again',
    });
    expect(decide({ ...base, sources: 'c', failed: 'b', due: '' }).build).toBe(true);
    // Something falling due tries again, failed or not…
    expect(decide({ ...base, sources: 'b', failed: 'b', due: '2023-03-29T05:00:00.000Z' }).build).toBe(true);
    expect(
      decide({
        ...base,
        sources: 'b',
        failed: 'b',
        failedAt: '2023-03-29T04:59:00.000Z',
        due: '2023-03-29T05:00:00.000Z',
      }).build,
    ).toBe(true);
    // …once: when these sources already failed after it fell due, the next tick waits for a fix.
    expect(
      decide({
        ...base,
        sources: 'b',
        failed: 'b',
        failedAt: '2023-03-29T05:00:30.000Z',
        due: '2023-03-29T05:00:00.000Z',
      }),
    ).toEqual({
      build: false,
      reason:
        'the last build of these sources failed after 2023-03-29T05:00:00.000Z fell due: fix the sources (or run npm run build) to try again',
    });
  });

  it('builds when the due file holds no instant', () => {
    expect(decide({ ...base, due: 'soon' })).toEqual({
      build: true,
      reason: 'the due time "soon" is not an instant',
    });
  });
});

describe('the schedule’s files', () => {
  let root: string;
  let out: string;
  const put = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'news-schedule-'));
    out = join(root, 'dist');
    put('src/content/articles/a.mdx', 'A');
    put('package.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('are beside dist/, never in it, and record the last good and failed builds', () => {
    expect(scheduleFiles(out)).toEqual({
      due: join(root, '.dist-due'),
      built: join(root, '.dist-sources'),
      failed: join(root, '.dist-failed'),
    });
    expect(readSchedule(out)).toEqual({
      due: undefined,
      built: undefined,
      failed: undefined,
      failedAt: undefined,
    });
    recordFailure(out, 'x', new Date('2023-03-29T05:00:00Z'));
    recordBuild(out, { due: new Date('2023-03-29T06:00:00Z'), sources: 'y' });
    expect(readSchedule(out)).toEqual({
      due: '2023-03-29T06:00:00.000Z',
      built: 'y',
      failed: undefined,
      failedAt: undefined,
    });
    recordBuild(out, { due: undefined, sources: 'z' });
    expect(readSchedule(out)).toEqual({ due: '', built: 'z', failed: undefined, failedAt: undefined });
    recordFailure(out, 'w', new Date('2023-03-29T06:01:00Z'));
    expect(readSchedule(out)).toMatchObject({ failed: 'w', failedAt: '2023-03-29T06:01:00.000Z' });
  });

  it('fingerprint the sources and the build’s environment, not what a build writes', () => {
    const env = { SITE_URL: 'https://news.example.org' };
    const first = sourcesFingerprint(root, out, env);
    // What a build writes: dist/, its temporary folders and notes, Astro's caches.
    put('dist/index.html', '<p>');
    put('.dist-next/index.html', '<p>');
    put('.dist-due', '');
    put('.astro/types.d.ts', '');
    put('node_modules/.astro/data-store.json', '{}');
    expect(sourcesFingerprint(root, out, env)).toBe(first);
    // The environment the output depends on, but not the clock.
    expect(sourcesFingerprint(root, out, { ...env, NEWS_BUILD_TIME: '2024-06-11T12:00:00Z' })).toBe(first);
    expect(sourcesFingerprint(root, out, { SITE_URL: 'https://other.example.org' })).not.toBe(first);
    // An article edited (its modification time moves), added or removed.
    utimesSync(join(root, 'src/content/articles/a.mdx'), new Date(), new Date('2030-01-01T00:00:00Z'));
    const edited = sourcesFingerprint(root, out, env);
    expect(edited).not.toBe(first);
    put('src/content/articles/b.mdx', 'B');
    const added = sourcesFingerprint(root, out, env);
    expect(added).not.toBe(edited);
    rmSync(join(root, 'src/content/articles/b.mdx'));
    expect(sourcesFingerprint(root, out, env)).toBe(edited);
  });
});
