import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionBuild, ROOT } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { copyProject } from '../helpers/project-copy';
import { builtFile, paths } from '../helpers/site';

/**
 * scripts/build.mjs starts a build from hard links to the last good build's unchanged pages
 * (scripts/linked-output.mjs). A link shares its file with dist/, so this proves what must hold:
 * dist/ is never written through a link (a page rendered again is a new file), a failed build
 * still leaves dist/ as it was, and the result is the same site a build from nothing makes.
 */
const ENV = { NEWS_BUILD_TIME: '2024-06-11T12:00:00Z' };
const TAKEN_DOWN = 'a-report-taken-down';
const report = (headline: string, published: string, tags: string) => `---
headline: ${headline}
dek: A made-up report for the linked-output test.
byline: JNS
published: '${published}'
section: world
tags: [${tags}]
---

A paragraph of a made-up report.
`;

/** Every file under `dir` with a digest of its bytes. */
function digests(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

/** Hard links to every file of `dir` in `to`: they see any write made to dist/'s files in place. */
function linkTree(dir: string, to: string): void {
  for (const file of listFiles(dir)) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    linkSync(join(dir, file), join(to, file));
  }
}

describe('a build from the last build’s pages', () => {
  it('never writes into dist/, removes what is gone, and equals a build from nothing', () => {
    const project = copyProject();
    const articles = join(project.dir, 'src/content/articles');
    const dist = join(project.dir, 'dist');
    try {
      const build = () => productionBuild({ root: project.dir, env: ENV });
      writeFileSync(
        join(articles, `${TAKEN_DOWN}.mdx`),
        report('A report taken down', '2023-02-01', 'Takedown'),
      );
      const first = build();
      expect(first.status, first.stderr).toBe(0);
      expect(first.stdout).not.toMatch(/linked from the last build/);
      expect(listFiles(dist)).toContain(builtFile(paths.topic('takedown')));

      // What dist/ holds now, and links that would see it change.
      const before = digests(dist);
      const watch = join(project.dir, 'watch');
      linkTree(dist, watch);

      // A new story (many pages change), and one taken down (its pages must go).
      writeFileSync(join(articles, 'a-later-report.mdx'), report('A later report', '2023-04-02', 'Israel'));
      rmSync(join(articles, `${TAKEN_DOWN}.mdx`));
      const second = build();
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toMatch(
        /\d+ unchanged pages linked from the last build, \d+ no longer built removed\./,
      );
      // Every file of the old dist/ still has its old bytes, though pages were rendered again.
      expect(digests(watch)).toEqual(before);

      // The article taken down is gone, with its card and its only topic.
      const built = listFiles(dist);
      for (const gone of [
        paths.article(TAKEN_DOWN),
        paths.card(TAKEN_DOWN, 'png'),
        paths.topic('takedown'),
      ]) {
        expect(built).not.toContain(builtFile(gone));
      }
      expect(built).toContain(builtFile(paths.article('a-later-report')));

      // A failed build that started from links leaves dist/ exactly as it was.
      const good = digests(dist);
      const broken = join(articles, 'tweet-without-handle.mdx');
      copyFileSync(join(ROOT, 'tests/fixtures/broken-articles/tweet-without-handle.mdx'), broken);
      const bad = build();
      expect(bad.status).not.toBe(0);
      expect(bad.stdout + bad.stderr).toMatch(/linked from the last build|dist was left as it was/);
      expect(digests(dist)).toEqual(good);
      rmSync(broken);

      // A build from nothing (another folder: Astro's cache does not apply) makes the same site.
      const cold = productionBuild({ root: project.dir, env: ENV, outDir: join(project.dir, 'cold') });
      expect(cold.status, cold.stderr).toBe(0);
      expect(digests(dist)).toEqual(digests(join(project.dir, 'cold')));
    } finally {
      project.remove();
    }
  });
});
