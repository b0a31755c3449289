// Pre-pass prototype (issue 16, item 1): renders article bodies once per content, outside Astro's
// bundle, into a cache the loader reads (rendered-loader.ts). One Vite server with Astro's own
// setup (getViteConfig, as vitest.config.ts uses it); each body is the article's MDX module, loaded,
// rendered through the container with the site's components, and dropped from the module graph,
// so memory stays flat however many articles there are. Pictures are left as slots for the page
// (PhotoSlot.astro, photo-slots.ts).
//
// CLI: node bench/prototype/prerender.mjs <cache dir> <article files or folders…> [--force]
//   prints the time per body; a body whose key (render-key.ts) is cached is not rendered again.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getViteConfig } from 'astro/config';
import { createServer } from 'vite';
import { rendererDigests, renderKey } from './render-key.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PHOTO_SLOT = join(ROOT, 'bench/prototype/PhotoSlot.astro');

/** Resolves the body components' import of Photo.astro to PhotoSlot.astro. */
const photoSlots = {
  name: 'news-photo-slots',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source.endsWith('/Photo.astro') && importer && /src\/components\/mdx\/\w+\.astro$/.test(importer)) {
      return PHOTO_SLOT;
    }
    return null;
  },
};

/** Starts Astro's Vite server for rendering (no HTTP, no watcher, no dev toolbar annotations). */
export async function startRenderer() {
  // import.meta.env.DEV false, as in a build: nothing rendered may carry dev-only markup
  // (astro:assets adds data-image-component="true" to images in dev).
  process.env.NODE_ENV = 'production';
  const config = await getViteConfig(
    {
      plugins: [photoSlots],
      server: { middlewareMode: true, hmr: false, watch: null, ws: false },
      appType: 'custom',
      logLevel: 'warn',
    },
    { root: ROOT, devToolbar: { enabled: false }, logLevel: 'warn' },
  )({ command: 'serve', mode: 'production' });
  const server = await createServer({ ...config, configFile: false });
  const prepass = await server.ssrLoadModule(join(ROOT, 'bench/prototype/prepass.ts'));
  const timings = { loadMs: 0, renderMs: 0 };
  return {
    server,
    /** Time spent loading MDX modules (Vite: compile, transform, evaluate) and rendering them. */
    timings,
    /**
     * One body: its module loaded, rendered, and dropped again.
     * @param file absolute path of the article
     * @param slots leave pictures as slots (the pre-pass) or render them (today's path)
     */
    async render(file, slots = true) {
      const t0 = performance.now();
      const module = await server.ssrLoadModule(file);
      timings.loadMs += performance.now() - t0;
      try {
        const t1 = performance.now();
        const result = await prepass.renderBody(module, relative(ROOT, file), slots);
        timings.renderMs += performance.now() - t1;
        return result;
      } finally {
        for (const mod of server.moduleGraph.getModulesByFile(file) ?? [])
          server.moduleGraph.invalidateModule(mod);
      }
    },
  };
}

/** The .mdx files under the given files or folders. */
export function articleFiles(paths) {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true })
          .filter((name) => name.endsWith('.mdx') && !name.split('/').at(-1).startsWith('_'))
          .map((name) => resolve(path, name))
          .sort()
      : [resolve(path)],
  );
}

/** Where a key's body is cached: two levels of folders, so no folder holds 150,000 files. */
export const cachePath = (dir, key) => join(dir, key.slice(0, 2), `${key}.json`);

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const [dir, ...paths] = args.filter((arg) => arg !== '--force');
  if (!dir || paths.length === 0) {
    console.error('usage: prerender.mjs <cache dir> <article files or folders…> [--force]');
    process.exit(2);
  }
  const started = performance.now();
  const digests = rendererDigests(ROOT);
  // Vite and Astro take seconds to start: a publish whose bodies are all cached does not start them.
  let renderer;
  let ready = performance.now();
  let rendered = 0;
  let cached = 0;
  let renderMs = 0;
  for (const file of articleFiles(paths)) {
    const key = renderKey(readFileSync(file, 'utf8'), digests);
    const target = cachePath(dir, key);
    if (!force && existsSync(target)) {
      cached++;
      continue;
    }
    if (!renderer) {
      renderer = await startRenderer();
      ready = performance.now();
    }
    const t0 = performance.now();
    const result = await renderer.render(file);
    renderMs += performance.now() - t0;
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
    // Written whole, then renamed: a build stopped half-way leaves no half-written body.
    writeFileSync(`${target}.${process.pid}.tmp`, JSON.stringify(result));
    renameSync(`${target}.${process.pid}.tmp`, target);
    rendered++;
  }
  await renderer?.server.close();
  const total = performance.now() - started;
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(
    JSON.stringify({
      rendered,
      cached,
      startupMs: Math.round(ready - started),
      msPerBody: rendered ? +(renderMs / rendered).toFixed(2) : null,
      loadMsPerBody: rendered ? +(renderer.timings.loadMs / rendered).toFixed(2) : null,
      containerMsPerBody: rendered ? +(renderer.timings.renderMs / rendered).toFixed(2) : null,
      totalMs: Math.round(total),
      rssMiB: Math.round(rss),
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
