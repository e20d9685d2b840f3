/**
 * The edition: the site's name, time zone and locale. "Updated:" times and "today" are in the edition's zone, so a
 * Beijing portal shows Beijing time wherever its server runs.
 */
import { calendarParts, type IsoTime } from './article.js';
import { ValidationError } from './errors.js';

export interface Edition {
  siteName: string;
  tagline: string;
  timeZone: string;
  locale: string;
}

export const defaultEdition: Edition = {
  siteName: 'Newsdesk',
  tagline: 'News as it happens',
  timeZone: 'UTC',
  locale: 'en-GB',
};

export function assertTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw new ValidationError(`Unknown time zone "${timeZone}"; use an IANA name such as "Asia/Shanghai"`);
  }
}

/** "2015-09-11 21:03", the seed page's format, on the edition's wall clock. */
export function formatStamp(time: IsoTime, timeZone: string): string {
  const p = calendarParts(new Date(time), timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The UTC instant at which the edition's calendar day containing `now` began. */
export function startOfEditionDay(now: Date, timeZone: string): Date {
  const p = calendarParts(now, timeZone);
  const wallMidnightAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
  const offsetMs = zoneOffsetMs(new Date(wallMidnightAsUtc), timeZone);
  return new Date(wallMidnightAsUtc - offsetMs);
}

/** How far the zone's wall clock runs ahead of UTC at `instant`. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = calendarParts(instant, timeZone);
  const wallAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  const instantToMinute = Math.floor(instant.getTime() / 60_000) * 60_000;
  return wallAsUtc - instantToMinute;
}
