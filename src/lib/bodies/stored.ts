/**
 * An article's body as the page reads it when scripts/build.mjs rendered it ahead of time
 * (src/lib/articles/loader.ts stores the entry with its `rendered` metadata; the HTML stays in the
 * body cache, src/lib/bodies/cache.ts).
 */
import type { Article } from '../articles/query';
import { readRenderedBody, type RenderedBody } from './cache';

/** What a stored entry holds of its body: the metadata, under the body's key. */
export interface StoredBodyRef {
  /** The body's key in the cache: the entry's digest. */
  key: string;
  metadata: RenderedBody['metadata'];
}

/** The stored body of an article, or undefined when Astro renders it (dev, tests, a live page). */
export function storedBodyOf(article: Pick<Article, 'rendered' | 'digest'>): StoredBodyRef | undefined {
  const { rendered, digest } = article;
  if (!rendered || typeof digest !== 'string') return undefined;
  return { key: digest, metadata: rendered.metadata as unknown as RenderedBody['metadata'] };
}

/**
 * The id astro:asset-imports knows a body's picture by: the path as written, flagged as a content
 * image and tied to the article's file. The same as Astro's own `imageSrcToImportId` (internal to
 * Astro, and pinned to it by tests/unit/bodies.test.ts), with which its content layer imports the
 * images an entry lists in `assetImports`.
 * @param image the path as written in the body: "./podium.jpg"
 * @param filePath the article's file, from the project root
 */
export function assetImportId(image: string, filePath: string): string {
  const params = new URLSearchParams('astroContentImageFlag');
  params.set('importer', filePath);
  return `${image}?${params.toString()}`;
}

/**
 * The article's text as the layout scans it (for the scripts it needs a font for): its MDX, or,
 * for a body rendered ahead of time, whose MDX the store does not keep, its HTML, which holds the
 * same words.
 */
export function scannableText(article: Article): string {
  const stored = storedBodyOf(article);
  return article.body ?? (stored ? readRenderedBody(stored.key).html : '');
}
