import { describe, expect, it } from 'vitest';
import {
  formatDate,
  isoWithOffset,
  parseNewsDate,
  rfc3339,
  zoneOffsetMinutes,
  type NewsDate,
} from '../../src/lib/site/dates';

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

  it('starts a day whose midnight the zone skips when the day begins, not on the day before', () => {
    // Havana moved its clocks from 00:00 to 01:00 on 12 March 2023: the day began at 01:00 (-04:00).
    expect(parsed('2023-03-12', 'America/Havana').date.toISOString()).toBe('2023-03-12T05:00:00.000Z');
    // On 5 November 2023 it went back from 01:00 to 00:00: the day began at the first midnight.
    expect(parsed('2023-11-05', 'America/Havana').date.toISOString()).toBe('2023-11-05T04:00:00.000Z');
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

describe('rfc3339', () => {
  it.each([
    ['2023-03-28T21:00:00Z', 'Asia/Jerusalem', '2023-03-29T00:00:00+03:00'],
    ['2023-12-31T22:30:00Z', 'Asia/Jerusalem', '2024-01-01T00:30:00+02:00'],
    ['2023-03-28T21:00:00Z', 'UTC', '2023-03-28T21:00:00+00:00'],
    ['2023-03-28T21:00:00Z', 'America/St_Johns', '2023-03-28T18:30:00-02:30'],
  ])('writes %s in %s as %s', (instant, zone, expected) => {
    expect(rfc3339(new Date(instant), zone)).toBe(expected);
    expect(Date.parse(expected)).toBe(Date.parse(instant));
  });
});

describe('isoWithOffset', () => {
  it('writes a calendar day as midnight in the zone, with the offset of that day', () => {
    expect(isoWithOffset(parsed('2023-03-29'), 'Asia/Jerusalem')).toBe('2023-03-29T00:00:00+03:00');
    expect(isoWithOffset(parsed('2023-03-24'), 'Asia/Jerusalem')).toBe('2023-03-24T00:00:00+02:00');
  });

  it('writes an instant as its author gave it, offset included', () => {
    expect(isoWithOffset(parsed('2023-03-29T10:05:00Z'), 'Asia/Jerusalem')).toBe('2023-03-29T10:05:00Z');
    expect(isoWithOffset(parsed('2023-03-29T10:05:00+03:00'), 'UTC')).toBe('2023-03-29T10:05:00+03:00');
  });

  it('names the same instant as the feeds’ rfc3339 does, even on a day that skips midnight', () => {
    for (const [day, zone] of [
      ['2023-03-29', 'Asia/Jerusalem'],
      ['2023-03-12', 'America/Havana'],
    ] as const) {
      const value = parsed(day, zone);
      expect(isoWithOffset(value, zone)).toBe(rfc3339(value.date, zone));
      expect(isoWithOffset(value, zone).startsWith(day)).toBe(true);
    }
  });
});
