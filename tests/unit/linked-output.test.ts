import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  astroManifest,
  linkPreviousPages,
  removeStalePages,
  savedManifest,
} from '../../scripts/linked-output.mjs';

/** A Hebrew tag's page, as Astro's manifest records it (percent-encoded) and as it is on disk. */
const HEBREW = {
  recorded: `${encodeURI('tags/ירושלים/index.html')}`,
  onDisk: 'tags/ירושלים/index.html',
};
const ARTICLE = 'articles/x/index.html';

/** An Astro manifest recording these output files (one route, one path each). */
const manifestOf = (files: string[]) =>
  JSON.stringify({
    version: 1,
    routes: {
      'src/pages/x.astro': {
        dependencyHash: 'd',
        paths: Object.fromEntries(files.map((file) => [`/${file}`, { cacheKey: 'k', outputFile: file }])),
      },
    },
  });

/** Writes `text` to `file`, making its folder. */
const put = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

describe('linked output', () => {
  let root: string;
  let out: string;
  let next: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'news-linked-'));
    out = join(root, 'dist');
    next = join(root, '.dist-next');
    const manifest = manifestOf([HEBREW.recorded, ARTICLE]);
    put(astroManifest(root), manifest);
    put(savedManifest(out), manifest);
    put(join(out, HEBREW.onDisk), 'tag page');
    put(join(out, ARTICLE), 'article page');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('links pages at non-ASCII paths, which the manifest records percent-encoded', () => {
    expect(HEBREW.recorded).not.toBe(HEBREW.onDisk);
    expect(linkPreviousPages({ root, out, next }).sort()).toEqual([ARTICLE, HEBREW.recorded].sort());
    expect(statSync(join(next, HEBREW.onDisk)).ino).toBe(statSync(join(out, HEBREW.onDisk)).ino);

    // The tag is gone from the new build: its linked page goes too.
    put(astroManifest(root), manifestOf([ARTICLE]));
    const linked = [ARTICLE, HEBREW.recorded];
    expect(removeStalePages({ root, next, linked })).toBe(1);
    expect(existsSync(join(next, 'tags'))).toBe(false);
    expect(existsSync(join(next, ARTICLE))).toBe(true);
  });

  it('says which file and what to do when Astro left no manifest to tell stale pages by', () => {
    linkPreviousPages({ root, out, next });
    rmSync(astroManifest(root));
    expect(() => removeStalePages({ root, next, linked: [ARTICLE] })).toThrow(
      `${astroManifest(root)} is missing`,
    );
    expect(() => removeStalePages({ root, next, linked: [ARTICLE] })).toThrow('npm run build -- --force');
  });

  it('names both folders when they are on different file systems (no hard links between them)', () => {
    // /dev/shm is a tmpfs, the temporary folder is not (on this project's Linux machines).
    expect(statSync('/dev/shm').dev).not.toBe(statSync(root).dev);
    const elsewhere = mkdtempSync('/dev/shm/news-linked-');
    try {
      expect(() => linkPreviousPages({ root, out, next: elsewhere })).toThrow(
        `${out} and ${elsewhere} are on different file systems`,
      );
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
