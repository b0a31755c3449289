import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allParts,
  assignYears,
  ownerOfFile,
  parsePart,
  partName,
  readAssignment,
  sliceOfYear,
  writeAssignment,
} from '../../src/lib/parts/parts';
import { sourceYear } from '../../src/lib/parts/source-year';
import { assemble, checkParts, MergeRefused } from '../../scripts/merge-parts.mjs';
import { configDigest, PART_RECORD } from '../../scripts/parts.mjs';
import { pageUrl, writeSitemapIndex, writeSitemaps } from '../../scripts/sitemaps.mjs';

const ROOT = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(os.tmpdir(), 'news-parts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('part names', () => {
  it('reads and writes the front and the slices', () => {
    for (const name of ['front', 'slice-1-of-1', 'slice-2-of-8', 'slice-8-of-8']) {
      const part = parsePart(name);
      expect('error' in part ? part.error : partName(part)).toBe(name);
    }
    expect(allParts(3).map(partName)).toEqual(['front', 'slice-1-of-3', 'slice-2-of-3', 'slice-3-of-3']);
  });

  it('refuses what is not a part, saying what is', () => {
    for (const name of ['slice-0-of-8', 'slice-9-of-8', 'slice-1-of-65', 'back', 'slice-2', '']) {
      const part = parsePart(name);
      expect(part, name).toHaveProperty('error');
      if ('error' in part) expect(part.error).toContain('"front" or "slice-<i>-of-<n>"');
    }
  });
});

describe('which slice holds a year', () => {
  const counts = new Map([
    ['2016', 9000],
    ['2017', 9500],
    ['2018', 10000],
    ['2019', 10400],
    ['2020', 12000],
    ['2021', 11000],
    ['2022', 9800],
    ['2023', 10100],
    ['2024', 10600],
    ['2025', 11200],
  ]);

  it('balances the slices by article count, each within one year of the others', () => {
    const assignment = assignYears(counts, 4);
    const load = [0, 0, 0, 0];
    for (const [year, slice] of assignment)
      load[slice - 1] = (load[slice - 1] ?? 0) + (counts.get(year) ?? 0);
    const largestYear = Math.max(...counts.values());
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(largestYear);
    expect(new Set(assignment.values())).toEqual(new Set([1, 2, 3, 4]));
  });

  it('keeps every year where it was when a new year begins, and as the new year grows', () => {
    const before = assignYears(counts, 8);
    const withNewYear = assignYears(new Map([...counts, ['2026', 3]]), 8);
    const grown = assignYears(new Map([...counts, ['2026', 14000]]), 8);
    for (const [year, slice] of before) {
      expect(withNewYear.get(year), year).toBe(slice);
      expect(grown.get(year), year).toBe(slice);
    }
    expect(grown.get('2026')).toBe(withNewYear.get('2026'));
  });

  it('is the same whatever order the counts come in', () => {
    const reversed = new Map([...counts].reverse());
    expect(assignYears(reversed, 3)).toEqual(assignYears(counts, 3));
    expect(assignYears(Object.fromEntries(counts), 3)).toEqual(assignYears(counts, 3));
  });

  it('puts a year the assignment does not know in one fixed slice, the same in every part', () => {
    const assignment = assignYears(counts, 8);
    expect(sliceOfYear('2020', assignment, 8)).toBe(assignment.get('2020'));
    expect(sliceOfYear('2031', assignment, 8)).toBe((2031 % 8) + 1);
    expect(sliceOfYear('2031', new Map(), 8)).toBe(sliceOfYear('2031', assignment, 8));
  });

  it('travels through the environment unchanged', () => {
    const assignment = assignYears(counts, 5);
    expect(readAssignment(writeAssignment(assignment))).toEqual(assignment);
    expect(readAssignment(undefined)).toEqual(new Map());
    expect(() => readAssignment('{"twenty":1}')).toThrow('not a years assignment');
  });
});

describe('which part holds an output file', () => {
  it.each([
    ['index.html', { kind: 'front' }],
    ['sections/world/index.html', { kind: 'front' }],
    ['tags/israel/2/index.html', { kind: 'front' }],
    ['archive/index.html', { kind: 'front' }],
    ['feeds/section/world/rss.xml', { kind: 'front' }],
    ['rss.xml', { kind: 'front' }],
    ['_astro/index.Bx1.css', { kind: 'shared' }],
    ['_astro/lead.KFPjhkAM_2mCLhY.avif', { kind: 'shared' }],
    ['sitemaps/news.xml', { kind: 'front' }],
    ['sitemaps/pages-1.xml', { kind: 'front' }],
    ['404.html', { kind: 'front' }],
    ['articles/azerbaijan-opens-embassy-in-israel/index.html', { kind: 'slice' }],
    ['cards/azerbaijan-opens-embassy-in-israel.png', { kind: 'slice' }],
    ['archive/2023/index.html', { kind: 'slice', year: '2023' }],
    ['archive/2023/03/2/index.html', { kind: 'slice', year: '2023' }],
    ['pagefind/2023/pagefind-entry.json', { kind: 'slice', year: '2023' }],
    ['sitemaps/2023.xml', { kind: 'slice', year: '2023' }],
    ['sitemaps/2023-2.xml', { kind: 'slice', year: '2023' }],
    ['sitemap-index.xml', { kind: 'join' }],
    ['pagefind/pagefind.js', { kind: 'join' }],
    ['pagefind/shards.js', { kind: 'join' }],
    ['pagefind/pagefind-ui.css', { kind: 'join' }],
    ['pagefind/pagefind-entry.json', { kind: 'join' }],
    ['pagefind/index/en_1.pf_index', { kind: 'join' }],
  ])('%s', (path, owner) => {
    expect(ownerOfFile(path)).toEqual(owner);
  });
});

describe('the year an article is filed under, read from its source', () => {
  const zone = 'Asia/Jerusalem';
  it.each([
    ['published: 2023-03-29', '2023'],
    ['published: "2023-03-29"', '2023'],
    ["published: '2023-03-29T09:00:00+03:00' # morning", '2023'],
    // 23:30 UTC on 31 December is already New Year's Day in Jerusalem, as the archive files it.
    ['published: 2023-12-31T23:30:00Z', '2024'],
    ['published: not a date', undefined],
    ['  published: 2023-03-29', undefined],
  ])('%s', (line, year) => {
    expect(sourceYear(`---\nheadline: A headline\n${line}\nsection: world\n---\n\nBody.\n`, zone)).toBe(year);
  });

  it('reads only the frontmatter', () => {
    expect(sourceYear('---\nheadline: A\n---\n\npublished: 2023-03-29\n', zone)).toBeUndefined();
    expect(sourceYear('No frontmatter at all.\n', zone)).toBeUndefined();
  });
});

/** Writes a file under `folder`, making its folders. */
function put(folder: string, file: string, text = file): void {
  mkdirSync(dirname(join(folder, file)), { recursive: true });
  writeFileSync(join(folder, file), text);
}

describe('the sitemaps', () => {
  const at = { site: 'https://news.example.com', base: '/' };

  it('files each page under its part: the front’s pages, each year’s articles and archive', () => {
    const site = join(temp, 'sitemaps');
    for (const page of [
      'index.html',
      'tags/ישראל/index.html',
      'archive/index.html',
      'archive/2023/index.html',
      'archive/2024/06/index.html',
      'articles/b/index.html',
      'articles/a/index.html',
      'articles/c/index.html',
      '404.html',
      'pagefind/2023/fragment/x.html',
    ]) {
      put(site, page);
    }
    const years: Record<string, string> = {
      'articles/a/index.html': '2023',
      'articles/b/index.html': '2024',
      'articles/c/index.html': '2023',
    };
    const written = writeSitemaps({ site, at, yearOf: (page) => years[page] ?? '' });
    expect(written.sort()).toEqual(['sitemaps/2023.xml', 'sitemaps/2024.xml', 'sitemaps/pages-1.xml']);
    const locs = (file: string) =>
      [...readFileSync(join(site, file), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs('sitemaps/2023.xml')).toEqual([
      'https://news.example.com/archive/2023/',
      'https://news.example.com/articles/a/',
      'https://news.example.com/articles/c/',
    ]);
    expect(locs('sitemaps/pages-1.xml')).toEqual([
      'https://news.example.com/',
      'https://news.example.com/archive/',
      // A Hebrew tag's folder, percent-encoded as a URL must be.
      'https://news.example.com/tags/%D7%99%D7%A9%D7%A8%D7%90%D7%9C/',
    ]);
    expect(writeSitemapIndex({ site, at })).toEqual(['pages-1.xml', '2024.xml', '2023.xml']);
    expect(locs('sitemap-index.xml')).toEqual([
      'https://news.example.com/sitemaps/pages-1.xml',
      'https://news.example.com/sitemaps/2024.xml',
      'https://news.example.com/sitemaps/2023.xml',
    ]);
  });

  it('writes URLs under the base path', () => {
    expect(pageUrl('articles/a/index.html', { site: 'https://example.org', base: '/news' })).toBe(
      'https://example.org/news/articles/a/',
    );
  });
});

describe('what the merge refuses', () => {
  const env = {
    ...process.env,
    SITE_URL: undefined,
    BASE_PATH: undefined,
    NEWS_PAGE_SIZE: undefined,
    NEWS_FIXTURES: undefined,
  };
  const base = {
    commit: 'abc',
    sources: 'digest',
    config: configDigest(env),
    buildTime: '2026-12-08T00:00:00.000Z',
    due: null,
    assignment: { '2023': 1, '2024': 2 },
  };
  /** A part's output folder with its record and files. */
  function part(name: string, record: Record<string, unknown>, files: string[]): string {
    const folder = join(temp, 'merge', `${name}-${Math.random().toString(36).slice(2)}`);
    for (const file of files) put(folder, file);
    put(folder, PART_RECORD, JSON.stringify({ part: name, ...base, ...record }));
    return folder;
  }
  const front = () => part('front', { kind: 'front', slices: 0, years: [] }, ['index.html', '_astro/a.css']);
  const slice = (index: number, files: string[], extra: Record<string, unknown> = {}) =>
    part(
      `slice-${index}-of-2`,
      { kind: 'slice', index, slices: 2, years: [index === 1 ? '2023' : '2024'], ...extra },
      files,
    );

  it('takes a complete set of parts and puts their files together, one copy of each asset', () => {
    const parts = checkParts(
      [
        front(),
        slice(1, ['articles/a/index.html', 'archive/2023/index.html', '_astro/a.css']),
        slice(2, ['articles/b/index.html']),
      ],
      env,
    );
    const next = join(temp, 'merge', 'next');
    expect(assemble(parts, next)).toBe(5);
    expect(readFileSync(join(next, '_astro/a.css'), 'utf8')).toBe('_astro/a.css');
  });

  it('two different assets under one name', () => {
    const other = slice(1, []);
    put(other, '_astro/a.css', 'other bytes');
    const parts = checkParts([front(), other, slice(2, [])], env);
    expect(() => assemble(parts, join(temp, 'merge', 'next-assets'))).toThrow(
      '_astro/a.css differs between front and slice-1-of-2',
    );
  });

  it.each([
    ['a missing slice', () => [front(), slice(1, [])], 'Parts missing: slice-2-of-2'],
    ['a missing front', () => [slice(1, []), slice(2, [])], 'Parts missing: front'],
    [
      'a part given twice',
      () => [front(), slice(1, []), slice(1, []), slice(2, [])],
      'slice-1-of-2 is given twice',
    ],
    ['another commit', () => [front(), slice(1, [], { commit: 'def' }), slice(2, [])], 'another commit'],
    [
      'other sources',
      () => [front(), slice(1, [], { sources: 'other' }), slice(2, [])],
      'another set of sources',
    ],
    [
      'another build time',
      () => [front(), slice(1, []), slice(2, [], { buildTime: '2026-12-08T00:05:00.000Z' })],
      'another build time',
    ],
    ['another config', () => [front(), slice(1, []), slice(2, [], { config: 'other' })], 'another config'],
    ['another count of slices', () => [front(), slice(1, []), slice(2, [], { slices: 3 })], 'slices of'],
  ])('%s', (_, folders, message) => {
    expect(() => checkParts(folders(), env)).toThrow(MergeRefused);
    expect(() => checkParts(folders(), env)).toThrow(message);
  });

  it('a folder that is not a part', () => {
    expect(() => checkParts([join(temp, 'nowhere')], env)).toThrow(`has no ${PART_RECORD}`);
  });

  it.each([
    ['a file in two parts', [['articles/a/index.html'], ['articles/a/index.html']], 'is in two parts'],
    ['a front file in a slice', [['articles/a/index.html', 'index.html'], []], 'which the front holds'],
    ['another slice’s year', [['archive/2024/index.html'], []], 'the slice of 2024 holds'],
    ['a file the merge writes', [['sitemap-index.xml'], []], 'which the merge writes'],
  ])('%s', (_, [one = [], two = []], message) => {
    const parts = checkParts([front(), slice(1, one), slice(2, two)], env);
    expect(() => assemble(parts, join(temp, 'merge', `next-${Math.random()}`))).toThrow(message);
  });
});

describe('the CI workflow (.github/workflows/build.yml)', () => {
  const workflow = join(ROOT, '.github/workflows/build.yml');
  const validate = (file: string) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/@action-validator/cli/cli.mjs'), file], {
      encoding: 'utf8',
    });

  it('passes action-validator, which fails a broken copy of it', () => {
    const ok = validate(workflow);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const broken = join(temp, 'broken.yml');
    writeFileSync(broken, readFileSync(workflow, 'utf8').replace('needs: parts\n', 'needs: partz\n'));
    const refused = validate(broken);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('unresolved job partz');
  });

  it('runs the commands the README documents: list the parts, build each, merge them', () => {
    const text = readFileSync(workflow, 'utf8');
    expect(text).toContain('$(npm run --silent parts -- --slices "$SLICES" --json)');
    expect(text).toContain('run: npm run build:part -- "${{ matrix.part }}"');
    expect(text).toContain('run: npm run merge-parts -- downloaded/part-*');
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const name of ['parts', 'build:part', 'merge-parts', 'build:parts'])
      expect(scripts[name], name).toBeDefined();
  });
});
