/**
 * When a story says it happened, for relating stories. Pure.
 *
 * A story's publication time is not always when its news happened: an archive imported without dates lands at the
 * import's instant, and two earthquakes in one place years apart read alike word for word. What the text says about
 * its own time is then the one thing that tells the two apart. Many stories name no year; those that do are about
 * the latest year they name, or later: earlier years are background ("in rehab in 2005"), and a timestamp line
 * ("Published: 09th June 2013") names the story's own year. That latest year is kept with the story's terms as
 * `^2013` and compared, never looked up and never part of the words' cosine.
 *
 * Two stories that name the same latest year are more likely about one event than two that do not both name one.
 * Naming different years is not counted against a pair: a follow-up recalls years its first report never named, and
 * a penalty for it lowered ECB+ precision (`bench/RESULTS.md`).
 */

/** Prefix of the term that carries a story's latest named year. */
const YEAR_PREFIX = '^';
/** Years of modern news: a four-digit number from 1900 to 2099 written on its own. */
const YEAR = /^(?:19|20)\d\d$/;

/** The year a word names, or null: "2013" is a year, "2,013", "2013-14" and "1990s" are not. */
export function yearOf(word: string): number | null {
  return word.length === 4 && YEAR.test(word) ? Number(word) : null;
}

export function yearTerm(year: number): string {
  return `${YEAR_PREFIX}${year}`;
}

export function isYearTerm(term: string): boolean {
  return term.startsWith(YEAR_PREFIX);
}

/** The latest year a story names, read from its terms; null when it names none. */
export function statedYearOf(terms: readonly { term: string }[]): number | null {
  for (const { term } of terms) if (isYearTerm(term)) return Number(term.slice(YEAR_PREFIX.length));
  return null;
}

/**
 * What a candidate's score is multiplied by for the years the two stories name: `factor` when both name the same
 * latest year, 1 when either names none or they differ.
 */
export function sameYearFactor(storyYear: number | null, candidateYear: number | null, factor: number): number {
  return storyYear !== null && storyYear === candidateYear ? factor : 1;
}
