import { z } from 'astro/zod';
import { knownFields } from './known-fields';
import { parseNewsDate, type NewsDate } from '../lib/site/dates';

/** Where a live page's coverage stands: `live` while it runs, `ended` once it is over. */
export const COVERAGE_STATUSES = ['live', 'ended'] as const;

/** One of {@link COVERAGE_STATUSES}. */
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/**
 * An instant with its UTC offset, as an update's `time` and `coverage.ended` are written:
 * "2023-03-29T10:15:00+03:00". A calendar day alone is refused: an update happens at a time.
 * @param example the field written right, ending the message, e.g. "ended: '2023-03-29T20:00:00+03:00'"
 * @returns the parsed instant, or a sentence saying what is wrong with the value
 */
export function parseInstant(value: unknown, example: string): NewsDate | string {
  if (value instanceof Date) {
    return `write the time in quotes, e.g. ${example} (YAML reads an unquoted time as UTC and drops its offset)`;
  }
  if (typeof value !== 'string') {
    return `expected a time with its UTC offset, e.g. ${example}, received ${value === undefined ? 'nothing' : JSON.stringify(value)}`;
  }
  // The zone only matters for a calendar day, which is refused below.
  const parsed = parseNewsDate(value, 'UTC');
  if (typeof parsed === 'string')
    return parsed.includes('e.g.') ? parsed : `${parsed}; write e.g. ${example}`;
  if (!parsed.hasTime) {
    return `"${value}" is a day without a time; write the time with its UTC offset, e.g. ${example}`;
  }
  return parsed;
}

/** An instant field: {@link parseInstant} as a zod type. */
const instant = (example: string) =>
  z.unknown().transform((value, ctx): NewsDate => {
    const parsed = parseInstant(value, example);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

const ENDED_EXAMPLE = "ended: '2023-03-29T20:00:00+03:00'";

/**
 * `coverage` in an article's frontmatter: it makes the article a live page, a developing story
 * told as timed `<Update>`s in its body (see "Live coverage" in docs/writing.md).
 * @example coverage:\n  status: ended\n  ended: '2023-03-29T20:00:00+03:00'
 */
export const coverageSchema = knownFields(
  {
    /** `live` while the coverage runs (the page shows "Live"), `ended` once it is over. */
    status: z.enum(COVERAGE_STATUSES, {
      error: (issue) =>
        issue.input === undefined
          ? `is required: ${COVERAGE_STATUSES.map((s) => `"${s}"`).join(' or ')}, e.g. status: live`
          : `expected ${COVERAGE_STATUSES.map((s) => `"${s}"`).join(' or ')}, received ${JSON.stringify(issue.input)}; write status: live while the coverage runs, status: ended once it is over`,
    }),
    /** When the coverage ended: an instant with offset, required with `status: ended`. */
    ended: instant(ENDED_EXAMPLE).optional(),
  },
  'coverage has status and ended',
).superRefine((coverage, ctx) => {
  if (coverage.status === 'ended' && !coverage.ended) {
    ctx.addIssue({
      code: 'custom',
      path: ['ended'],
      message: `is required with status: ended: when the coverage ended, e.g. ${ENDED_EXAMPLE}`,
    });
  }
  if (coverage.status === 'live' && coverage.ended) {
    ctx.addIssue({
      code: 'custom',
      path: ['ended'],
      message: `is only for status: ended; write status: ended when the coverage is over, or remove ended while it runs`,
    });
  }
});

/** `coverage` after parsing. */
export type Coverage = z.output<typeof coverageSchema>;
