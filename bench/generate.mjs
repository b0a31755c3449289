// A made-up news archive for the scale benchmark (bench/run.mjs): N MDX articles that pass the
// site's real schemas, from a seeded PRNG, so the same seed always gives byte-identical files.
//
// Article i depends only on (i, seed), never on N: the first 1,000 articles of a 4,000-article
// archive are the 1,000-article archive, and `generateArticle(n, seed)` is a new article that fits
// after an archive of n.
//
// Every name, quote and post in it is invented (no real person is quoted saying anything).
//
// CLI: node bench/generate.mjs <dir> <n> [seed]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for article `index` of archive `seed` (an integer hash, so neighbours are unrelated). */
function articleSeed(index, seed) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Banks. Plain text only: nothing MDX or Markdown would read as syntax ({ } < > ` # at a line start).

export const SECTIONS = ['israel', 'middle-east', 'world'];

export const TAGS = [
  'diplomacy',
  'economy',
  'energy',
  'water',
  'technology',
  'security',
  'trade',
  'defense',
  'elections',
  'Knesset',
  'tourism',
  'agriculture',
  'health',
  'education',
  'climate',
  'cybersecurity',
  'Abraham Accords',
  'Azerbaijan',
  'Egypt',
  'Jordan',
  'UAE',
  'Bahrain',
  'Morocco',
  'Saudi Arabia',
  'Turkey',
  'Cyprus',
  'Greece',
  'India',
  'United States',
  'European Union',
  'United Nations',
  'human rights',
  'aviation',
  'archaeology',
  'culture',
  'sports',
  'science',
  'startups',
  'natural gas',
  'infrastructure',
  'humanitarian aid',
];

const BYLINES = [
  'JNS',
  'JNS Staff',
  'Noa Ben-Ami',
  'David Rosen',
  'Miriam Katz',
  'Yoav Peretz',
  'Sarah Klein',
  'Amir Haddad',
];

/** Invented people: the speakers of pull-quotes and the authors of quoted posts. */
const PEOPLE = [
  { name: 'Dana Levi', hebrew: 'דנה לוי', role: 'Deputy Foreign Minister', handle: 'DanaLevi_MFA' },
  { name: 'Avi Mizrahi', hebrew: 'אבי מזרחי', role: 'Minister of Energy', handle: 'AviMizrahi' },
  { name: 'Ruth Shapiro', hebrew: 'רות שפירו', role: 'Mayor of the city', handle: 'RuthShapiro' },
  { name: 'Omar Khalil', role: 'Trade envoy', handle: 'OmarKhalil_Tr' },
  { name: 'Leila Nasser', role: 'Foreign Ministry spokeswoman', handle: 'LeilaNasser' },
  { name: 'Jonathan Reed', role: 'Ambassador to Israel', handle: 'AmbJReed' },
  { name: 'Helena Costa', role: 'European Commission official', handle: 'HelenaCostaEU' },
  { name: 'Tamar Golan', hebrew: 'תמר גולן', role: 'Member of Knesset', handle: 'TamarGolanMK' },
  { name: 'Yusuf Demir', role: 'Regional analyst', handle: 'YDemir_Analyst' },
  { name: 'Priya Raman', role: 'Chief executive of a water company', handle: 'PriyaRaman' },
  { name: 'Elad Cohen', hebrew: 'אלעד כהן', role: 'Director of the tourism board', handle: 'EladCohen1' },
  { name: 'Sofia Andreou', role: 'Minister of Foreign Affairs', handle: 'SAndreou_GR' },
];

const PLACES = [
  'Jerusalem',
  'Tel Aviv',
  'Haifa',
  'Beersheba',
  'Baku',
  'Abu Dhabi',
  'Dubai',
  'Manama',
  'Rabat',
  'Cairo',
  'Amman',
  'Nicosia',
  'Athens',
  'Washington',
  'Brussels',
  'Berlin',
  'London',
  'New Delhi',
  'Ankara',
  'Riyadh',
];

const SUBJECTS = [
  'The foreign minister',
  'Officials in {place}',
  'A senior diplomat',
  'The visiting delegation',
  'Analysts in {place}',
  'The ministry',
  'Several lawmakers',
  'The prime minister’s office',
  'Residents of the area',
  'Regional partners',
  'The defense establishment',
  'Business leaders from {place}',
  'The opposition',
  'Municipal officials',
  'A government spokesman',
  'The central bank',
  'Researchers at a university in {place}',
  'Negotiators from both sides',
  'The coalition',
  'Diplomats in {place}',
];

const VERBS = [
  'welcomed',
  'criticized',
  'discussed',
  'announced',
  'reviewed',
  'signed',
  'postponed',
  'backed',
  'questioned',
  'praised',
  'outlined',
  'defended',
  'approved',
  'rejected',
  'expanded',
  'debated',
  'presented',
  'proposed',
  'examined',
  'finalized',
];

const OBJECTS = [
  'the new trade agreement',
  'plans for a joint water project',
  'the budget for border security',
  'a memorandum on energy cooperation',
  'the reopening of the consulate',
  'a program of direct flights to {place}',
  'the framework for regional talks',
  'new rules for foreign investment',
  'a proposal to expand the rail network',
  'the latest figures on tourism',
  'a pilot scheme for desalination',
  'the cybersecurity partnership',
  'funding for archaeological excavations',
  'an exchange program for students',
  'the agreement on natural gas exports',
  'a plan to rebuild damaged infrastructure',
  'the humanitarian corridor',
  'a package of economic incentives',
  'the appointment of a new ambassador',
  'a joint statement on maritime security',
];

const TAILS = [
  'after months of negotiations',
  'according to a statement from the ministry',
  'ahead of next week’s summit in {place}',
  'during a press conference in {place}',
  'in a move that surprised many observers',
  'despite objections from the opposition',
  'as part of a wider regional initiative',
  'at a ceremony attended by {number} guests',
  'following talks that lasted late into the night',
  'in a closed-door meeting on {weekday}',
  'on the sidelines of a conference in {place}',
  'for the first time in {number} years',
  'with support from international partners',
  'while protesters gathered outside',
  'in an interview with local media',
];

const CLOSERS = [
  'The details are expected to be published within weeks.',
  'Neither side commented on the timetable.',
  'A vote is scheduled for later this month.',
  'Officials said further meetings would follow.',
  'The proposal still requires cabinet approval.',
  'Observers described the step as significant.',
  'The ministry declined to give further details.',
  'Talks are due to resume in {place} next month.',
];

const QUOTE_VERBS = ['said', 'told reporters', 'added', 'noted', 'stressed', 'wrote in a statement'];

const QUOTE_LINES = [
  'This is a day that many people on both sides worked very hard to reach',
  'We are building something that will outlast every one of us',
  'Cooperation on {object} serves the interests of the entire region',
  'Our partnership with {place} has never been stronger than it is today',
  'There is still a great deal of work ahead, and we intend to do it',
  'The people of {place} deserve security, prosperity and a future of peace',
  'We will not let short-term politics stand in the way of long-term progress',
  'Every agreement we sign makes the next one a little easier',
];

const HEADLINES = [
  '{Place} and {place2} sign {object}',
  '{Subject} {verb} {object}',
  'Ministers meet in {place} to discuss {object}',
  '{Place} unveils {object}',
  'Lawmakers clash over {object}',
  'Talks in {place} focus on {object}',
  'New deal with {place} puts {object} on the agenda',
];

const DEKS = [
  'Officials from {place} and {place2} met on {weekday} to review {object}.',
  'The decision, taken {tail}, could reshape relations between {place} and {place2}.',
  'Supporters call it a breakthrough; critics say {object} still leaves key questions open.',
  '{Subject} {verb} {object}, {tail}.',
];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Sunday'];

// ---------------------------------------------------------------------------------------------

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const countWords = (s) => s.split(/\s+/).filter(Boolean).length;
/** A YAML single-quoted scalar: only the quote itself needs doubling. */
const yaml = (s) => `'${s.replace(/'/g, "''")}'`;
const pad = (n, width = 2) => String(n).padStart(width, '0');

const FIRST_DAY = Date.UTC(2019, 0, 1);
const DAYS = Math.round((Date.UTC(2025, 11, 31) - FIRST_DAY) / 86_400_000) + 1;

/** One article from its own PRNG stream. */
function makeArticle(index, seed) {
  const rand = mulberry32(articleSeed(index, seed));
  const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pickDistinct = (list, count) => {
    const copy = [...list];
    const chosen = [];
    while (chosen.length < count) chosen.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
    return chosen;
  };

  /** Fills the {placeholders} of a template, each with a fresh pick ({place2} ≠ the last place). */
  let lastPlace = '';
  const fill = (template) =>
    template.replace(/\{(\w+)\}/g, (_, key) => {
      switch (key) {
        case 'place':
        case 'Place':
          return (lastPlace = pick(PLACES));
        case 'place2':
          return (lastPlace = pick(PLACES.filter((p) => p !== lastPlace)));
        case 'object':
          return fill(pick(OBJECTS));
        case 'Subject':
          return fill(pick(SUBJECTS));
        case 'verb':
          return pick(VERBS);
        case 'tail':
          return fill(pick(TAILS));
        case 'number':
          return String(int(2, 40));
        case 'weekday':
          return pick(WEEKDAYS);
        default:
          throw new Error(`unknown placeholder {${key}}`);
      }
    });

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
  const byline = pick(BYLINES);
  const day = new Date(FIRST_DAY + int(0, DAYS - 1) * 86_400_000);
  const ymd = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
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

  const body = [];
  blocks.forEach((block, i) => {
    body.push(block);
    if (inserts.has(i)) body.push(inserts.get(i));
    if (i === tweetAfter) body.push(tweet);
  });

  const source = [
    '---',
    `headline: ${yaml(headline)}`,
    `dek: ${yaml(dek)}`,
    `byline: ${yaml(byline)}`,
    `published: '${published}'`,
    `section: ${section}`,
    `tags: [${tags.map(yaml).join(', ')}]`,
    'lang: en',
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
  return { slug, source, words };
}

/**
 * Article `index` (0-based) of the archive generated from `seed`.
 * @returns {{ slug: string, file: string, source: string, words: number }}
 */
export function generateArticle(index, seed = 1) {
  const { slug, source, words } = makeArticle(index, seed);
  return { slug, file: `${slug}.mdx`, source, words };
}

/**
 * Writes articles `start` … `start + n - 1` of the archive generated from `seed` into `dir`
 * (created if needed) as `<slug>.mdx`. Same seed, same bytes.
 * @returns {string[]} the file names written, in order
 */
export function generateArchive(dir, n, seed = 1, start = 0) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = start; i < start + n; i++) {
    const { file, source } = generateArticle(i, seed);
    writeFileSync(join(dir, file), source);
    files.push(file);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, n, seed] = process.argv.slice(2);
  if (!dir || !n || !Number.isInteger(Number(n))) {
    console.error('usage: node bench/generate.mjs <dir> <n> [seed]');
    process.exit(2);
  }
  const files = generateArchive(resolve(dir), Number(n), seed === undefined ? 1 : Number(seed));
  console.log(`${files.length} articles written to ${resolve(dir)}`);
}
