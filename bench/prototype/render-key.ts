/**
 * The cache key of a rendered body: what the body is, and the code that renders it. A body is
 * rendered again when its own text changes, when the Markdown pipeline changes (the processor's
 * plugins, astro.config.mjs, the versions of Astro, MDX and Sätteri), or when a component it uses
 * changes, with everything that component imports; an edit to <Tweet> re-renders only the
 * bodies with a <Tweet>. Read by plain Node (prerender.mjs) and by the loader alike.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The files every body's HTML depends on, from the project root. */
export const PIPELINE_FILES = [
  'astro.config.mjs',
  'src/lib/articles/heading-ids.ts',
  'src/lib/articles/page-ids.ts',
  'src/lib/articles/word-count.ts',
  'src/lib/photos/local-images-plugin.ts',
  'bench/prototype/PhotoSlot.astro',
  'bench/prototype/photo-slots.ts',
  'bench/prototype/prepass.ts',
];

/** The packages whose versions change how a body renders. */
export const PIPELINE_PACKAGES = ['astro', '@astrojs/mdx', '@astrojs/markdown-satteri', 'satteri'];

/** The folder of the components articles may use (src/components/mdx/index.ts lists them). */
export const COMPONENTS_DIR = 'src/components/mdx';

const IMPORT = /(?:^|\n)\s*import\s+(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * A file and every project file it imports by relative path, transitively (the .astro and .ts
 * code a component runs). Package imports are covered by {@link PIPELINE_PACKAGES}.
 */
export function importClosure(root: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(root, file), 'utf8');
  for (const [, specifier = ''] of text.matchAll(IMPORT)) {
    const target = resolve(root, dirname(file), specifier);
    const found = [target, `${target}.ts`, join(target, 'index.ts')].find(
      (candidate) => existsSync(candidate) && !candidate.endsWith('/'),
    );
    if (found && /\.(ts|astro|mjs)$/.test(found)) importClosure(root, relative(root, found), seen);
  }
  return seen;
}

const digestOf = (parts: readonly string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

/** The digests that make up the key, worked out once per build. */
export interface RendererDigests {
  /** The Markdown pipeline's: plugins, config, package versions. */
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
  const components: Record<string, string> = {};
  for (const [, name = ''] of readFileSync(join(root, COMPONENTS_DIR, 'index.ts'), 'utf8').matchAll(
    /import (\w+) from '\.\/\w+\.astro'/g,
  )) {
    const files = [...importClosure(root, `${COMPONENTS_DIR}/${name}.astro`)].sort();
    components[name] = digestOf(files.map(read));
  }
  return { pipeline: digestOf([...PIPELINE_FILES.map(read), ...versions]), components };
}

/**
 * The components a body uses, by name, as MDX tags (`<Tweet`), outside code: the same reading
 * the render-time scan (since replaced by src/lib/authoring/mdx-allow-list.ts) made of a body.
 */
export function usedComponents(body: string): string[] {
  const prose = body.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  return [...new Set([...prose.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)].map((m) => m[1] ?? ''))].sort();
}

/**
 * A body's cache key: its file's digest (the frontmatter is part of the file, and MDX exports it
 * with the word count), the pipeline's, and those of the components it uses.
 * @param contents the article's whole file
 */
export function renderKey(contents: string, digests: RendererDigests): string {
  const body = contents.replace(/^---\n[\s\S]*?\n---\n/, '');
  const used = usedComponents(body).map((name) => `${name}:${digests.components[name] ?? 'unknown'}`);
  return digestOf([contents, digests.pipeline, ...used]);
}
