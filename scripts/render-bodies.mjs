// The bodies' pre-pass: renders each article's body to HTML once per content, outside Astro's
// bundle, into the cache the articles' loader reads (src/lib/bodies/). scripts/build.mjs runs it
// before `astro build`. A body whose key (src/lib/bodies/key.ts) is cached is not rendered again,
// and with every key cached Vite is not even started. Astro then stores each entry with its
// rendered metadata instead of bundling its MDX as a module (src/lib/articles/loader.ts).
//
// A publish (fewer than 100 new bodies, NEWS_BODIES_AHEAD_MIN, into an archive already rendered)
// leaves its few bodies to Astro: starting Vite and Astro's container here takes seconds, more than
// Astro takes to bundle and render a few bodies itself.
//
// A body this pass cannot render (a mistake of the author's, a live page, whose updates depend on
// the hour) is left to Astro, which renders it as before and, for a mistake, fails with the
// message the author would get without this pass.
//
// CLI: node scripts/render-bodies.mjs [--force]   (NEWS_FIXTURES=1 adds the example archive)
import { globSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { MDX_COMPONENT_NAMES } from '../src/components/mdx/names.ts';
import { articlePatterns } from '../src/lib/articles/source-globs.ts';
import { splitArticle } from '../src/lib/authoring/article-parts.ts';
import { bodyProblem } from '../src/lib/authoring/mdx-allow-list.ts';
import { hasRenderedBody, writeRenderedBody } from '../src/lib/bodies/cache.ts';
import { renderKey, rendererDigests } from '../src/lib/bodies/key.ts';
import { frontBodies } from './front-bodies.mjs';
import { ownArticles } from './parts.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PHOTO_SLOT = join(ROOT, 'src/components/body/PhotoSlot.astro');
const PREPASS = join(ROOT, 'src/lib/bodies/prepass.ts');

/** Sends the body components' import of Photo.astro to PhotoSlot.astro (a picture left as a slot). */
const photoSlots = {
  name: 'news-photo-slots',
  enforce: 'pre',
  /** @param {string} source @param {string | undefined} importer */
  resolveId(source, importer) {
    if (source === '../Photo.astro' && importer?.startsWith(join(ROOT, 'src/components/mdx/'))) {
      return PHOTO_SLOT;
    }
    return null;
  },
};

/**
 * Astro's Vite server, for rendering only (no HTTP, no watcher, no dev toolbar), with the site's
 * config, and the site's MDX processor as @astrojs/mdx makes it for a build.
 */
async function startRenderer() {
  // import.meta.env.DEV false, as in a build: astro:assets adds dev-only markup otherwise.
  process.env.NODE_ENV = 'production';
  const [{ getViteConfig }, { createServer }] = await Promise.all([import('astro/config'), import('vite')]);
  const config = await getViteConfig(
    {
      plugins: [photoSlots],
      server: { middlewareMode: true, hmr: false, watch: null, ws: false },
      appType: 'custom',
      logLevel: 'warn',
    },
    { root: ROOT, devToolbar: { enabled: false }, logLevel: 'warn' },
  )({ command: 'serve', mode: 'production' });
  // Astro's dev-server app (request handling, and a content-config load on start) serves no one
  // here, and would still be starting when the server closes.
  const plugins = (config.plugins ?? []).flat(Infinity).filter((plugin) => plugin?.name !== 'astro:server');
  const server = await createServer({ ...config, plugins, configFile: false });
  const prepass = await server.ssrLoadModule(PREPASS);
  const { default: siteConfig } = await import(pathToFileURL(join(ROOT, 'astro.config.mjs')).href);
  const markdown = siteConfig.markdown ?? {};
  // The options @astrojs/mdx passes when its own options are left as they are (they extend
  // `markdown`'s): astro.config.mjs's mdx() takes none.
  const processor = await markdown.processor.createMdxRenderer(
    {
      syntaxHighlight: markdown.syntaxHighlight,
      shikiConfig: markdown.shikiConfig,
      gfm: markdown.gfm,
      smartypants: markdown.smartypants,
    },
    { optimize: false, srcDir: new URL('src/', pathToFileURL(ROOT)), sourcemap: false },
  );
  return {
    /** @param {string} file absolute @param {string} contents */
    async render(file, contents) {
      const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
      const { code } = await processor.process(content, file, { ...frontmatter });
      const rendered = await prepass.renderCompiled(code, file, relative(ROOT, file));
      // Only what the plugins added to the frontmatter (the word count): the rest is the entry's data.
      rendered.metadata.frontmatter = Object.fromEntries(
        Object.entries(rendered.metadata.frontmatter).filter(([name]) => !(name in frontmatter)),
      );
      return rendered;
    },
    close: () => server.close(),
  };
}

/**
 * For the front of a build in parts (NEWS_FRONT_BODIES, set by scripts/build.mjs), the bodies its
 * feeds may carry, chosen from the sources and written where the articles' loader reads them;
 * undefined for every other build.
 * @returns {Set<string> | undefined}
 */
function frontBodiesList() {
  const list = process.env.NEWS_FRONT_BODIES;
  if (process.env.NEWS_PART !== 'front' || !list) return undefined;
  const now = process.env.NEWS_BUILD_TIME ? new Date(process.env.NEWS_BUILD_TIME) : new Date();
  const chosen = frontBodies(
    ROOT,
    globSync(articlePatterns(process.env.NEWS_FIXTURES === '1'), { cwd: ROOT }),
    { now },
  );
  writeFileSync(`${list}.tmp`, JSON.stringify([...chosen].sort()));
  renameSync(`${list}.tmp`, list);
  return chosen;
}

/** A live page's frontmatter: its updates are shown by the hour, so Astro renders it per build. */
const LIVE = /^coverage:/m;

/**
 * Renders every article body not yet in the cache.
 * @param {{ fixtures: boolean, force?: boolean, minimum?: number }} options fixtures: the example
 *   archive too; minimum: fewer new bodies than this, in an archive already rendered, are left to
 *   Astro (a publish), NEWS_BODIES_AHEAD_MIN or 100
 * @returns {Promise<{ rendered: number, cached: number, left: { file: string, why: string }[], ms: number }>}
 */
export async function renderBodies({
  fixtures,
  force = false,
  minimum = Number(process.env.NEWS_BODIES_AHEAD_MIN || 100),
}) {
  const started = performance.now();
  const digests = rendererDigests(ROOT);
  const files = globSync(articlePatterns(fixtures), { cwd: ROOT }).sort();
  /** @type {{ file: string, why: string }[]} */
  const left = [];
  let cached = 0;
  let rendered = 0;
  // Names and keys only: at 150,000 articles their texts would be a gigabyte held for nothing.
  /** @type {{ file: string, key: string }[]} */
  const due = [];
  // A year slice renders its own years' bodies, the front those its feeds carry (src/lib/parts/).
  const own = ownArticles();
  const front = frontBodiesList();
  for (const file of files) {
    if (front && !front.has(file)) continue;
    const contents = readFileSync(join(ROOT, file), 'utf8');
    if (!own(contents)) continue;
    const key = renderKey(contents, digests);
    if (!force && hasRenderedBody(key)) {
      cached++;
      continue;
    }
    const parts = splitArticle(contents);
    if (parts.frontmatter?.lines.some((line) => LIVE.test(line))) {
      left.push({ file, why: 'a live page' });
      continue;
    }
    // The allow-list before anything is compiled or evaluated: a body that is not content is
    // left to Astro's loader, which refuses it with the file, line and fix.
    if (bodyProblem(parts.body, parts.bodyLine, MDX_COMPONENT_NAMES)) {
      left.push({ file, why: 'refused by the allow-list' });
      continue;
    }
    due.push({ file, key });
  }
  // Publishing a story into a rendered archive: starting Vite and Astro here costs more than
  // Astro rendering a few bodies itself, which it then bundles (they come out the same, byte for
  // byte). They are rendered ahead with the next build that has enough to do.
  if (cached > 0 && due.length > 0 && due.length < minimum) {
    for (const { file } of due)
      left.push({ file, why: `one of ${due.length} new bodies (fewer than ${minimum})` });
    due.length = 0;
  }
  /** @type {Awaited<ReturnType<typeof startRenderer>> | undefined} */
  let renderer;
  try {
    for (const { file, key } of due) {
      renderer ??= await startRenderer();
      try {
        const contents = readFileSync(join(ROOT, file), 'utf8');
        if (renderKey(contents, digests) !== key)
          throw new Error('the file changed while the bodies were rendered');
        writeRenderedBody(key, await renderer.render(join(ROOT, file), contents));
        rendered++;
      } catch (error) {
        left.push({
          file,
          why: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error),
        });
      }
    }
  } finally {
    await renderer?.close();
  }
  return { rendered, cached, left, ms: Math.round(performance.now() - started) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await renderBodies({
    fixtures: process.env.NEWS_FIXTURES === '1',
    force: process.argv.includes('--force'),
  });
  const { rendered, cached, left, ms } = result;
  console.log(
    `Bodies: ${rendered} rendered, ${cached} unchanged, ${left.length} left to Astro ` +
      `(${(ms / 1000).toFixed(1)} s, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB).`,
  );
  for (const { file, why } of left.slice(0, 5)) console.log(`  ${file}: ${why}`);
  if (left.length > 5) console.log(`  … and ${left.length - 5} more`);
  if (process.env.NEWS_BODIES_REPORT) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.NEWS_BODIES_REPORT, JSON.stringify(result));
  }
}
