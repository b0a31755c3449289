// Writes the made-up archive to disk: each article's MDX and, in a folder beside it, its pictures
// (`<slug>.mdx` with `<slug>/lead.jpg` and `<slug>/figure.png`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateArticle } from './article.mjs';
import { picturePool, stamp } from './pictures.mjs';

/**
 * Writes an article into `dir`: `<slug>.mdx`, and its pictures in `<slug>/`, each a copy of one
 * of the seed's pictures with the archive's seed and the article's slug written into it, so no
 * two articles' files are the same bytes (see bench/lib/archive/pictures.mjs).
 * @param {string} dir
 * @param {import('./article.mjs').Article} article
 * @param {number} seed the archive's seed (its pictures)
 * @returns {Promise<number>} the bytes of its pictures
 */
export async function writeArticle(dir, article, seed) {
  writeFileSync(join(dir, article.file), article.source);
  if (article.pictures.length === 0) return 0;
  const pool = await picturePool(seed);
  mkdirSync(join(dir, article.slug), { recursive: true });
  let bytes = 0;
  for (const picture of article.pictures) {
    const source = (picture.role === 'lead' ? pool.leads : pool.figures)[picture.pool];
    const data = stamp(source, `JNS Wire bench archive, seed ${seed}: ${picture.file}`);
    writeFileSync(join(dir, picture.file), data);
    bytes += data.length;
  }
  return bytes;
}

/**
 * @typedef {object} ArchiveSummary
 * @property {string[]} files the MDX files written, in order
 * @property {{ slug: string, lead: boolean, figure: boolean }[]} articles which have pictures
 * @property {number} withPhoto articles with a lead photograph
 * @property {number} withFigure articles with a graphic in the body
 * @property {number} sourceImages picture files written
 * @property {number} sourceBytes their bytes
 * @property {number} withAuthors articles that name people in `authors`
 * @property {number} authorships people named, added up over the articles
 * @property {number} corrected articles with a correction or clarification
 * @property {number} notices corrections and clarifications, added up
 */

/**
 * Writes articles `start` … `start + n - 1` of the archive generated from `seed` into `dir`
 * (created if needed) as `<slug>.mdx`, with their pictures. Same seed and shares, same bytes.
 * The people they name are written by `generateRoster` (./roster.mjs).
 * @param {{ start?: number } & import('./article.mjs').Shares} [options]
 * @returns {Promise<ArchiveSummary>}
 */
export async function generateArchive(dir, n, seed = 1, { start = 0, ...shares } = {}) {
  mkdirSync(dir, { recursive: true });
  /** @type {ArchiveSummary} */
  const summary = {
    files: [],
    articles: [],
    withPhoto: 0,
    withFigure: 0,
    sourceImages: 0,
    sourceBytes: 0,
    withAuthors: 0,
    authorships: 0,
    corrected: 0,
    notices: 0,
  };
  for (let i = start; i < start + n; i++) {
    const article = generateArticle(i, seed, shares);
    summary.sourceBytes += await writeArticle(dir, article, seed);
    const lead = article.pictures.some((p) => p.role === 'lead');
    const figure = article.pictures.some((p) => p.role === 'figure');
    summary.files.push(article.file);
    summary.articles.push({ slug: article.slug, lead, figure });
    summary.withPhoto += lead ? 1 : 0;
    summary.withFigure += figure ? 1 : 0;
    summary.sourceImages += article.pictures.length;
    summary.withAuthors += article.authors.length > 0 ? 1 : 0;
    summary.authorships += article.authors.length;
    summary.corrected += article.notices > 0 ? 1 : 0;
    summary.notices += article.notices;
  }
  return summary;
}
