import { z } from 'astro/zod';
import { knownFields } from './known-fields';
import { siteConfig } from '../site.config';
import { newsDate } from './news-date';

/** The two kinds of notice: a correction fixes an error of fact; a clarification adds what was unclear. */
export const CORRECTION_KINDS = ['correction', 'clarification'] as const;
/** One of {@link CORRECTION_KINDS}. */
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/**
 * One entry of an article's `corrections`: when, which kind, and what changed, in a sentence
 * readers can follow.
 *
 * corrections:
 *   - date: '2024-06-12'
 *     kind: correction
 *     text: An earlier version gave the capacity as 100 million cubic metres; it is 110 million.
 */
export const correctionSchema = knownFields(
  {
    /** When the notice was published: a quoted day or an instant with its offset, like `published`. */
    date: newsDate(siteConfig.timeZone, "when the notice was made, e.g. date: '2024-06-12'"),
    /** "correction" (an error of fact fixed) or "clarification" (something unclear made clear). */
    kind: z.enum(CORRECTION_KINDS, {
      error: (issue) =>
        `expected "correction" (an error of fact was fixed) or "clarification" (something unclear was made clear), received ${JSON.stringify(issue.input)}`,
    }),
    /** What changed, as readers should read it. */
    text: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is required: what changed, e.g. text: An earlier version gave the capacity as 100 million cubic metres; it is 110 million.'
            : 'must be text',
      })
      .trim()
      .min(1, 'must not be empty: say what changed'),
  },
  'a correction has date, kind and text',
);

/** A correction or clarification after parsing (its date a `NewsDate`). */
export type Correction = z.output<typeof correctionSchema>;
