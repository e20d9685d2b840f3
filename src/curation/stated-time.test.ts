/** When a story says it happened: the latest year it names, kept with its terms and compared on its own. */
import { describe, expect, it } from 'vitest';
import { sameYearFactor, statedYearOf, yearOf, yearTerm } from './stated-time.js';
import { describesSubject, extractTerms, findsRelated, tokenize } from './terms.js';

describe('stated time', () => {
  it('reads a year only from a four-digit number of modern news written on its own', () => {
    expect(yearOf('2013')).toBe(2013);
    expect(yearOf('1923')).toBe(1923);
    expect(yearOf('1899')).toBeNull();
    expect(yearOf('2100')).toBeNull();
    expect(yearOf('12013')).toBeNull();
    expect(yearOf('2013-14')).toBeNull();
    expect(yearOf('1990s')).toBeNull();
  });

  it('keeps the latest year a story names, wherever it names it', () => {
    const terms = extractTerms({
      headline: 'Reid checks into rehab',
      text: 'Tara Reid, 33, has entered a treatment centre. She was first treated there in 2005. Her 2008 tour is off.',
      topics: [],
    });
    expect(statedYearOf(terms)).toBe(2008);
    expect(statedYearOf(extractTerms({ headline: 'Quake of 2013 recalled', text: 'It struck in 1989.', topics: [] }))).toBe(2013);
    expect(statedYearOf(extractTerms({ headline: 'Reid checks into rehab', text: 'A publicist said so on Friday, aged 33.', topics: [] }))).toBeNull();
    // A year is a number, not a word of the story.
    expect(tokenize('Quake of 2013')).toEqual(['quake']);
  });

  it('carries the year beside the limit of describing terms, never looked up and never in the cosine', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    const terms = extractTerms({ headline: '', text: `${words} in 2013`, topics: [] }, 10);
    expect(terms).toHaveLength(11);
    expect(terms[10]).toEqual({ term: yearTerm(2013), weight: 1 });
    expect(findsRelated(yearTerm(2013))).toBe(false);
    expect(describesSubject(yearTerm(2013))).toBe(false);
    expect(describesSubject('quake')).toBe(true);
  });

  it('raises a story that names the same latest year, and counts nothing against differing or missing years', () => {
    expect(sameYearFactor(2013, 2013, 1.5)).toBe(1.5);
    expect(sameYearFactor(2013, 2008, 1.5)).toBe(1);
    expect(sameYearFactor(2013, null, 1.5)).toBe(1);
    expect(sameYearFactor(null, null, 1.5)).toBe(1);
  });
});
