// A made-up news archive for the scale benchmark (bench/run.mjs): N MDX articles that pass the
// site's real schemas, from a seeded PRNG, so the same seed always gives byte-identical files.
//
// Article i depends only on (i, seed), never on N: the first 1,000 articles of a 4,000-article
// archive are the 1,000-article archive, and `generateArticle(n, seed)` is a new article that fits
// after an archive of n.
//
// A share of the articles (DEFAULT_PHOTO_SHARE, or `photoShare`) has a lead photograph, and a
// quarter of those a graphic in the body too, drawn by bench/pictures.mjs and written next to the
// article: `<slug>.mdx` with `<slug>/lead.jpg` and `<slug>/figure.png`. Whether an article has
// them, and which, comes from a PRNG stream of its own, apart from the text's: the words of
// every article are the same whatever the share, and with a share of 0 the archive is what it
// was before articles had pictures. Article i has a photo when its draw is below the share, so
// the photos of a 10% archive are among those of a 20% one.
//
// People and corrections come from a third stream of each article's own, so they change neither
// the words nor the pictures: a share of the articles (DEFAULT_AUTHOR_SHARE) names one to three
// people of a made-up roster in `authors` (the rest stay agency stories), and a small share
// (DEFAULT_CORRECTION_SHARE) carries a correction or clarification dated after `published`. The
// roster is one endless seeded list of people, of which an archive of N has the first
// `rosterSize(N)` (`<slug>.md` files for src/content/authors/); article i names only people among
// the first `rosterSize(i + 1)`, so it still depends on (i, seed) alone, every archive's articles
// name only people of its own roster, and a smaller archive's roster is a prefix of a larger one's.
// With both shares 0 (and no roster: bench/run.mjs --no-people) the archive is byte for byte what
// it was before people.
//
// Every name, quote, post, person and picture in it is invented (no real person is quoted saying
// anything).
//
// CLI: node bench/generate.mjs <dir> <n> [seed] [--photo-share 0.2] [--no-people]
//      (articles into <dir>/articles/, the roster into <dir>/authors/, as in src/content/)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { figureKind, FIGURE_POOL, LEAD_POOL, picturePool, stamp } from './pictures.mjs';
import { mulberry32 } from './prng.mjs';

/** The share of articles with a lead photograph when none is given: one in five. */
export const DEFAULT_PHOTO_SHARE = 0.2;
/** The share of articles with a photograph that also have a `<Figure>` in the body. */
export const FIGURE_SHARE = 0.25;
/** The share of articles that name people in `authors` (one to three); the rest are agency stories. */
export const DEFAULT_AUTHOR_SHARE = 0.7;
/** The share of articles with a correction or clarification (now and then two notices). */
export const DEFAULT_CORRECTION_SHARE = 0.03;
/** One person on the roster per this many articles … */
export const ARTICLES_PER_PERSON = 50;
/** … but never fewer than this many people … */
export const ROSTER_MIN = 8;
/** … nor more (a newsroom, not a city: 10,000 articles have 200 people, 4,000 have 80). */
export const ROSTER_MAX = 200;

/**
 * How many people the roster of an archive of `n` articles has: one per ARTICLES_PER_PERSON
 * articles, within ROSTER_MIN … ROSTER_MAX. Never shrinks as `n` grows.
 * @example rosterSize(4000) // 80
 */
export function rosterSize(n) {
  return Math.min(ROSTER_MAX, Math.max(ROSTER_MIN, Math.floor(n / ARTICLES_PER_PERSON)));
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

/** Alt text of the lead photographs: what the made-up scene shows (people, a skyline, hills). */
const LEAD_ALTS = [
  'Delegates walking past the skyline of {place} at dusk',
  'People gathered on a hillside above {place} in the evening light',
  'A small crowd outside government buildings in {place}',
  'Officials arriving for talks in {place}, with the city behind them',
  'Residents watching the sun go down over the towers of {place}',
  'The skyline of {place} seen from the hills, with people in the foreground',
];

const LEAD_CAPTIONS = [
  'The view over {place} on {weekday}.',
  'Delegates arrive in {place} before the talks.',
  'Visitors in {place}, where the meeting was held on {weekday}.',
  'Residents of {place} follow the news of the agreement.',
];

const PHOTO_CREDITS = [
  'Miriam Levi/JNS',
  'Ori Ben-David/JNS',
  'Hana Saleh/JNS',
  'Tom Weiss/JNS',
  'Yael Amir/Government Press Office',
  'Karim Aziz/Foreign Ministry',
];

/** Where the crops keep the subject: left out (the centre) half the time. */
const POSITIONS = ['top', 'bottom', 'left', 'right', 'bottom left'];

/** Alt text and captions of the body graphics, by what the graphic is (bench/pictures.mjs). */
const FIGURE_TEXT = {
  chart: {
    alts: [
      'Bar chart of yearly totals for {object}, rising and falling over a decade',
      'Bar chart comparing spending in {place} and {place2} year by year',
    ],
    captions: ['Figures from the ministry, in millions.', 'Totals by year, as published in *{place}*.'],
  },
  map: {
    alts: [
      'Map of the area around {place} with a river and the site of the project marked',
      'Map of the border region near {place}, with the planned route marked',
    ],
    captions: [
      'Where the project is planned, near *{place}*.',
      'The route under discussion, east of {place}.',
    ],
  },
};

/**
 * The roster's names: first × last, shuffled once per seed, person k the k-th pair (so no two
 * people share a name or a slug). Different from the bylines and the quoted people above.
 */
const FIRST_NAMES = [
  'Adi',
  'Alon',
  'Ayelet',
  'Benjamin',
  'Chana',
  'Daniel',
  'Eitan',
  'Esther',
  'Gal',
  'Hadas',
  'Ilan',
  'Karin',
  'Lior',
  'Maya',
  'Nadav',
  'Orly',
  'Rafael',
  'Rivka',
  'Shira',
  'Talia',
  'Uri',
  'Yael',
  'Zohar',
  'Rami',
];
const LAST_NAMES = [
  'Ashkenazi',
  'Barak',
  'Ben-Haim',
  'Carmeli',
  'Dahan',
  'Elkayam',
  'Friedman',
  'Gabay',
  'Har-Zion',
  'Kaplan',
  'Lavi',
  'Malka',
  'Navon',
  'Ohana',
  'Portnoy',
  'Rubin',
  'Segal',
  'Tal',
  'Vaknin',
  'Weiss',
  'Yosef',
  'Zamir',
  'Avraham',
  'Stern',
];

const ROLES = [
  'Diplomatic correspondent',
  'Political correspondent',
  'Economics reporter',
  'Energy and environment reporter',
  'Defense correspondent',
  'Middle East correspondent',
  'Europe correspondent',
  'Washington correspondent',
  'Technology reporter',
  'Culture writer',
  'News editor',
  'Data reporter',
  'Staff writer',
];

const BIO_LINES = [
  '{name} is a made-up reporter for the site’s benchmark, with stories that never happened.',
  'Before joining, {first} covered {object} from {place}.',
  '{first} files mostly from {place} and {place2}.',
  '{first} has written about {object} since {year}.',
  'Readers can reach {first} through the newsroom in {place}.',
];

/** What a correction or clarification says: plain sentences, nothing Markdown reads as syntax. */
const NOTICE_TEXT = {
  correction: [
    'An earlier version of this article gave the day of the meeting in {place} as {weekday}; it was held a day earlier.',
    'An earlier version misspelled the name of an official from {place}.',
    'An earlier version said that {number} delegations attended; there were more.',
    'An earlier version of this article placed the ceremony in {place}; it was held in {place2}.',
    'An earlier version misstated the timetable for {object}.',
  ],
  clarification: [
    'This article now makes clear that the talks in {place} were preliminary.',
    'This article now says that the figures cover {place} and {place2} together.',
    'This article has been updated to explain who took part in the meeting in {place}.',
    'This article now gives the full title of the agreement on {object}.',
  ],
};

// ---------------------------------------------------------------------------------------------

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const countWords = (s) => s.split(/\s+/).filter(Boolean).length;
/** A YAML single-quoted scalar: only the quote itself needs doubling. */
const yaml = (s) => `'${s.replace(/'/g, "''")}'`;
const pad = (n, width = 2) => String(n).padStart(width, '0');

const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAYS = Math.round((LAST_DAY - FIRST_DAY) / 86_400_000) + 1;
const DAY_MS = 86_400_000;
/** A UTC midnight as the day the site reads it: '2023-03-29'. */
const isoDay = (day) => `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;

/**
 * Picks and fills from one PRNG stream: `fill` replaces the {placeholders} of a template, each
 * with a fresh pick ({place2} ≠ the last place).
 */
function writer(rand) {
  const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const pickDistinct = (list, count) => {
    const copy = [...list];
    const chosen = [];
    while (chosen.length < count) chosen.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
    return chosen;
  };
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
  return { rand, int, pick, pickDistinct, fill };
}

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

/**
 * Every first × last name pair of the roster, shuffled by the seed: person k is pair k, so no two
 * people share a name (or a slug), and the roster of a smaller archive is a prefix of a larger
 * one's. Made once per seed.
 */
const rosterOrders = new Map();
function rosterOrder(seed) {
  let order = rosterOrders.get(seed);
  if (!order) {
    const rand = mulberry32(articleSeed(0, seed) ^ 0x68e31da4);
    order = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => ({ first, last })));
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    rosterOrders.set(seed, order);
  }
  return order;
}

/** The slug of person `k` of the roster of `seed`: their name in lower case, hyphenated. */
function personSlug(k, seed) {
  const { first, last } = rosterOrder(seed)[k];
  return `${first} ${last}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * @typedef {{ slug: string, file: string, name: string, source: string }} Person
 *   a person on the roster: their slug (what articles' `authors` name), their file
 *   ("<slug>.md", for src/content/authors/), their name, and the file's Markdown
 */

/**
 * Person `k` (0-based) of the roster of `seed`: a name, a role, sometimes links of their own
 * (example.org), and a two- or three-sentence bio, from a PRNG stream of their own.
 * @returns {Person}
 */
export function generatePerson(k, seed = 1) {
  const order = rosterOrder(seed);
  if (k >= order.length) throw new Error(`the roster has ${order.length} names; person ${k} has none`);
  const { first, last } = order[k];
  const name = `${first} ${last}`;
  const slug = personSlug(k, seed);
  const { rand, int, pick, pickDistinct, fill } = writer(mulberry32(articleSeed(k, seed) ^ 0x1b873593));
  const role = pick(ROLES);
  const links =
    rand() < 0.6
      ? [
          `https://example.org/people/${slug}`,
          ...(rand() < 0.4 ? [`https://social.example.org/@${slug.replace(/-/g, '')}`] : []),
        ]
      : [];
  const bio = [BIO_LINES[0], ...pickDistinct(BIO_LINES.slice(1), int(1, 2))].map((line) =>
    fill(
      line
        .replaceAll('{name}', name)
        .replaceAll('{first}', first)
        .replace('{year}', String(int(2008, 2020))),
    ),
  );
  const source = [
    '---',
    `name: ${yaml(name)}`,
    `role: ${yaml(role)}`,
    ...(links.length > 0 ? [`links: [${links.join(', ')}]`] : []),
    '---',
    '',
    bio.join(' '),
    '',
  ].join('\n');
  return { slug, file: `${slug}.md`, name, source };
}

/**
 * Writes the roster of an archive of `n` articles into `dir` (created if needed): people
 * `start` … `rosterSize(n) - 1`, one `<slug>.md` each. Same seed, same bytes.
 * @param {{ start?: number }} [options] the first person to write (for one who joins a roster)
 * @returns {{ files: string[], people: number }} the files written; the roster's size
 */
export function generateRoster(dir, n, seed = 1, { start = 0 } = {}) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let k = start; k < rosterSize(n); k++) {
    const person = generatePerson(k, seed);
    writeFileSync(join(dir, person.file), person.source);
    files.push(person.file);
  }
  return { files, people: rosterSize(n) };
}

/**
 * Who article `index` names in `authors` and what notices it carries, from a stream of its own
 * (so neither its words nor its pictures depend on them): people when its first draw is below
 * `authorShare`, notices when its second is below `correctionShare` (so the articles with people
 * at a smaller share are among those at a larger one, as with photographs). One person in 60%,
 * two in 30%, three in 10%, from the first `rosterSize(index + 1)` of the roster. One notice, or
 * two in a fifth of the corrected articles; each 1–30 days after the last (published first),
 * dropped past the archive's last day, so no notice is dated after the build.
 * @param {number} published the day it was published (UTC midnight, ms)
 */
function makePeople(index, seed, published, { authorShare, correctionShare }) {
  const { rand, int, pick, pickDistinct, fill } = writer(mulberry32(articleSeed(index, seed) ^ 0x27d4eb2f));
  const named = rand() < authorShare;
  const corrected = rand() < correctionShare;
  // Drawn whether or not they are used, so the notices do not depend on the share of people.
  const roll = rand();
  const pool = rosterSize(index + 1);
  const people = pickDistinct(
    Array.from({ length: pool }, (_, k) => k),
    Math.min(roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3, pool),
  );
  const authors = named ? people.map((k) => personSlug(k, seed)) : [];
  const notices = [];
  if (corrected) {
    const count = rand() < 0.8 ? 1 : 2;
    let last = published;
    for (let i = 0; i < count; i++) {
      const kind = rand() < 0.6 ? 'correction' : 'clarification';
      const text = fill(pick(NOTICE_TEXT[kind]));
      last += int(1, 30) * DAY_MS;
      const asInstant = rand() < 0.3;
      const time = `T${pad(int(7, 21))}:${pad(int(0, 11) * 5)}:00+03:00`;
      if (last > LAST_DAY) break;
      notices.push({ date: `${isoDay(new Date(last))}${asInstant ? time : ''}`, kind, text });
    }
  }
  return { authors, notices };
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
 * next to it (written by {@link writeArticle}). The people it names are on the roster of any
 * archive of more than `index` articles ({@link generateRoster}).
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

/**
 * Writes an article into `dir`: `<slug>.mdx`, and its pictures in `<slug>/`, each a copy of one
 * of the seed's pictures with the archive's seed and the article's slug written into it, so no
 * two articles' files are the same bytes (see bench/pictures.mjs).
 * @param {string} dir
 * @param {Article} article
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
 * The people they name are written by {@link generateRoster}.
 * @param {{ start?: number } & Shares} [options]
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

/**
 * A share of articles as given on a command line: a fraction from 0 to 1 ("0.2") or a percentage
 * ("20%").
 * @returns {number | undefined} undefined when it is neither
 */
export function parseShare(text) {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]) / (match[2] ? 100 : 1);
  return value >= 0 && value <= 1 ? value : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const usage = 'usage: node bench/generate.mjs <dir> <n> [seed] [--photo-share 0.2] [--no-people]';
  const args = process.argv.slice(2);
  let photoShare = DEFAULT_PHOTO_SHARE;
  const flag = args.findIndex((a) => a.startsWith('--photo-share'));
  if (flag >= 0) {
    const [, inline] = args[flag].split(/=(.*)/s);
    const share = parseShare(inline ?? args[flag + 1] ?? '');
    if (share === undefined) {
      console.error(`--photo-share takes a share from 0 to 1 (or 0%–100%), e.g. --photo-share 0.2\n${usage}`);
      process.exit(2);
    }
    photoShare = share;
    args.splice(flag, inline === undefined ? 2 : 1);
  }
  const noPeople = args.indexOf('--no-people');
  if (noPeople >= 0) args.splice(noPeople, 1);
  const [dir, n, seed] = args;
  if (!dir || !n || !Number.isInteger(Number(n))) {
    console.error(usage);
    process.exit(2);
  }
  const started = performance.now();
  const s = seed === undefined ? 1 : Number(seed);
  const summary = await generateArchive(join(resolve(dir), 'articles'), Number(n), s, {
    photoShare,
    ...(noPeople >= 0 ? { authorShare: 0, correctionShare: 0 } : {}),
  });
  const roster = noPeople >= 0 ? { people: 0 } : generateRoster(join(resolve(dir), 'authors'), Number(n), s);
  console.log(
    `${summary.files.length} articles written to ${join(resolve(dir), 'articles')} in ${Math.round(performance.now() - started)} ms: ` +
      `${summary.withPhoto} with a photograph, ${summary.withFigure} of them with a graphic too ` +
      `(${summary.sourceImages} pictures, ${(summary.sourceBytes / 1024 / 1024).toFixed(1)} MiB); ` +
      `${summary.withAuthors} naming people (${roster.people} on the roster, in ${join(resolve(dir), 'authors')}), ` +
      `${summary.corrected} with ${summary.notices} corrections and clarifications`,
  );
}
