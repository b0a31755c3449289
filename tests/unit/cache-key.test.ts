import { describe, expect, it } from 'vitest';
import { cacheKeyOf, withCacheKeys } from '../../src/lib/build-cache/cache-keys';

const entry = (id: string, digest: string | undefined) => ({
  id,
  collection: 'articles',
  digest,
  data: { headline: `Headline ${id}` },
  body: 'Body',
});

describe('cacheKeyOf', () => {
  it('is the same for the same props, and changes with any entry’s digest', () => {
    const props = { article: entry('a', '1'), newer: entry('b', '2'), sameSection: [entry('c', '3')] };
    expect(cacheKeyOf(props)).toBe(cacheKeyOf(structuredClone(props)));
    expect(cacheKeyOf({ ...props, newer: entry('b', '9') })).not.toBe(cacheKeyOf(props));
    expect(cacheKeyOf({ ...props, sameSection: [] })).not.toBe(cacheKeyOf(props));
  });

  it('changes with plain values (pagination) and with extra input', () => {
    const page = { data: [entry('a', '1')], currentPage: 1, lastPage: 2, url: { next: '/s/2/' } };
    expect(cacheKeyOf({ page: { ...page, lastPage: 3 } })).not.toBe(cacheKeyOf({ page }));
    expect(cacheKeyOf({ page }, new Date('2026-01-01T00:00:00Z'))).not.toBe(
      cacheKeyOf({ page }, new Date('2026-01-02T00:00:00Z')),
    );
  });

  it('refuses an entry without a digest, whose changes it could not see', () => {
    expect(() => cacheKeyOf({ article: entry('a', undefined) })).toThrow(/articles\/a.*no digest/);
  });

  it('adds a key to every path, paginate()’s included', () => {
    const paths = withCacheKeys([
      { params: { id: 'a' }, props: { article: entry('a', '1') } },
      { params: { id: 'b' }, props: { article: entry('b', '1') } },
    ]);
    expect(paths.map((p) => p.params.id)).toEqual(['a', 'b']);
    expect(paths[0]?.cacheKey).toMatch(/^[\w-]{43}$/);
    expect(paths[0]?.cacheKey).not.toBe(paths[1]?.cacheKey);
  });

  it('takes each path’s own extra input from a function (a lead photograph’s digest)', () => {
    const paths = [
      { params: { id: 'a' }, props: { article: entry('a', '1') }, photo: 'p1' },
      { params: { id: 'b' }, props: { article: entry('b', '1') }, photo: 'p2' },
    ];
    const keys = withCacheKeys(paths, (path) => path.photo).map((p) => p.cacheKey);
    expect(keys[0]).toBe(cacheKeyOf(paths[0]?.props, 'p1'));
    expect(keys[1]).toBe(cacheKeyOf(paths[1]?.props, 'p2'));
    const replaced = withCacheKeys([{ ...paths[0], photo: 'p3' }], (path) => path.photo);
    expect(replaced[0]?.cacheKey).not.toBe(keys[0]);
  });
});
