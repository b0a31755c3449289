// Throwaway copies of the project, for the build tests and the benchmark: what a build reads,
// copied, and node_modules linked package by package.
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What a build of the project reads: sources, static files, scripts and config. */
export const PROJECT_PARTS = [
  'src',
  'public',
  'scripts',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
];

/**
 * Copies the project's {@link PROJECT_PARTS} from `root` into `dir` and links its node_modules.
 * @param {string} root the project to copy
 * @param {string} dir an empty or new folder
 */
export function copyProjectTo(root, dir) {
  mkdirSync(dir, { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(join(root, part), join(dir, part), { recursive: true });
  linkNodeModules(root, dir);
}

/**
 * node_modules for a copy: a real folder with one symlink per package of the real node_modules,
 * but none of its caches (.astro, .vite, .cache, …). Astro's cacheDir (./node_modules/.astro: the
 * content-layer data store, fonts, assets), Vite's cache and the social-card cache then live
 * inside the copy, so each copy starts cold and no copy reads or clobbers the caches of the
 * working tree or of another copy built at the same time. Packages still resolve to their real
 * files.
 * @param {string} root the project whose node_modules to link from
 * @param {string} dir the copy, which gets `dir/node_modules`
 */
export function linkNodeModules(root, dir) {
  const target = join(dir, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    symlinkSync(join(root, 'node_modules', entry), join(target, entry));
  }
}
