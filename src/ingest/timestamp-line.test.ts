import { describe, expect, it } from 'vitest';
import { timestampOf } from './timestamp-line.js';

describe('timestamp lines', () => {
  it.each([
    ['Posted August 2nd, 2013 at 5:19 pm', '2013-08-02T17:19:00.000Z'],
    ['May 5 2010 15:14', '2010-05-05T15:14:00.000Z'],
    ['Sat Nov 12 2011, 01:19 hrs', '2011-11-12T01:19:00.000Z'],
    ['September 18th, 2013, 05:31 GMT', '2013-09-18T05:31:00.000Z'],
    ['on Apr 12 2007', '2007-04-12T12:00:00.000Z'],
  ])('reads %j', (line, iso) => {
    expect(timestampOf(line)?.toISOString()).toBe(iso);
  });

  it.each([
    ['APR 28', 'no year'],
    ['Saturday', 'no date at all'],
    ['The 76ers fired Maurice Cheeks on December 13, 2008 after a loss.', 'a sentence that mentions a date'],
    ['On behalf of Newman, Anzalone & Newman, LLP. posted in Hit and Run Accidents on Friday, September 20, 2013.', 'a long line'],
    ['', 'an empty line'],
  ])('refuses %j (%s)', (line) => {
    expect(timestampOf(line)).toBeNull();
  });
});
