import { mkdtempSync, rmSync } from 'node:fs';
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
