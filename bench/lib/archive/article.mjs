// One article of the made-up archive (bench/generate.mjs): its MDX, from a seeded PRNG, that passes
// the site's real schemas, and which pictures go next to it.
//
// Article i depends only on (i, seed), never on N: the first 1,000 articles of a 4,000-article
// archive are the 1,000-article archive, and `generateArticle(n, seed)` is a new article that fits
// after an archive of n. Its words, its pictures (bench/lib/archive/pictures.mjs) and its people
// (bench/lib/archive/roster.mjs) come from three PRNG streams of its own, so none depends on the
// shares of the others.
import { FIGURE_POOL, LEAD_POOL, figureKind } from './pictures.mjs';
import { mulberry32 } from './prng.mjs';
import { DEFAULT_AUTHOR_SHARE, DEFAULT_CORRECTION_SHARE, makePeople } from './roster.mjs';
import {
  BYLINES,
  CLOSERS,
  DEKS,
  FIGURE_TEXT,
  HEADLINES,
  LEAD_ALTS,
  LEAD_CAPTIONS,
  OBJECTS,
  PEOPLE,
  PHOTO_CREDITS,
  PLACES,
  POSITIONS,
  QUOTE_LINES,
  QUOTE_VERBS,
  SECTIONS,
  SUBJECTS,
  TAGS,
  TAILS,
  VERBS,
} from './words.mjs';
import {
  DAYS,
  DAY_MS,
  FIRST_DAY,
  articleSeed,
  capitalize,
  countWords,
  isoDay,
  pad,
  writer,
  yaml,
} from './writer.mjs';

/** The share of articles with a lead photograph when none is given: one in five. */
export const DEFAULT_PHOTO_SHARE = 0.2;
/** The share of articles with a photograph that also have a `<Figure>` in the body. */
export const FIGURE_SHARE = 0.25;

/**
 * What pictures article `index` has, from a stream of its own (so the text never depends on
 * them): a lead photograph when its first draw is below `photoShare`, and then a body graphic
 * when its second is below FIGURE_SHARE; which of the seed's pictures, and their words.
 */
function makePictures(index, seed, photoShare) {
  const { rand, int, pick, fill } = writer(mulberry32(articleSeed(index, seed) ^ 0x5bd1e995));
  if (!(rand() < photoShare)) return null;
  const hasFigure = rand() < FIGURE_SHARE;
  const lead = {
    pool: int(0, LEAD_POOL - 1),
    alt: fill(pick(LEAD_ALTS)),
    caption: rand() < 0.7 ? fill(pick(LEAD_CAPTIONS)) : undefined,
    credit: pick(PHOTO_CREDITS),
    position: rand() < 0.5 ? pick(POSITIONS) : undefined,
  };
  if (!hasFigure) return { lead, figure: null, figureAfter: 0 };
  const k = int(0, FIGURE_POOL - 1);
  const text = FIGURE_TEXT[figureKind(k)];
  const figure = {
    pool: k,
    alt: fill(pick(text.alts)),
    caption: fill(pick(text.captions)),
    credit: 'JNS graphics',
  };
  // Which paragraph the figure follows, as a fraction of the body (its length is the text's).
  return { lead, figure, figureAfter: rand() };
}

/** One article from its own PRNG stream (and its pictures and people from two others). */
function makeArticle(index, seed, { photoShare, authorShare, correctionShare }) {
  const { rand, int, pick, pickDistinct, fill } = writer(mulberry32(articleSeed(index, seed)));

  const people = pickDistinct(PEOPLE, 3);
  const plainSentence = () =>
    `${fill(pick(SUBJECTS))} ${pick(VERBS)} ${fill(pick(OBJECTS))} ${fill(pick(TAILS))}.`;
  const quoteSentence = () => {
    const who = pick(people);
    return `“${fill(pick(QUOTE_LINES))},” ${who.name} ${pick(QUOTE_VERBS)}.`;
  };
  const sentence = () => {
    const roll = rand();
    if (roll < 0.15) return quoteSentence();
    if (roll < 0.25) return fill(pick(CLOSERS));
    return plainSentence();
  };

  // Body: paragraphs of 3–6 sentences until the target length is reached. The last paragraph
  // stops early (after at least 3 sentences), so the prose stays within 600–1,200 words.
  const target = int(600, 1130);
  const paragraphs = [];
  let words = 0;
  while (words < target) {
    const length = int(3, 6);
    const sentences = [];
    while (sentences.length < length && (sentences.length < 3 || words < target)) {
      const next = sentence();
      sentences.push(next);
      words += countWords(next);
    }
    paragraphs.push(sentences);
  }

  const section = pick(SECTIONS);
  const tags = pickDistinct(TAGS, int(2, 4));
  const agencyByline = pick(BYLINES);
  const day = new Date(FIRST_DAY + int(0, DAYS - 1) * DAY_MS);
  const ymd = isoDay(day);
  const { authors, notices } = makePeople(index, seed, day.getTime(), { authorShare, correctionShare });
  // The byline is the organisation the people write for ("By Adi Barak, JNS"); an agency story
  // keeps its own.
  const byline = authors.length > 0 ? 'JNS' : agencyByline;
  const published = rand() < 0.5 ? ymd : `${ymd}T${pad(int(6, 22))}:${pad(int(0, 11) * 5)}:00+03:00`;

  const headline = capitalize(fill(pick(HEADLINES)));
  const dek = capitalize(fill(pick(DEKS)));
  const slug = `${headline
    .toLowerCase()
    .replace(/’/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 8)
    .join('-')}-${index + 1}`;

  // 1–2 pull-quotes, each repeating a sentence of the body, set after the paragraph it is from.
  const blocks = paragraphs.map((sentences) => sentences.join(' '));
  const inserts = new Map();
  const quoteCount = int(1, 2);
  const candidates = pickDistinct(
    paragraphs.map((_, i) => i).filter((i) => i < paragraphs.length - 1),
    Math.min(quoteCount, paragraphs.length - 1),
  );
  for (const at of candidates) {
    const words = paragraphs[at][int(0, paragraphs[at].length - 1)]
      .replace(/^“/, '')
      .replace(/,” .*$/, '')
      .replace(/\.$/, '');
    const speaker = pick(people);
    inserts.set(
      at,
      `<PullQuote speaker=${JSON.stringify(speaker.name)} role=${JSON.stringify(speaker.role)}>\n  ${words}\n</PullQuote>`,
    );
  }
  // One quoted post, after an early paragraph.
  const poster = people[0];
  const postTag = tags[0].replace(/[^A-Za-z0-9]/g, '');
  const postText = `${fill(pick(QUOTE_LINES))}.\nMet today with @${people[1].handle} in ${pick(PLACES)}. #${postTag}`;
  const tweet = [
    '<Tweet',
    `  name=${JSON.stringify(poster.hebrew && rand() < 0.5 ? `${poster.hebrew} | ${poster.name}` : poster.name)}`,
    `  handle="${poster.handle}"`,
    `  date="${ymd}"`,
    '  lang="en"',
    `  text={\`${postText}\`}`,
    '/>',
  ].join('\n');
  const tweetAfter = Math.min(int(0, 2), blocks.length - 2);

  const pictures = makePictures(index, seed, photoShare);
  // The graphic after a paragraph in the middle (never the last), beside what is already there.
  const figureAfter = pictures?.figure
    ? Math.min(1 + Math.floor(pictures.figureAfter * (blocks.length - 2)), blocks.length - 2)
    : -1;
  const figure =
    pictures?.figure &&
    [
      '<Figure',
      `  src="./${slug}/figure.png"`,
      `  alt=${JSON.stringify(pictures.figure.alt)}`,
      `  credit=${JSON.stringify(pictures.figure.credit)}`,
      '>',
      `  ${pictures.figure.caption}`,
      '</Figure>',
    ].join('\n');

  const body = [];
  blocks.forEach((block, i) => {
    body.push(block);
    if (inserts.has(i)) body.push(inserts.get(i));
    if (i === tweetAfter) body.push(tweet);
    if (i === figureAfter) body.push(figure);
  });

  const lead = pictures?.lead;
  const image = lead
    ? [
        'image:',
        `  src: ./${slug}/lead.jpg`,
        `  alt: ${yaml(lead.alt)}`,
        ...(lead.caption ? [`  caption: ${yaml(lead.caption)}`] : []),
        `  credit: ${yaml(lead.credit)}`,
        ...(lead.position ? [`  position: ${lead.position}`] : []),
      ]
    : [];

  const source = [
    '---',
    `headline: ${yaml(headline)}`,
    `dek: ${yaml(dek)}`,
    `byline: ${yaml(byline)}`,
    `published: '${published}'`,
    `section: ${section}`,
    `tags: [${tags.map(yaml).join(', ')}]`,
    ...(authors.length > 0 ? [`authors: [${authors.join(', ')}]`] : []),
    ...(notices.length > 0
      ? [
          'corrections:',
          ...notices.flatMap((notice) => [
            `  - date: '${notice.date}'`,
            `    kind: ${notice.kind}`,
            `    text: ${yaml(notice.text)}`,
          ]),
        ]
      : []),
    ...image,
    'lang: en',
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
  const files = [];
  if (lead) files.push({ file: `${slug}/lead.jpg`, role: 'lead', pool: lead.pool });
  if (pictures?.figure)
    files.push({ file: `${slug}/figure.png`, role: 'figure', pool: pictures.figure.pool });
  return { slug, source, words, pictures: files, authors, notices: notices.length };
}

/**
 * @typedef {{ file: string, role: 'lead' | 'figure', pool: number }} PictureRef
 *   a picture of an article: its path relative to the archive ("<slug>/lead.jpg"), what it is,
 *   and which of the seed's pictures it copies
 * @typedef {{ slug: string, file: string, source: string, words: number, pictures: PictureRef[], authors: string[], notices: number }} Article
 *   `authors`: the slugs it names (none for an agency story); `notices`: its corrections and
 *   clarifications
 * @typedef {{ photoShare?: number, authorShare?: number, correctionShare?: number }} Shares
 *   the shares of articles (0–1) with a lead photograph, with people in `authors`, and with
 *   notices (defaults: DEFAULT_PHOTO_SHARE, DEFAULT_AUTHOR_SHARE, DEFAULT_CORRECTION_SHARE)
 */

/**
 * Article `index` (0-based) of the archive generated from `seed`: its MDX and which pictures go
 * next to it (written by `writeArticle`, ./write.mjs). The people it names are on the roster of any
 * archive of more than `index` articles (`generateRoster`, ./roster.mjs).
 * @param {Shares} [options]
 * @returns {Article}
 */
export function generateArticle(
  index,
  seed = 1,
  {
    photoShare = DEFAULT_PHOTO_SHARE,
    authorShare = DEFAULT_AUTHOR_SHARE,
    correctionShare = DEFAULT_CORRECTION_SHARE,
  } = {},
) {
  const article = makeArticle(index, seed, { photoShare, authorShare, correctionShare });
  return { ...article, file: `${article.slug}.mdx` };
}

/**
 * Article `index` as a breaking story: the same words, published at `instant` (after everything
 * in the archive), without the corrections it may carry (they would predate it). What the
 * incremental bench adds: a newsroom publishes its newest story, not one from years ago.
 * @param {number} index
 * @param {number} seed
 * @param {string} instant an ISO 8601 instant, e.g. "2025-12-31T22:00:00Z"
 * @param {Shares} [options]
 * @returns {Article}
 */
export function breakingStory(index, seed, instant, options = {}) {
  const article = generateArticle(index, seed, { ...options, correctionShare: 0 });
  const source = article.source.replace(/^published: '[^']*'$/m, `published: '${instant}'`);
  if (source === article.source) throw new Error(`breakingStory: no published line in ${article.file}`);
  return { ...article, source };
}
