import { createHash } from 'node:crypto';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key and
 * module graph match the previous build is copied from it instead of rendered again. A key must
 * therefore change whenever anything the page shows changes. We derive it from the very props the
 * page renders from, so it cannot miss a field: every content entry in them (an article, the
 * articles of a listing page, an article's neighbours) stands as its id and Astro's digest of its
 * frontmatter and body, and everything else (pagination, labels, slugs) as its JSON value.
 *
 * What a page reads outside its props must be passed in `extra` (or, for code and config, is
 * covered by Astro itself: it hashes the page's module graph, the config and the lockfile, and the
 * modules of the content entries the page rendered, with `render()`). Data a page only reads is
 * not covered: another collection's entries (the people an article names) and the files an
 * entry's frontmatter points to (a lead photograph, whose bytes no digest includes) must be in
 * the key (see src/lib/build-cache/outside-inputs.ts).
 */

interface EntryLike {
  id: string;
  collection: string;
  digest?: string | number;
  data: unknown;
}

function isEntry(value: unknown): value is EntryLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EntryLike).id === 'string' &&
    typeof (value as EntryLike).collection === 'string' &&
    'data' in value
  );
}

/**
 * A stable key for what a page renders from.
 * @param props the props `getStaticPaths` gives the page
 * @param extra anything else the page's output depends on that is not in its props
 * @throws when a content entry has no digest (its content could change unseen)
 */
export function cacheKeyOf(props: unknown, extra: unknown = null): string {
  const json = JSON.stringify([props, extra], (_key, value: unknown) => {
    if (isEntry(value)) {
      if (value.digest === undefined) {
        throw new Error(`cacheKeyOf: entry "${value.collection}/${value.id}" has no digest`);
      }
      return `${value.collection}/${value.id}@${String(value.digest)}`;
    }
    if (value instanceof Date) return value.toISOString();
    return value;
  });
  return createHash('sha256').update(json).digest('base64url');
}

/**
 * Adds a {@link cacheKeyOf} key to each path `getStaticPaths` returns.
 * @param extra what the pages read outside their props: one value for every path, or a function
 *   giving each path's own (e.g. the digest of its article's lead photograph)
 * @example return withCacheKeys(stableListing(articles, { listing, pageSize, params: { tag }, props: {} }));
 * @example return withCacheKeys(paths, ({ props }) => leadPhotoDigest(props.article));
 */
export function withCacheKeys<T extends { props?: unknown }>(
  paths: readonly T[],
  extra: (path: T) => unknown,
): (T & { cacheKey: string })[];
export function withCacheKeys<T extends { props?: unknown }>(
  paths: readonly T[],
  extra?: unknown,
): (T & { cacheKey: string })[];
export function withCacheKeys<T extends { props?: unknown }>(
  paths: readonly T[],
  extra: unknown = null,
): (T & { cacheKey: string })[] {
  const extraOf = typeof extra === 'function' ? (extra as (path: T) => unknown) : () => extra;
  return paths.map((path) => ({ ...path, cacheKey: cacheKeyOf(path.props ?? null, extraOf(path)) }));
}
