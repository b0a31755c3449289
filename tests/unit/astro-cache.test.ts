import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { astroCacheCopies, forgetPagesWrittenSince } from '../../scripts/astro-cache.mjs';
import { astroManifest, savedManifest } from '../../scripts/linked-output.mjs';

/** Output files as Astro's manifest records them (a Hebrew tag's page percent-encoded). */
const LISTING = 'archive/2023/03/index.html';
const HEBREW_TAG = encodeURI('tags/ירושלים/index.html');
const ARTICLE = 'articles/x/index.html';

/** The paths Astro's manifest records, by route. */
type Routes = Record<
  string,
  { dependencyHash: string; paths: Record<string, { cacheKey: string; outputFile: string }> }
>;
const entry = (file: string) => [`/${file}`, { cacheKey: 'k', outputFile: file }] as const;
const MANIFEST = {
  version: 1,
  routes: {
    listings: { dependencyHash: 'd', paths: Object.fromEntries([entry(LISTING), entry(HEBREW_TAG)]) },
    articles: { dependencyHash: 'd', paths: Object.fromEntries([entry(ARTICLE)]) },
  } satisfies Routes,
};

/** Writes `text` to `file`, making its folder, with its mtime `at` (ms). */
const put = (file: string, text: string, at: number) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, at / 1000, at / 1000);
};

/** The output files a manifest on disk records. */
const recorded = (file: string): string[] => {
  const { routes } = JSON.parse(readFileSync(file, 'utf8')) as { routes: Routes };
  return Object.values(routes).flatMap((route) => Object.values(route.paths).map((path) => path.outputFile));
};

describe('a failed build’s cache copies', () => {
  let root: string;
  let out: string;
  const since = Date.parse('2026-01-01T12:00:00Z');
  const before = since - 60_000;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'news-astro-cache-'));
    out = join(root, 'dist');
    const text = JSON.stringify(MANIFEST, null, '\t');
    put(astroManifest(root), text, before);
    put(savedManifest(out), text, before);
    put(join(astroCacheCopies(root), ARTICLE), 'old', before);
    // The failed run rendered the listing and the tag page again (the tag's copy lies at its
    // decoded path, where Astro writes it).
    put(join(astroCacheCopies(root), LISTING), 'with a ghost', since + 5);
    put(join(astroCacheCopies(root), decodeURI(HEBREW_TAG)), 'with a ghost', since);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('are forgotten by Astro’s manifest, and by its copy beside dist/ when that was the same', () => {
    expect(forgetPagesWrittenSince({ root, out, since })).toBe(2);
    expect(recorded(astroManifest(root))).toEqual([ARTICLE]);
    expect(readFileSync(savedManifest(out), 'utf8')).toBe(readFileSync(astroManifest(root), 'utf8'));
  });

  it('are left alone when Astro rewrote its manifest during the run (it describes them)', () => {
    utimesSync(astroManifest(root), (since + 10) / 1000, (since + 10) / 1000);
    expect(forgetPagesWrittenSince({ root, out, since })).toBe(0);
    expect(recorded(astroManifest(root)).sort()).toEqual([ARTICLE, HEBREW_TAG, LISTING].sort());
  });

  it('leave the copy beside dist/ alone when it describes another build', () => {
    put(savedManifest(out), '{}', before);
    expect(forgetPagesWrittenSince({ root, out, since })).toBe(2);
    expect(readFileSync(savedManifest(out), 'utf8')).toBe('{}');
    expect(statSync(astroManifest(root)).mtimeMs).toBeGreaterThan(before);
  });
});
