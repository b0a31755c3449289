/**
 * The rendered bodies' cache: one JSON file per body, named by its key (src/lib/bodies/key.ts),
 * holding Astro's `rendered` shape. It is keyed by content alone, so it can be shared: two
 * builds (two branches, two machines building different years) that render the same body write
 * the same file, and a folder of cached bodies can be merged into another by copying.
 *
 * Plain Node reads this module too (scripts/render-bodies.mjs).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MarkdownHeading } from 'astro';
import { fromRoot } from '../site/project-root.ts';

/** A body as the cache keeps it: its HTML (with picture slots) and what MDX exported beside it. */
export interface RenderedBody {
  /** The HTML, with a slot for each picture (src/lib/bodies/slots.ts). */
  html: string;
  metadata: {
    /** The headings with their ids, as the MDX module's `getHeadings()` gave them. */
    headings: MarkdownHeading[];
    /** What the Markdown plugins added to the frontmatter (the word count). */
    frontmatter: Record<string, unknown>;
    /** The pictures its slots name, as written relative to the article. */
    pictures: string[];
  };
}

/**
 * The cache's folder: `node_modules/.cache/news-bodies/`, or `NEWS_BODY_CACHE_DIR`. Kept between
 * builds; `npm run build -- --force` renders every body again.
 */
export function bodyCacheDir(): string {
  return process.env.NEWS_BODY_CACHE_DIR || fromRoot('./node_modules/.cache/news-bodies/');
}

/** Where a key's body is kept: two levels, so no folder holds 150,000 files. */
export function bodyCachePath(key: string, dir = bodyCacheDir()): string {
  return join(dir, key.slice(0, 2), `${key}.json`);
}

/** Whether the body of this key has been rendered. */
export function hasRenderedBody(key: string, dir = bodyCacheDir()): boolean {
  return existsSync(bodyCachePath(key, dir));
}

/** The body of this key. @throws when it is not in the cache (a broken invariant: the loader checked) */
export function readRenderedBody(key: string, dir = bodyCacheDir()): RenderedBody {
  const path = bodyCachePath(key, dir);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RenderedBody;
  } catch (error) {
    throw new Error(
      `The rendered body ${path} cannot be read (${error instanceof Error ? error.message : String(error)}); run the build again with --force.`,
      { cause: error },
    );
  }
}

/**
 * Keeps a body. Written whole to a temporary name, then renamed: a build stopped half-way, or two
 * builds writing the same key, never leave a half-written body where a whole one is read.
 */
export function writeRenderedBody(key: string, body: RenderedBody, dir = bodyCacheDir()): void {
  const path = bodyCachePath(key, dir);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(body));
  renameSync(temporary, path);
}
