/**
 * The key of a rendered body: what the body is, and the code that renders it. A body is rendered
 * again when its file changes, when the Markdown pipeline changes (the processor's plugins,
 * astro.config.mjs, the pre-pass's own code, the versions of Astro, MDX and Sätteri), or when a
 * component it uses changes, with everything that component imports: an edit to `<Tweet>`
 * re-renders only the bodies with a `<Tweet>`. The key is also the entry's digest in Astro's
 * store (src/lib/articles/loader.ts), so the cache keys of the pages that show a body change
 * with it (src/lib/build-cache/cache-keys.ts).
 *
 * Plain Node reads this module too (scripts/render-bodies.mjs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The files every body's HTML depends on, from the project root; each with every project file it
 * imports ({@link importClosure}).
 */
export const PIPELINE_FILES = [
  'astro.config.mjs',
  'scripts/render-bodies.mjs',
  'src/components/mdx/index.ts',
  'src/components/body/PhotoSlot.astro',
  'src/components/body/ImageSlot.astro',
  'src/lib/bodies/prepass.ts',
];

/**
 * Project files the pipeline imports that choose which bodies to render, not how: which articles
 * a part of the site renders (src/lib/parts/). Left out of every closure, so that an edit there
 * does not render the whole archive again.
 */
export const NOT_PIPELINE_FILES: ReadonlySet<string> = new Set([
  'scripts/parts.mjs',
  'scripts/front-bodies.mjs',
]);

/** The packages whose versions change how a body renders. */
export const PIPELINE_PACKAGES = ['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'satteri'];

/** The folder of the components articles may use (src/components/mdx/index.ts lists them). */
export const COMPONENTS_DIR = 'src/components/mdx';

// A runtime import or re-export by relative path; `import type` is not code that runs.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * A file and every project file it imports by relative path, transitively (the .astro and .ts
 * code a component runs). Package imports are covered by {@link PIPELINE_PACKAGES}.
 * @param root the project root, absolute
 * @param file from the root
 */
export function importClosure(root: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || NOT_PIPELINE_FILES.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(root, file), 'utf8');
  for (const [, specifier = ''] of text.matchAll(IMPORT)) {
    const target = resolve(root, dirname(file), specifier);
    const found = [target, `${target}.ts`, join(target, 'index.ts')].find(
      (candidate) => /\.(ts|astro|mjs|css)$/.test(candidate) && existsSync(candidate),
    );
    if (found) importClosure(root, relative(root, found), seen);
  }
  return seen;
}

const digestOf = (parts: readonly string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

/** The digests that make up a key, worked out once per build. */
export interface RendererDigests {
  /** The Markdown pipeline's: plugins, config, the pre-pass, package versions. */
  pipeline: string;
  /** Each component's, by its name in MDX: its file and all it imports. */
  components: Record<string, string>;
}

/**
 * Digests the renderer: the pipeline's files and packages, and each component of
 * `src/components/mdx/` with the files it imports.
 * @param root the project root, absolute
 */
export function rendererDigests(root: string): RendererDigests {
  const read = (file: string) => `${file}\n${readFileSync(join(root, file), 'utf8')}`;
  const versions = PIPELINE_PACKAGES.map((name) => {
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    };
    return `${name}@${manifest.version}`;
  });
  const names = [
    ...readFileSync(join(root, COMPONENTS_DIR, 'index.ts'), 'utf8').matchAll(
      /import (\w+) from '\.\/\w+\.astro'/g,
    ),
  ].map(([, name = '']) => name);
  const componentFile = (name: string) => `${COMPONENTS_DIR}/${name}.astro`;
  const components: Record<string, string> = {};
  for (const name of names) {
    components[name] = digestOf([...importClosure(root, componentFile(name))].sort().map(read));
  }
  // The pipeline reaches the components through the list of them (index.ts); each is in the key
  // of the bodies that use it alone, so the pipeline's closure stops at them.
  const stops = new Set(names.map(componentFile));
  const pipeline = new Set<string>(stops);
  for (const file of PIPELINE_FILES) importClosure(root, file, pipeline);
  for (const file of stops) pipeline.delete(file);
  return { pipeline: digestOf([...[...pipeline].sort().map(read), ...versions]), components };
}

/** The components a body uses, by name, as MDX tags (`<Tweet`), outside code. */
export function usedComponents(body: string): string[] {
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  return [...new Set([...prose.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)].map((m) => m[1] ?? ''))].sort();
}

/**
 * A body's key: its whole file's (the frontmatter too, which is cheap to include and keeps the
 * key the file's own), the pipeline's, and those of the components it uses.
 * @param contents the article's whole file
 */
export function renderKey(contents: string, digests: RendererDigests): string {
  const used = usedComponents(contents).map((name) => `${name}:${digests.components[name] ?? 'unknown'}`);
  return digestOf([contents, digests.pipeline, ...used]);
}
