// What every part of the made-up archive writes with: the seed of each PRNG stream, a writer that
// picks from the word banks (bench/lib/archive/words.mjs) and fills their {placeholders}, and the
// small text and date helpers the articles and the roster share.
import { OBJECTS, PLACES, SUBJECTS, TAILS, VERBS, WEEKDAYS } from './words.mjs';

/** A seed for article `index` of archive `seed` (an integer hash, so neighbours are unrelated). */
export function articleSeed(index, seed) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** "israel talks" → "Israel talks". */
export const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
/** Words separated by white space. */
export const countWords = (s) => s.split(/\s+/).filter(Boolean).length;
/** A YAML single-quoted scalar: only the quote itself needs doubling. */
export const yaml = (s) => `'${s.replace(/'/g, "''")}'`;
/** A number with leading zeros: pad(7) → "07". */
export const pad = (n, width = 2) => String(n).padStart(width, '0');

/** The archive's first and last day (UTC midnights, ms), and the days from one to the other. */
export const FIRST_DAY = Date.UTC(2019, 0, 1);
export const LAST_DAY = Date.UTC(2025, 11, 31);
export const DAYS = Math.round((LAST_DAY - FIRST_DAY) / 86_400_000) + 1;
export const DAY_MS = 86_400_000;
/** A UTC midnight as the day the site reads it: '2023-03-29'. */
export const isoDay = (day) =>
  `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;

/**
 * Picks and fills from one PRNG stream: `fill` replaces the {placeholders} of a template, each
 * with a fresh pick ({place2} ≠ the last place).
 */
export function writer(rand) {
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
