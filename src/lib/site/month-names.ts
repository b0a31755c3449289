import { dateTimeFormat } from './dates';

/**
 * A month as a reader says it, in the site's locale: monthName('2023', '03', 'en-US') → "March 2023".
 * Formatted at noon UTC on the 15th, so no time zone can move it into another month.
 */
export function monthName(year: string, month: string, locale: string): string {
  return dateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, 15, 12)),
  );
}
