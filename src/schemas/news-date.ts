import { z } from 'astro/zod';
import { parseNewsDate, type NewsDate } from '../lib/site/dates';

/**
 * A news date field (see `src/lib/site/dates.ts`): a quoted calendar day or a quoted instant with its
 * UTC offset, parsed into a {@link NewsDate}. Unquoted YAML dates are refused because YAML reads
 * them as UTC and drops the zone. Articles' `published`/`updated` and `<Tweet date>` all use it,
 * so every date on the site is read the same way.
 * @param timeZone the zone a calendar day is read in (the site's)
 * @param required what to say when the field is missing, e.g. 'when it was posted, e.g. date="2023-03-29"'
 */
export function newsDate(timeZone: string, required?: string) {
  return z.unknown().transform((value, ctx): NewsDate => {
    if (value instanceof Date) {
      ctx.addIssue({
        code: 'custom',
        message:
          'write the date in quotes, e.g. "2023-03-29" or "2023-03-29T09:30:00+03:00" (unquoted YAML dates lose their time zone)',
      });
      return z.NEVER;
    }
    if (value === undefined && required) {
      ctx.addIssue({ code: 'custom', message: `is required: ${required}` });
      return z.NEVER;
    }
    if (typeof value !== 'string') {
      ctx.addIssue({
        code: 'custom',
        message: `expected a date such as "2023-03-29", received ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    const parsed = parseNewsDate(value, timeZone);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    }
    return parsed;
  });
}
