// What bench/cards.mjs draws: the text cards (the real article, 24 of the bench archive's
// headlines and deks, Hebrew in each place, the longest headline, one cut with an ellipsis, a
// short one), which of them it writes as samples, and the photographs of the photo cards.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArticle } from '../archive/article.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const LABELS = { israel: 'Israel', 'middle-east': 'Middle East', world: 'World' };
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'Asia/Jerusalem' });

/** Headline, dek, section and date from an article's frontmatter (one-line YAML values). */
function fromFrontmatter(source) {
  const field = (name) => {
    const raw = new RegExp(`^${name}: (.*)$`, 'm').exec(source)?.[1] ?? '';
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    return raw.startsWith('"') ? JSON.parse(raw) : raw;
  };
  const published = field('published');
  return {
    headline: field('headline'),
    dek: field('dek'),
    section: LABELS[field('section')],
    date: dateFormat.format(new Date(published.length === 10 ? `${published}T00:00:00+03:00` : published)),
    siteTitle: 'JNS Wire',
  };
}

/** The real article's card: every other text card changes one thing of it. */
export const real = fromFrontmatter(
  readFileSync(join(ROOT, 'src/content/articles/azerbaijan-opens-embassy-in-israel.mdx'), 'utf8'),
);
const LONG = 'Ministers from eleven countries meet in Jerusalem to discuss water, trade, energy and ';
/**
 * The text cards, the first the reference for pixels.
 * @type {{ name: string, input: import('../../../src/lib/cards/input.ts').SocialCardInput }[]}
 */
export const TEXT_CARDS = [
  { name: 'real article', input: real },
  ...Array.from({ length: 24 }, (_, i) => ({
    name: `archive #${i + 1}`,
    input: fromFrontmatter(generateArticle(i, 1, { photoShare: 0 }).source),
  })),
  {
    name: 'Hebrew headline',
    input: { ...real, headline: 'אלי כהן hosts Azerbaijan’s foreign minister in Jerusalem' },
  },
  {
    name: 'Hebrew dek',
    input: { ...real, dek: 'Foreign Minister אלי כהן (Eli Cohen) called it “יום היסטורי”, a historic day.' },
  },
  { name: 'Hebrew section label', input: { ...real, section: 'חדשות · News' } },
  { name: '150-character headline', input: { ...real, headline: LONG.repeat(2).slice(0, 150) } },
  { name: 'over-long headline', input: { ...real, headline: LONG.repeat(4) } },
  { name: 'short headline', input: { ...real, headline: 'Embassy opens' } },
];
/** The text cards written as samples with --out. */
export const SAMPLES = [
  'real article',
  'Hebrew headline',
  'Hebrew dek',
  'Hebrew section label',
  'over-long headline',
];

/**
 * The photo cards' photographs: the example archive's, and 4 of the bench archive's (seed 1),
 * written into `dir` from the seed's picture pool.
 * @param {{ leads: { data: Buffer }[] }} pool the seed's pictures (bench/lib/archive/pictures.mjs)
 * @param {string} dir
 * @returns {{ name: string, file: string, position: string }[]}
 */
export function photoCards(pool, dir) {
  return [
    {
      name: 'example archive: harvest festival',
      file: join(ROOT, 'tests/fixtures/archive/fixture-harvest-festival/lead.jpg'),
      position: 'bottom',
    },
    ...[0, 3, 6, 9].map((k) => {
      const file = join(dir, `lead-${k}.jpg`);
      writeFileSync(file, pool.leads[k].data);
      return { name: `archive photograph ${k}`, file, position: 'centre' };
    }),
  ];
}
