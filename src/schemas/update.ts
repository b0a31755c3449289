import { z } from 'astro/zod';
import { parseInstant } from './coverage';

/** The time an update is written with, as an example in messages. */
export const UPDATE_TIME_EXAMPLE = 'time="2023-03-29T10:15:00+03:00"';

/**
 * Props of `<Update>`, one timed entry of a live page (an article with `coverage`). Its text goes
 * between the tags, in Markdown; `<Figure>`, `<PullQuote>` and `<Tweet>` work inside.
 *
 * <Update time="2023-03-29T10:15:00+03:00" title="Foreign ministers arrive" keyEvent>
 *   Text in Markdown.
 * </Update>
 */
export const UpdateSchema = z
  .object({
    /** When it happened: an instant with its UTC offset. Example: "2023-03-29T10:15:00+03:00". */
    time: z
      .string({
        error: (i) =>
          i.input === undefined
            ? `is required: when it happened, with its UTC offset, e.g. ${UPDATE_TIME_EXAMPLE}`
            : `must be a quoted time, e.g. ${UPDATE_TIME_EXAMPLE}`,
      })
      .superRefine((value, ctx) => {
        const parsed = parseInstant(value, UPDATE_TIME_EXAMPLE);
        if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
      }),
    /** The update's heading, plain text. Example: "Foreign ministers arrive". */
    title: z
      .string({
        error: (i) =>
          i.input === undefined
            ? 'is required: the update’s heading, e.g. title="Foreign ministers arrive"'
            : 'must be text, e.g. title="Foreign ministers arrive"',
      })
      .trim()
      .min(1, 'must not be empty: the update’s heading, e.g. title="Foreign ministers arrive"'),
    /**
     * A key event, listed under "Key events" at the top of the page. A bare attribute
     * (`keyEvent`), which MDX passes as `true`.
     */
    keyEvent: z.boolean({ error: 'is a bare attribute: write keyEvent, with no value' }).optional(),
  })
  .strict();

/** What an author may write on `<Update>` in MDX. */
export type UpdateProps = z.input<typeof UpdateSchema>;
