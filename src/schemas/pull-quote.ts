import { z } from 'astro/zod';

/**
 * Props of `<PullQuote>`. The quoted words go between the tags; they must repeat words of the body,
 * since the pull-quote is hidden from assistive technology to avoid reading them twice.
 */
export const PullQuoteSchema = z
  .object({
    /** Who said it, as readers know them. Example: "Eli Cohen". */
    speaker: z
      .string({
        error: (i) =>
          i.input === undefined
            ? 'is required: who said the words, e.g. speaker="Eli Cohen"'
            : 'must be text, e.g. speaker="Eli Cohen"',
      })
      .trim()
      .min(1, 'must not be empty: who said the words, e.g. speaker="Eli Cohen"'),
    /** The speaker's role, shown after the name. Example: "Israeli Foreign Minister". */
    role: z
      .string({ error: 'must be text, e.g. role="Israeli Foreign Minister"' })
      .trim()
      .min(1, 'must not be empty; leave the prop out instead')
      .optional(),
  })
  .strict();

/** What an author may write on `<PullQuote>` in MDX. */
export type PullQuoteProps = z.input<typeof PullQuoteSchema>;
