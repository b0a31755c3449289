import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexShards, saveSearchRecord, yearOfPage } from '../../scripts/search-shards.mjs';

const PATTERN = 'articles/*/index.html';

/** An article page as the site writes its head: the publication instant in the site's zone. */
const articlePage = (published: string, words: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta property="article:published_time" content="${published}">` +
  `<title>${words}</title></head><body><article data-pagefind-body><h1>${words}</h1><p>${words}</p></article></body></html>`;

/** Writes `text` to `file`, making its folder. */
const put = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** Every file under `dir`, relative to it, with its inode. */
const inodes = (dir: string): Map<string, bigint> => {
  const found = new Map<string, bigint>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else found.set(`${prefix}${entry.name}`, statSync(join(folder, entry.name), { bigint: true }).ino);
    }
  };
  walk(dir, '');
  return found;
};

describe('search shards', () => {
  let root: string;
  let out: string;
  let next: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'news-shards-'));
    out = join(root, 'dist');
    next = join(root, '.dist-next');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Indexes `next` as build.mjs does, then swaps it in as dist/ and keeps the record. */
  const publish = async () => {
    const result = await indexShards({ site: next, out, pattern: PATTERN });
    rmSync(out, { recursive: true, force: true });
    renameSync(next, out);
    saveSearchRecord(out, result.record);
    return result;
  };

  it('reads the year the page was published in, in the zone the page gives', () => {
    // Half past midnight on New Year's Day in the site's zone is still the old year in UTC: the
    // page's own year counts, as in the archive listings.
    expect(yearOfPage(articlePage('2024-01-01T00:30:00+02:00', 'x'), 'a.html')).toBe('2024');
    expect(() => yearOfPage('<html><head></head></html>', 'dist/articles/x/index.html')).toThrow(
      /dist\/articles\/x\/index\.html has no <meta property="article:published_time"/,
    );
  });

  it('indexes only the year whose pages changed, and links the other years from dist/', async () => {
    put(join(next, 'articles/old/index.html'), articlePage('2023-03-29T00:00:00+03:00', 'harvest'));
    put(join(next, 'articles/new/index.html'), articlePage('2024-06-10T00:00:00+03:00', 'budget'));
    const first = await publish();
    expect(first).toMatchObject({ pages: 2, shards: ['2024', '2023'], indexed: ['2024', '2023'] });
    // The API the search page imports joins the years, newest first.
    const facade = readFileSync(join(out, 'pagefind/pagefind.js'), 'utf8');
    expect(facade).toContain(`shardedPagefind(new URL('./', import.meta.url), ["2024","2023"])`);
    // With the module that does it beside it.
    expect(readFileSync(join(out, 'pagefind/shards.js'), 'utf8')).toContain(
      'export function shardedPagefind(',
    );
    const before2023 = inodes(join(out, 'pagefind/2023'));

    // The next build: the 2023 page linked as it was (build.mjs links unchanged pages), the 2024
    // page rendered again with other words.
    mkdirSync(join(next, 'articles/old'), { recursive: true });
    linkSync(join(out, 'articles/old/index.html'), join(next, 'articles/old/index.html'));
    put(join(next, 'articles/new/index.html'), articlePage('2024-06-10T00:00:00+03:00', 'talks'));
    const second = await publish();
    expect(second).toMatchObject({ pages: 2, shards: ['2024', '2023'], indexed: ['2024'] });
    // The 2023 bundle is the same files, not a copy or a new index.
    expect(inodes(join(out, 'pagefind/2023'))).toEqual(before2023);

    // The same bytes rendered again (a new file) are still the same shard: nothing is indexed.
    put(join(next, 'articles/old/index.html'), readFileSync(join(out, 'articles/old/index.html'), 'utf8'));
    put(join(next, 'articles/new/index.html'), readFileSync(join(out, 'articles/new/index.html'), 'utf8'));
    expect((await publish()).indexed).toEqual([]);
  });

  it('gives a site without articles one empty bundle in pagefind/ itself', async () => {
    mkdirSync(next, { recursive: true });
    const result = await indexShards({ site: next, out, pattern: PATTERN });
    expect(result).toMatchObject({ pages: 0, shards: [], indexed: [] });
    const entry = JSON.parse(readFileSync(join(next, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).every((language) => language.page_count === 0)).toBe(true);
    expect(existsSync(join(next, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(next, 'pagefind/pagefind-ui.js'))).toBe(true);
  });
});
