import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { FEED_FORMATS, FEED_FORMAT_IDS } from '../../src/lib/feed/formats';
import { SITE_SCOPE } from '../../src/lib/feed/scopes';
import { isText, listFiles } from '../helpers/dist';
import { headersFor, parseHeadersFile } from '../helpers/headers';
import { rawGet, startNginx, type RawResponse, type RunningNginx } from '../helpers/nginx';
import { ARTICLE_ID, distFile, paths } from '../helpers/site';

/**
 * deploy/nginx.conf, proven on the real server: nginx serves the built dist/ with that very file
 * (only its `listen` and `root` lines pointed at a free port and dist/), and its responses are
 * held against public/_headers, the rules Netlify and Cloudflare Pages apply. Every request goes
 * twice: with `Accept-Encoding: gzip` (browsers) and without (some feed readers and tools).
 * Each check lists every path that fails it, so one run shows all that is wrong.
 */
const PROJECT = new URL('../../', import.meta.url);
const DIST = fileURLToPath(new URL('dist/', PROJECT));
const SERVER_BLOCK = readFileSync(new URL('deploy/nginx.conf', PROJECT), 'utf8');
const rules = parseHeadersFile(readFileSync(`${DIST}_headers`, 'utf8'));
/** Every header name _headers sets for some path: nginx must send each exactly where it does. */
const GOVERNED = [...new Set(rules.flatMap((rule) => Object.keys(rule.headers)))];
/** The headers of the rule for every path (`/*`): the security headers. */
const SECURITY = rules.find((rule) => rule.pattern === '/*')?.headers ?? {};
const ARTICLE = paths.article(ARTICLE_ID);
const MISSING = [
  '/no-such-page/',
  paths.article('no-such-article'),
  '/no-such-file.xml',
  '/_astro/no-such.woff2',
];

/** Every built file, with the URL path readers ask for it by ("a/index.html" → "/a/"). */
const FILES = listFiles(DIST)
  .filter((file) => file !== '_headers')
  .map((file) => ({ file, path: `/${file.replace(/(^|\/)index\.html$/, '$1')}` }));
const pathsWhere = (keep: (file: string) => boolean) =>
  FILES.filter(({ file }) => keep(file)).map(({ path }) => path);
/**
 * Every folder of the build with no index.html of its own ("/articles/", "/pagefind/", …): no page
 * is there, though nginx finds the folder.
 */
/** The folders a built file sits in, outermost first: "a/b/c.js" → ["a", "a/b"]. */
const foldersOf = (file: string) =>
  file
    .split('/')
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join('/'));
const FOLDERS = [...new Set(FILES.flatMap(({ file }) => foldersOf(file)))]
  .filter((folder) => !FILES.some(({ file }) => file === `${folder}/index.html`))
  .map((folder) => `/${folder}/`);
/** One hashed asset (the build names it after its content). */
const ASSET = pathsWhere((file) => file.startsWith('_astro/'))[0] ?? '/_astro/ (none built)';
/** The format of a feed file, the site's (at the root) or a section's or tag's (under /feeds/). */
const feedFormatOf = (file: string) =>
  FEED_FORMAT_IDS.find((format) => new RegExp(`^(feeds/.*/)?${FEED_FORMATS[format].file}$`).test(file));
const FEEDS = pathsWhere((file) => feedFormatOf(file) !== undefined);
const SITE_AND_SECTION_FEEDS = FEED_FORMAT_IDS.flatMap((format) => [
  paths.feed(SITE_SCOPE, format),
  paths.feed({ kind: 'section', slug: 'world' }, format),
]);

let nginx: RunningNginx;
const BOTH = [true, false] as const;
const get = (path: string, gzip = true) => rawGet(`${nginx.origin}${path}`, { gzip });
const label = (path: string, gzip: boolean) => `${path} (${gzip ? 'gzip' : 'no gzip'})`;
const fileBytes = (path: string) => readFileSync(distFile(DIST, path));
/** The body as a client that asked for gzip ends up with it. */
const decoded = (response: RawResponse) =>
  response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body;
/** How `sent` differs from `want`, header by header, e.g. `x-frame-options: none, want "DENY"`. */
function differences(sent: Record<string, string>, want: Record<string, string>, names: string[]): string[] {
  const show = (value: string | undefined) => (value === undefined ? 'none' : JSON.stringify(value));
  return names
    .filter((name) => sent[name] !== want[name])
    .map((name) => `${name}: ${show(sent[name])}, want ${show(want[name])}`);
}

test.beforeAll(async () => {
  nginx = await startNginx(SERVER_BLOCK, DIST);
});

test.afterAll(async () => {
  await nginx?.stop();
});

test('every built file comes with exactly the headers _headers gives its path', async () => {
  expect(FILES.length).toBeGreaterThan(20);
  const problems: string[] = [];
  for (const { path } of FILES) {
    const want = headersFor(rules, path);
    // Where _headers names no type, nginx's mime.types picks it (Pagefind's are checked below).
    const names = GOVERNED.filter((name) => name !== 'content-type' || name in want);
    for (const gzip of BOTH) {
      const response = await get(path, gzip);
      const found = [
        ...(response.status === 200 ? [] : [`status ${response.status}`]),
        ...response.repeated.map((name) => `${name} sent twice`),
        ...differences(response.headers, want, names),
      ];
      if (found.length > 0) problems.push(`${label(path, gzip)}: ${found.join('; ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the security headers reach pages, hashed assets, every feed, redirects and the 404 page', async () => {
  expect(Object.keys(SECURITY)).toContain('content-security-policy');
  const checked = [paths.home(), ARTICLE, ARTICLE.slice(0, -1), ASSET, ...SITE_AND_SECTION_FEEDS, ...MISSING];
  const problems: string[] = [];
  for (const path of checked) {
    for (const gzip of BOTH) {
      const found = differences((await get(path, gzip)).headers, SECURITY, Object.keys(SECURITY));
      if (found.length > 0) problems.push(`${label(path, gzip)}: ${found.join('; ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('hashed assets are cached for a year, immutable; pages and a missing asset are not', async () => {
  expect(ASSET).toMatch(/^\/_astro\/.+\.\w+$/);
  const asset = await get(ASSET);
  expect(asset.status).toBe(200);
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await get(ARTICLE)).headers['cache-control']).toBeUndefined();
  // A 404 cached for a year would outlive the deploy that adds the file.
  const missing = await get('/_astro/no-such.woff2');
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control']).toBeUndefined();
});

test('each feed is sent as its format’s media type in UTF-8, with a short cache', async () => {
  // The site's three, and every section's and tag's.
  expect(FEEDS.length).toBeGreaterThanOrEqual(9);
  const problems: string[] = [];
  for (const path of [...FEEDS, paths.feedStylesheet()]) {
    const format = feedFormatOf(path.slice(1));
    const want = format
      ? {
          'content-type': `${FEED_FORMATS[format].mediaType}; charset=utf-8`,
          'cache-control': 'public, max-age=300',
        }
      : { 'content-type': 'application/xml; charset=utf-8' };
    for (const gzip of BOTH) {
      const response = await get(path, gzip);
      const found = differences(response.headers, want, ['content-type', 'cache-control']);
      if (!decoded(response).equals(fileBytes(path))) found.push('body differs from the built file');
      if (found.length > 0) problems.push(`${label(path, gzip)}: ${found.join('; ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('text is sent gzip to clients that ask for it, and as is to the others', async () => {
  const texts = pathsWhere(isText);
  // HTML, CSS, the three feed types, other XML, XSLT, SVG and JSON are all in the build.
  const feedFiles = FEED_FORMAT_IDS.map((format) => FEED_FORMATS[format].file);
  for (const kind of ['/', '.css', ...feedFiles, paths.sitemapIndex(), '.xsl', '.svg']) {
    expect(texts.some((path) => path.endsWith(kind), `a ${kind} file in dist/`)).toBe(true);
  }
  const problems: string[] = [];
  for (const path of texts) {
    const zipped = await get(path, true);
    const type = zipped.headers['content-type'];
    if (zipped.headers['content-encoding'] !== 'gzip') problems.push(`${path} (${type}): not gzip`);
    else if (!gunzipSync(zipped.body).equals(fileBytes(path))) problems.push(`${path}: gzip body differs`);
    // A cache in between must keep the gzip and the plain copy apart.
    if (zipped.headers['vary'] !== 'Accept-Encoding') problems.push(`${path}: no Vary: Accept-Encoding`);

    const plain = await get(path, false);
    if (plain.headers['content-encoding'] !== undefined)
      problems.push(`${path}: gzip to a client that did not ask`);
    else if (!plain.body.equals(fileBytes(path))) problems.push(`${path}: body differs`);
  }
  // Fonts, images and Pagefind's index (gzip inside already) are sent as they are.
  for (const path of pathsWhere((file) => !isText(file))) {
    if ((await get(path)).headers['content-encoding'] !== undefined)
      problems.push(`${path}: compressed twice`);
  }
  expect(problems).toEqual([]);
});

test('an unknown path is answered 404 with the site’s 404 page', async () => {
  const page = readFileSync(`${DIST}404.html`);
  // _headers is for the host, not for readers: Netlify and Cloudflare never serve it either.
  for (const path of [...MISSING, '/_headers']) {
    for (const gzip of BOTH) {
      const response = await get(path, gzip);
      expect(response.status, label(path, gzip)).toBe(404);
      expect(decoded(response).toString('utf8'), label(path, gzip)).toBe(page.toString('utf8'));
      expect(response.headers['content-type'], label(path, gzip)).toMatch(/^text\/html(;|$)/);
    }
  }
});

test('a folder without a page is answered 404 with the site’s 404 page, not nginx’s 403', async () => {
  // The folders a reader trims an address to, and the search index's.
  expect(FOLDERS).toEqual(expect.arrayContaining(['/articles/', '/pagefind/', '/_astro/']));
  const page = readFileSync(`${DIST}404.html`, 'utf8');
  const problems: string[] = [];
  for (const path of FOLDERS) {
    for (const gzip of BOTH) {
      const response = await get(path, gzip);
      const found = [
        ...(response.status === 404 ? [] : [`status ${response.status}`]),
        ...(decoded(response).toString('utf8') === page ? [] : ['not the 404 page']),
        ...differences(response.headers, SECURITY, Object.keys(SECURITY)),
        ...(response.headers['cache-control'] === undefined ? [] : ['cached']),
      ];
      if (found.length > 0) problems.push(`${label(path, gzip)}: ${found.join('; ')}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the Server header names no nginx version, on pages, redirects and errors', async () => {
  const problems: string[] = [];
  for (const path of [paths.home(), ARTICLE, ARTICLE.slice(0, -1), ASSET, '/no-such-page/', '/articles/']) {
    const server = (await get(path)).headers['server'];
    if (server !== 'nginx') problems.push(`${path}: Server ${JSON.stringify(server)}`);
  }
  expect(problems).toEqual([]);
});

test('a directory page is served at its address with the slash, and the address without redirects there', async () => {
  const page = await get(ARTICLE);
  expect(page.status).toBe(200);
  expect(decoded(page).equals(fileBytes(ARTICLE))).toBe(true);
  for (const path of [ARTICLE, paths.section('world')]) {
    const redirect = await get(path.slice(0, -1));
    expect(redirect.status, path).toBe(301);
    // Relative or absolute, the Location must lead to the same server's page with the slash.
    expect(new URL(redirect.headers['location'] ?? '', nginx.origin).href, path).toBe(
      `${nginx.origin}${path}`,
    );
  }
});

test('search files get the types Pagefind needs', async () => {
  const types: Record<string, string> = {
    js: 'application/javascript',
    css: 'text/css',
    json: 'application/json',
    wasm: 'application/wasm', // WebAssembly.instantiateStreaming refuses any other
  };
  const search = pathsWhere((file) => file.startsWith('pagefind/'));
  expect(search.some((path) => path.endsWith('.pf_meta'))).toBe(true);
  const problems: string[] = [];
  for (const path of search) {
    const response = await get(path);
    const type = (response.headers['content-type'] ?? '').split(';')[0];
    const want = types[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
    if (response.status !== 200 || type !== want)
      problems.push(`${path}: ${response.status} ${type}, want ${want}`);
  }
  expect(problems).toEqual([]);
});
