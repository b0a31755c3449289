import { describe, expect, it } from 'vitest';
import { formatDate, parseNewsDate, zoneOffsetMinutes, type NewsDate } from '../../src/lib/dates';

const parsed = (value: string, zone = 'Asia/Jerusalem'): NewsDate => {
  const result = parseNewsDate(value, zone);
  if (typeof result === 'string') throw new Error(result);
  return result;
};

describe('parseNewsDate', () => {
  it('reads a calendar day as midnight in the site’s time zone', () => {
    const day = parsed('2023-03-29');
    expect(day.date.toISOString()).toBe('2023-03-28T21:00:00.000Z'); // Israel is at +03:00 that day
    expect(day.iso).toBe('2023-03-29');
    expect(day.hasTime).toBe(false);
  });

  it('settles a day on which the zone changes its offset', () => {
    // Israel moved to summer time on Friday 24 March 2023 at 02:00; midnight was still +02:00.
    expect(parsed('2023-03-24').date.toISOString()).toBe('2023-03-23T22:00:00.000Z');
  });

  it('reads an instant with its offset and keeps the author’s text for <time datetime>', () => {
    const instant = parsed('2023-03-29T10:05:00+03:00');
    expect(instant.date.toISOString()).toBe('2023-03-29T07:05:00.000Z');
    expect(instant.iso).toBe('2023-03-29T10:05:00+03:00');
    expect(instant.hasTime).toBe(true);
  });

  it('refuses impossible days and times, and times without an offset', () => {
    expect(parseNewsDate('2023-02-30', 'UTC')).toMatchInlineSnapshot(
      `""2023-02-30" is not a day of the calendar"`,
    );
    expect(parseNewsDate('2023-03-29T25:00:00Z', 'UTC')).toMatchInlineSnapshot(
      `""2023-03-29T25:00:00Z" is not a real date and time"`,
    );
    expect(parseNewsDate('2023-03-29T10:05:00', 'UTC')).toMatchInlineSnapshot(
      `""2023-03-29T10:05:00" has a time but no UTC offset; add one, e.g. "2023-03-29T10:05:00+03:00""`,
    );
    expect(parseNewsDate('29 March 2023', 'UTC')).toMatchInlineSnapshot(
      `""29 March 2023" is not a date; write "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS+HH:MM""`,
    );
  });
});

describe('formatDate', () => {
  it('writes the date as a reader says it, in the site’s zone', () => {
    const options = { locale: 'en-US', timeZone: 'Asia/Jerusalem' };
    expect(formatDate(parsed('2023-03-29'), options)).toBe('March 29, 2023');
    // 23:30 UTC on the 28th is already the 29th in Jerusalem.
    expect(formatDate(parsed('2023-03-28T23:30:00Z'), options)).toBe('March 29, 2023');
  });
});

describe('zoneOffsetMinutes', () => {
  it('knows summer and winter offsets', () => {
    expect(zoneOffsetMinutes(new Date('2023-07-01T00:00:00Z'), 'Asia/Jerusalem')).toBe(180);
    expect(zoneOffsetMinutes(new Date('2023-01-01T00:00:00Z'), 'Asia/Jerusalem')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2023-01-01T00:00:00Z'), 'UTC')).toBe(0);
  });
});
