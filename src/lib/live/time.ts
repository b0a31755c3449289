import { calendarDay, dateTimeFormat, type DateFormat, type NewsDate } from '../site/dates';

/**
 * An update's time as a live page sets it apart: the clock time in the site's zone ("11:30"),
 * with the day first when it is not the day the page was published ("March 30, 11:30").
 * @example updateTimeLabel(time, published, siteConfig) // '10:15'
 */
export function updateTimeLabel(time: NewsDate, published: NewsDate, format: DateFormat): string {
  const { locale, timeZone } = format;
  const clock = dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(time.date);
  if (calendarDay(time, timeZone) === calendarDay(published, timeZone)) return clock;
  const day = dateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone }).format(time.date);
  return `${day}, ${clock}`;
}
