import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionBuild } from '../helpers/build';
import { addPhotoArticle, copyProject, PHOTO_ARTICLE_ID } from '../helpers/project-copy';
import { builtFile, paths } from '../helpers/site';
import { runCaptured } from '../../scripts/astro.mjs';

/**
 * scripts/draw-cards-ahead.mjs warms the card cache while Astro bundles. It only helps if it
 * names every card exactly as the cards' pages do: the same input, the same cache key. Here it
 * runs alone on an empty cache; the build that follows must then find every card there and add
 * none, and put the very same bytes in dist/.
 */
describe('social cards drawn ahead of Astro', () => {
  it('are the cards the pages use, under the same keys', () => {
    const project = copyProject();
    const cache = mkdtempSync(join(tmpdir(), 'news-cards-'));
    try {
      // The real article (a card drawn from its text) and one with a lead photograph (a JPEG card).
      addPhotoArticle(project.dir);
      const env = { NEWS_CARD_CACHE_DIR: cache, NEWS_BUILD_TIME: '2024-06-11T12:00:00Z' };

      const ahead = runCaptured([process.execPath, [join(project.dir, 'scripts/draw-cards-ahead.mjs')]], {
        cwd: project.dir,
        env,
      });
      expect(ahead.status, ahead.output).toBe(0);
      expect(ahead.stdout).toContain('Social cards ready ahead of Astro: 2 of 2.');
      const drawn = readdirSync(cache).sort();
      expect(drawn.map((file) => file.replace(/^[0-9a-f]{64}/, '<key>'))).toEqual(['<key>.jpg', '<key>.png']);

      const build = productionBuild({ root: project.dir, env });
      expect(build.status, build.stderr).toBe(0);
      // Every card was a cache hit: the build drew nothing new.
      expect(readdirSync(cache).sort()).toEqual(drawn);
      const bytes = (file: string) => readFileSync(file).toString('base64');
      const cached = drawn.map((file) => bytes(join(cache, file))).sort();
      const built = [
        paths.card('azerbaijan-opens-embassy-in-israel', 'png'),
        paths.card(PHOTO_ARTICLE_ID, 'jpg'),
      ].map((card) => bytes(join(project.dir, 'dist', builtFile(card))));
      expect(built.sort()).toEqual(cached);
    } finally {
      project.remove();
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('say so, once and with the first error, when none of them could be drawn', () => {
    const project = copyProject();
    try {
      // The only article's photograph is not an image: its card cannot be drawn.
      const articles = join(project.dir, 'src/content/articles');
      for (const file of readdirSync(articles)) rmSync(join(articles, file), { recursive: true });
      addPhotoArticle(project.dir);
      writeFileSync(join(articles, PHOTO_ARTICLE_ID, 'lead.jpg'), 'not a JPEG');

      const ahead = runCaptured([process.execPath, [join(project.dir, 'scripts/draw-cards-ahead.mjs')]], {
        cwd: project.dir,
        env: { NEWS_CARD_CACHE_DIR: join(project.dir, 'cards'), NEWS_BUILD_TIME: '2024-06-11T12:00:00Z' },
      });
      expect(ahead.status, ahead.output).toBe(0);
      expect(ahead.stdout).toContain('Social cards ready ahead of Astro: 0 of 1.');
      const warnings = ahead.stderr.split('\n').filter((line) => line.startsWith('Warning: '));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('scripts/draw-cards-ahead.mjs) drew none of 1 card;');
      expect(warnings[0]).toContain(join(articles, PHOTO_ARTICLE_ID, 'lead.jpg'));
    } finally {
      project.remove();
    }
  });
});
