/**
 * Pages scraped from the web often open with a line that only says when they were posted: "Posted August 2nd,
 * 2013 at 5:19 pm", "May 5 2010 15:14", "Sat Nov 12 2011, 01:19 hrs". For a record that came without a date, that
 * line is its date; and it is never its headline. Pure; dates are read with chrono-node.
 */
import * as chrono from 'chrono-node';

/** A timestamp line is short: the date and a few words around it ("Posted", "at", "Last updated"). */
const MAX_LINE_LENGTH = 80;
const MAX_OTHER_WORDS = 3;
const DATE_PARTS: readonly chrono.Component[] = ['year', 'month', 'day'];

/**
 * The date a line states when the line is only a timestamp, else null. Year, month and day must all be written
 * out: "APR 28" or "Saturday" say too little to date a story. The time of day, when written, is read as UTC.
 */
export function timestampOf(line: string): Date | null {
  const text = line.trim();
  if (!text || text.length > MAX_LINE_LENGTH) return null;
  const [found] = chrono.parse(text, { instant: new Date(0), timezone: 'UTC' });
  if (!found || !DATE_PARTS.every((part) => found.start.isCertain(part))) return null;
  const rest = `${text.slice(0, found.index)} ${text.slice(found.index + found.text.length)}`;
  const otherWords = rest.match(/\p{L}[\p{L}'’]*/gu) ?? [];
  if (otherWords.length > MAX_OTHER_WORDS) return null;
  const date = found.start.date();
  return Number.isFinite(date.getTime()) ? date : null;
}
