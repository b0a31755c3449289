// node_modules for a throwaway copy of the project (tests, benchmark): a real folder with one
// symlink per package of the real node_modules, but none of its caches (.astro, .vite, .cache, …).
// Astro's cacheDir (./node_modules/.astro: the content-layer data store, fonts, assets), Vite's
// cache and the social-card cache then live inside the copy, so each copy starts cold and no
// copy reads or clobbers the caches of the working tree or of another copy built at the same
// time. Packages still resolve to their real files.
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
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
