import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProjectTo } from '../../scripts/project-copy.mjs';
import { ROOT } from './build';

/**
 * A throwaway copy of the project (sources and config; packages linked, caches not shared), so a
 * test can add a broken article and run the real build without touching the working tree or
 * racing another build for Astro's content cache.
 */
export function copyProject(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'news-site-'));
  copyProjectTo(ROOT, dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The id of the article {@link addPhotoArticle} adds. */
export const PHOTO_ARTICLE_ID = 'hostile-photo';

/**
 * Adds to a copy of the project a folder-style article with a lead photograph (the harvest
 * fixture's picture) whose alt text, caption and credit are hostile text
 * (tests/fixtures/hostile-photo.mdx): `src/content/articles/hostile-photo/index.mdx`.
 * @param dir the copy's folder
 */
export function addPhotoArticle(dir: string): void {
  const folder = join(dir, 'src/content/articles', PHOTO_ARTICLE_ID);
  mkdirSync(folder);
  copyFileSync(join(ROOT, 'tests/fixtures/hostile-photo.mdx'), join(folder, 'index.mdx'));
  copyFileSync(
    join(ROOT, 'tests/fixtures/archive/fixture-harvest-festival/lead.jpg'),
    join(folder, 'lead.jpg'),
  );
}
