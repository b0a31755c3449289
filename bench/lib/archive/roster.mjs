// The made-up archive's people (bench/generate.mjs): the roster of reporters an archive has, the
// people each article names in `authors`, and the corrections and clarifications it carries.
//
// The roster is one endless seeded list of people, of which an archive of N has the first
// `rosterSize(N)` (`<slug>.md` files for src/content/authors/); article i names only people among
// the first `rosterSize(i + 1)`, so it still depends on (i, seed) alone, every archive's articles
// name only people of its own roster, and a smaller archive's roster is a prefix of a larger one's.
// People and notices come from a PRNG stream of each article's own, so they change neither the
// words nor the pictures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './prng.mjs';
import { BIO_LINES, FIRST_NAMES, LAST_NAMES, NOTICE_TEXT, ROLES } from './words.mjs';
import { DAY_MS, LAST_DAY, articleSeed, isoDay, pad, writer, yaml } from './writer.mjs';

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
export function makePeople(index, seed, published, { authorShare, correctionShare }) {
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
