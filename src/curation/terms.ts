/**
 * The terms that characterise a story, for relating it to others. Pure: text in, weighted terms out.
 * Words are cut with Intl.Segmenter, so Chinese (which has no spaces) yields words too.
 */
import { slugify } from '../domain/slug.js';
import type { WeightedTerm } from '../store/index.js';

const HEADLINE_WEIGHT = 3;
const TOPIC_WEIGHT = 6;
export const MAX_TERMS_PER_ARTICLE = 40;

// Function words and wire boilerplate that say nothing about a story's subject.
const stopwords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
  only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves said says say told new one two three also
  year years last week month months first next may might must shall per pct mln billion million dlrs cts reuter
  reuters inc corp co ltd mr mrs ms would could since year's its it's de la le et du des les`.split(/\s+/),
);

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
// A run of Han characters, or a word: letters and digits with inner apostrophes.
const HAN_RUNS_OR_WORDS = /\p{Script=Han}+|[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/**
 * Words of a text, lower-cased, without stopwords, numbers or words under three letters. Han text goes through
 * Intl.Segmenter (Chinese has no spaces); everything else through a plain word pattern, which is several times
 * faster and makes the same cuts for space-separated scripts.
 */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  for (const [run] of normalized.matchAll(HAN_RUNS_OR_WORDS)) {
    if (HAN.test(run)) {
      for (const { segment, isWordLike } of wordSegmenter.segment(run)) if (isWordLike && [...segment].length >= 2) tokens.push(segment);
      continue;
    }
    const word = run.replace(/^'+|'+$/g, '').replace(/'s$/, '');
    if (word.length < 3 || /^\d/.test(word) || stopwords.has(word)) continue;
    tokens.push(word);
  }
  return tokens;
}

export interface TermSource {
  headline: string;
  text: string;
  topics: string[];
}

/**
 * The story's strongest terms: headline words count three times, each tag counts as a term of its own (`#slug`),
 * and repetition helps only logarithmically so one long quote does not swamp the rest.
 */
export function extractTerms(source: TermSource, limit = MAX_TERMS_PER_ARTICLE): WeightedTerm[] {
  const counts = new Map<string, number>();
  const add = (term: string, amount: number) => counts.set(term, (counts.get(term) ?? 0) + amount);
  for (const token of tokenize(source.headline)) add(token, HEADLINE_WEIGHT);
  for (const token of tokenize(source.text)) add(token, 1);
  const weighted = [...counts].map(([term, tf]) => ({ term, weight: 1 + Math.log(tf) }));
  for (const topic of source.topics) {
    const slug = slugify(topic);
    if (slug) weighted.push({ term: `#${slug}`, weight: TOPIC_WEIGHT });
  }
  const unique = new Map(weighted.map((t) => [t.term, t]));
  return [...unique.values()]
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit)
    .map((t) => ({ term: t.term, weight: Math.round(t.weight * 1000) / 1000 }));
}
