// The Hugo side of the bench: the archive as a Hugo project (bench/hugo/'s config and minimal
// theme, each article a page bundle with its pictures, each person an author term's page), the
// story the "publish one story" build adds, and the `hugo` command the bench runs.
import { spawnSync } from 'node:child_process';
import { cpSync, linkSync, mkdirSync, opendirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hugoPage, hugoPerson } from './page.mjs';

const SKELETON = fileURLToPath(new URL('../../hugo', import.meta.url));

/**
 * The version `hugo version` prints ("hugo v0.111.3+extended linux/amd64 …"), or null when no
 * `hugo` is on the PATH (the bench then leaves Hugo out).
 * @returns {string | null}
 */
export function hugoVersion() {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.trim();
}

/**
 * The command of a cold build: `hugo --quiet`, with Hugo's file cache ignored (`--ignoreCache`;
 * the bench also deletes `resources/` and `public/` first, see {@link makeHugoCold}) and no
 * `--gc`. A warm build (`cold: false`) keeps the cache: the processed pictures of the last build
 * are reused, as they would be on a server that builds again after a story is published.
 * @param {string} dir the project (its cache is `<dir>/cache`: Hugo takes only an absolute path)
 * @param {{ cold?: boolean }} [options]
 * @returns {[string, string[]]}
 */
export function hugoCommand(dir, { cold = true } = {}) {
  return ['hugo', ['--quiet', '--cacheDir', join(dir, 'cache'), ...(cold ? ['--ignoreCache'] : [])]];
}

/** Leaves nothing a previous build of the project could reuse: output, processed pictures, cache. */
export function makeHugoCold(dir) {
  for (const folder of ['public', 'resources', 'cache'])
    rmSync(join(dir, folder), { recursive: true, force: true });
}

/**
 * Writes one article of the MDX archive into the Hugo project `dir` as a page bundle:
 * `content/articles/<slug>/index.md`, with its pictures hard-linked beside it (the same bytes
 * as the MDX archive's, so the same work for Hugo's image processing; a link, since at 150,000
 * articles a copy would be some 12 GB more).
 * @param {string} dir the Hugo project
 * @param {string} articles the MDX archive's articles folder
 * @param {string} file the article's `<slug>.mdx`
 * @param {string} [source] its MDX, when it is not (yet) in `articles`
 */
export function writeHugoArticle(dir, articles, file, source = readFileSync(join(articles, file), 'utf8')) {
  const slug = file.replace(/\.mdx$/, '');
  const bundle = join(dir, 'content/articles', slug);
  mkdirSync(bundle, { recursive: true });
  writeFileSync(join(bundle, 'index.md'), hugoPage(source, file));
  for (const picture of ['lead.jpg', 'figure.png']) {
    try {
      linkSync(join(articles, slug, picture), join(bundle, picture));
    } catch (error) {
      if (error.code === 'EXDEV') cpSync(join(articles, slug, picture), join(bundle, picture));
      else if (error.code !== 'ENOENT') throw error;
    }
  }
}

/**
 * The Hugo project of the MDX archive in `corpus` (`articles/`, and `authors/` unless
 * --no-people): bench/hugo/ (config and theme), a page bundle per article and a term page per
 * person. Reads the archive one file at a time, so it holds no more than one article in memory.
 * @param {string} dir a new folder
 * @param {string} corpus the archive (see bench/lib/corpus.mjs, generateCorpus)
 * @returns {number} the articles written
 */
export function makeHugoProject(dir, corpus) {
  cpSync(SKELETON, dir, { recursive: true });
  const articles = join(corpus, 'articles');
  let count = 0;
  for (const name of entries(articles)) {
    if (!name.endsWith('.mdx')) continue;
    writeHugoArticle(dir, articles, name);
    count++;
  }
  writeHugoPeople(dir, join(corpus, 'authors'));
  return count;
}

/**
 * The people of an `authors/` folder (none when it is missing) as term pages of the `authors`
 * taxonomy: `content/authors/<slug>/_index.md`.
 */
export function writeHugoPeople(dir, authors) {
  for (const name of entries(authors)) {
    if (!name.endsWith('.md') || name.startsWith('_')) continue;
    const page = join(dir, 'content/authors', name.replace(/\.md$/, ''));
    mkdirSync(page, { recursive: true });
    writeFileSync(join(page, '_index.md'), hugoPerson(readFileSync(join(authors, name), 'utf8')));
  }
}

/** The names in a folder, read as a stream (none when it does not exist). */
function* entries(folder) {
  let handle;
  try {
    handle = opendirSync(folder);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw error;
  }
  try {
    for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) yield entry.name;
  } finally {
    handle.closeSync();
  }
}
