// The proof for the pre-pass prototype: for every article given, the body rendered ahead of time
// and assembled as a page would (stored HTML + <Photo> at each slot) must be byte for byte the
// body as the site renders it today (`<Content components={mdxComponents} />`, real <Photo>), in
// one Vite server; and that body must be byte for byte the article's body in a built site
// (e.g. /work/baseline/dist-fixtures), image file names aside: those are made by the build that
// writes the files, in both designs at page time.
//
// CLI: node bench/prototype/compare.mjs <built site> <article files or folders…>
//   exits 1 on any difference, printing the first differing bytes.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { articleFiles, startRenderer } from './prerender.mjs';
import { slotImages } from './photo-slots.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The body of a built article page: what <div class="article-body"> holds, as written. */
export function builtBody(page) {
  const open = /<div class="article-body"[^>]*>/.exec(page);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = start;
  let depth = 1;
  for (let match = tags.exec(page); match; match = tags.exec(page)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return page.slice(start, match.index);
  }
  return undefined;
}

/** Image URLs replaced by a token: the dev server's /_image?… and the build's /_astro/… files. */
const withoutImageUrls = (html) => html.replace(/\/(?:_image\/?\?[^"\s,]+|_astro\/[^"\s,]+)/g, 'IMAGE');

const firstDifference = (a, b) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}:\n  expected …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 120))}\n  received …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 120))}`;
};

const [site, ...paths] = process.argv.slice(2);
if (!site || paths.length === 0) {
  console.error('usage: compare.mjs <built site> <article files or folders…>');
  process.exit(2);
}
const renderer = await startRenderer();
const prepass = await renderer.server.ssrLoadModule(join(ROOT, 'bench/prototype/prepass.ts'));
let failed = 0;
for (const file of articleFiles(paths)) {
  const source = relative(ROOT, file);
  const stored = await renderer.render(file, true);
  const images = {};
  for (const path of slotImages(stored.html)) {
    images[path] = (await renderer.server.ssrLoadModule(resolve(dirname(file), path))).default;
  }
  const assembled = await prepass.assembleBody(stored.html, images, source);
  const today = (await renderer.render(file, false)).html;
  const slug = basename(file) === 'index.mdx' ? basename(dirname(file)) : basename(file, '.mdx');
  const page = join(site, 'articles', slug, 'index.html');
  const built = existsSync(page) ? builtBody(readFileSync(page, 'utf8')) : undefined;
  const problems = [];
  if (assembled !== today)
    problems.push(`stored + slots ≠ today's render ${firstDifference(today, assembled)}`);
  if (built !== undefined && withoutImageUrls(built) !== withoutImageUrls(today)) {
    problems.push(
      `today's render ≠ built page ${firstDifference(withoutImageUrls(built), withoutImageUrls(today))}`,
    );
  }
  const slots = Object.keys(images).length;
  const against = built === undefined ? 'no built page (draft or embargoed)' : 'built page';
  if (problems.length === 0) {
    console.log(`same  ${source} (${stored.html.length} bytes stored, ${slots} picture slots; ${against})`);
  } else {
    failed++;
    console.log(`DIFF  ${source}\n  ${problems.join('\n  ')}`);
  }
}
await renderer.server.close();
process.exit(failed > 0 ? 1 : 0);
