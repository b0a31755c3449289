import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkNodeModules } from '../../scripts/link-node-modules.mjs';
import { ROOT } from './build';

const PARTS = ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * A throwaway copy of the project (sources and config; packages linked, caches not shared), so a
 * test can add a broken article and run the real build without touching the working tree or
 * racing another build for Astro's content cache.
 */
export function copyProject(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'news-site-'));
  for (const part of PARTS) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  linkNodeModules(ROOT, dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
