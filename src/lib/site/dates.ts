/**
 * News dates. An article's date is either a calendar day ("2023-03-29", read in the site's time
 * zone) or an instant with an explicit UTC offset ("2023-03-29T09:30:00+03:00"). A time without an
 * offset is refused: it would mean different instants on different build machines.
 */

/** A date as the author wrote it, with the instant it stands for. */
export interface NewsDate {
  /** The instant: for a calendar day, midnight at the start of that day in the site's zone. */
  readonly date: Date;
  /** A valid HTML `datetime` value: "2023-03-29" for a day, the full ISO string with offset otherwise. */
  readonly iso: string;
  /** Whether the author gave a time of day (false for a calendar day). */
  readonly hasTime: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An `Intl.DateTimeFormat`, made once per locale and options and then reused: making one costs
 * far more than formatting with it, and a build formats dates for every article on several pages
 * (measured: 2 s of a 28 s build of 1,000 articles went to making formatters).
 * @example dateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'Asia/Jerusalem' }).format(date)
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/**
 * The calendar year and month of an instant in `timeZone`: what an article is filed under in the
 * archive, the search shards and the year slices (src/lib/listings/groups.ts, src/lib/parts/).
 * @example calendarMonth(new Date('2023-03-31T22:30:00Z'), 'Asia/Jerusalem') // { year: '2023', month: '04' }
 */
export function calendarMonth(at: Date, timeZone: string): { year: string; month: string } {
  const parts = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  return {
    year: parts.find((p) => p.type === 'year')?.value ?? '0000',
    month: parts.find((p) => p.type === 'month')?.value ?? '00',
  };
}

/** Minutes east of UTC that `timeZone` is at the instant `at`, e.g. 180 for Israel in summer. */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const name = dateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: the zone is at UTC
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * The first instant of a calendar day in `timeZone`: midnight, or, where the zone skips midnight
 * (clocks moving forward at 00:00, as in Havana or Santiago), the moment the day begins.
 * @param midnight the day's midnight as if it were UTC, e.g. Date.UTC(2023, 2, 29)
 */
function startOfDay(midnight: number, timeZone: string): Date {
  // Midnight read with the offsets in force around it: one candidate on most days, two when the
  // offset changes near midnight. Keep those that fall on the day, and take the earliest.
  const offsets = [-1, 0, 1].map((days) =>
    zoneOffsetMinutes(new Date(midnight + days * 86_400_000), timeZone),
  );
  const onTheDay = [...new Set(offsets)]
    .map((minutes) => midnight - minutes * 60_000)
    .filter((instant) => instant + zoneOffsetMinutes(new Date(instant), timeZone) * 60_000 >= midnight);
  return new Date(Math.min(...onTheDay));
}

/**
 * Reads a news date. Returns the parsed date, or a sentence saying what is wrong with it (the
 * schema turns that into a build error that names the field).
 * @example parseNewsDate('2023-03-29', 'Asia/Jerusalem').date.toISOString() // '2023-03-28T21:00:00.000Z'
 */
export function parseNewsDate(value: string, timeZone: string): NewsDate | string {
  const day = DAY.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (!isCalendarDay(year, month, date)) return `"${value}" is not a day of the calendar`;
    return { date: startOfDay(Date.UTC(year, month - 1, date), timeZone), iso: value, hasTime: false };
  }
  const full = INSTANT.exec(value);
  if (full) {
    const [year, month, date] = [Number(full[1]), Number(full[2]), Number(full[3])];
    const [hours, minutes, seconds] = [Number(full[4]), Number(full[5]), Number(full[6] ?? 0)];
    const offsetOk = full[7] === 'Z' || (Number(full[8]) <= 14 && Number(full[9]) < 60);
    if (!isCalendarDay(year, month, date) || hours > 23 || minutes > 59 || seconds > 59 || !offsetOk) {
      return `"${value}" is not a real date and time`;
    }
    return { date: new Date(value), iso: value, hasTime: true };
  }
  if (LOCAL_TIME.test(value)) {
    return `"${value}" has a time but no UTC offset; add one, e.g. "${value.slice(0, 16)}:00+03:00"`;
  }
  return `"${value}" is not a date; write "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS+HH:MM"`;
}

/** Formatting options for {@link formatDate}; both come from the site config. */
export interface DateFormat {
  /** e.g. "en-US" */
  readonly locale: string;
  /** e.g. "Asia/Jerusalem" */
  readonly timeZone: string;
}

/**
 * The date as a reader says it, in the site's zone: "March 29, 2023".
 * @example formatDate(parsed, { locale: 'en-US', timeZone: 'Asia/Jerusalem' })
 */
export function formatDate(value: NewsDate, { locale, timeZone }: DateFormat): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(value.date);
}

/**
 * An RFC 3339 date-time (ISO 8601 with its UTC offset) at the offset `timeZone` has at that
 * instant, to the second (news dates carry no milliseconds). The one writer of "ISO with offset":
 * feeds, the news sitemap, structured data and Open Graph all go through it.
 * @example rfc3339(new Date('2023-03-28T21:00:00Z'), 'Asia/Jerusalem') // '2023-03-29T00:00:00+03:00'
 */
export function rfc3339(date: Date, timeZone: string): string {
  const minutes = zoneOffsetMinutes(date, timeZone);
  const wallClock = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wallClock}${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/**
 * A news date as a full ISO 8601 instant with its UTC offset, as structured data, Open Graph and
 * the news sitemap want it. A calendar day becomes midnight in the site's zone
 * ("2023-03-29T00:00:00+03:00", see {@link rfc3339}); an instant keeps the offset its author wrote
 * ("2023-03-29T10:05:00Z" stays so), since that is the date as published.
 */
export function isoWithOffset(value: NewsDate, timeZone: string): string {
  return value.hasTime ? value.iso : rfc3339(value.date, timeZone);
}

/**
 * The calendar day a news date falls on in `timeZone`, as "YYYY-MM-DD": a day as written, an
 * instant as the site's readers' clocks show it.
 * @example calendarDay(parseNewsDate('2024-06-08T22:30:00Z', 'Asia/Jerusalem'), 'Asia/Jerusalem') // '2024-06-09'
 */
export function calendarDay(value: NewsDate, timeZone: string): string {
  return value.hasTime ? rfc3339(value.date, timeZone).slice(0, 10) : value.iso;
}

/**
 * Whether `a` is before `b`. Two instants compare as instants; when either is a day without a
 * time, they compare as calendar days in `timeZone`: a notice dated "2024-06-09" on an article
 * published that day at 14:30 is the same day, not an earlier midnight.
 */
export function isBefore(a: NewsDate, b: NewsDate, timeZone: string): boolean {
  return a.hasTime && b.hasTime ? a.date < b.date : calendarDay(a, timeZone) < calendarDay(b, timeZone);
}
