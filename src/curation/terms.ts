/**
 * The terms that characterise a story, for relating it to others. Pure: text in, weighted terms out.
 *
 * A story is described by its words (lightly stemmed, so "attacks" meets "attack"), its names (runs of capitalised
 * words in running text, indexed whole as `@malaysia-airlines` as well as word by word, and weighted up), word pairs
 * of its headline (`headline~pair`, so "Mt. Gox" or "Metro North" count once as one subject rather than as two
 * common words), country names for their adjectives ("Chinese" also means `china`), its tags (`#slug`), its
 * section (`§slug`) and the latest year it names (`^2013`, see `stated-time.ts`).
 * Headline and lead count more than the rest of the body. Words are cut with Intl.Segmenter, so Chinese (which has
 * no spaces) yields words too.
 */
import { slugify } from '../domain/slug.js';
import type { WeightedTerm } from '../store/index.js';
import { isYearTerm, yearOf, yearTerm } from './stated-time.js';

const HEADLINE_WEIGHT = 3;
/** The first sentences of a body say what the story is about; the rest adds detail. */
const LEAD_WEIGHT = 2;
const LEAD_SENTENCES = 2;
const TOPIC_WEIGHT = 6;
/** A section is an editors' label as a tag is, and counts as much. */
const SECTION_WEIGHT = TOPIC_WEIGHT;
const SECTION_PREFIX = '§';
/** A name is worth more than a common word of the same frequency. */
const NAME_BOOST = 1.6;
/** Names and headline pairs are rarer than words, so their own weight can stay modest. */
const PHRASE_WEIGHT = 1.2;
export const MAX_TERMS_PER_ARTICLE = 60;

// Function words and wire boilerplate that say nothing about a story's subject.
const stopwords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once
  only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves said says say told new one two three also
  year years last week month months first next may might must shall per pct mln billion million dlrs cts reuter
  reuters inc corp co ltd mr mrs ms would could since year's its it's de la le et du des les get gets got make makes
  made take takes see sees seen amid via like just still back many much even well yet ago update updated
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow day days time times`.split(/\s+/),
);

/** Country adjectives and short forms, so "Chinese president" and "China's leader" share a term. */
const countries: Record<string, string> = {
  american: 'united-states', america: 'united-states', 'u.s': 'united-states', 'u.s.': 'united-states', usa: 'united-states', us: 'united-states',
  british: 'britain', uk: 'britain', 'u.k': 'britain', 'u.k.': 'britain', england: 'britain', english: 'britain',
  chinese: 'china', beijing: 'china', japanese: 'japan', tokyo: 'japan', russian: 'russia', moscow: 'russia', kremlin: 'russia',
  ukrainian: 'ukraine', kiev: 'ukraine', kyiv: 'ukraine', german: 'germany', berlin: 'germany', french: 'france', paris: 'france',
  indian: 'india', pakistani: 'pakistan', iranian: 'iran', tehran: 'iran', iraqi: 'iraq', baghdad: 'iraq', afghan: 'afghanistan',
  israeli: 'israel', palestinian: 'palestine', syrian: 'syria', egyptian: 'egypt', turkish: 'turkey', greek: 'greece',
  italian: 'italy', spanish: 'spain', mexican: 'mexico', canadian: 'canada', australian: 'australia', brazilian: 'brazil',
  korean: 'korea', malaysian: 'malaysia', indonesian: 'indonesia', filipino: 'philippines', philippine: 'philippines',
  vietnamese: 'vietnam', thai: 'thailand', saudi: 'saudi-arabia', european: 'europe', african: 'africa', nigerian: 'nigeria',
  irish: 'ireland', scottish: 'scotland', dutch: 'netherlands', swiss: 'switzerland', swedish: 'sweden', polish: 'poland',
  venezuelan: 'venezuela', argentine: 'argentina', cuban: 'cuba', lebanese: 'lebanon', libyan: 'libya', somali: 'somalia',
  中国: 'china', 美国: 'united-states', 日本: 'japan', 俄罗斯: 'russia', 英国: 'britain',
};
// A Map, not the object itself: a word such as "constructor" must not find Object's own members.
const countryByWord = new Map(Object.entries(countries));
const countryOf = (word: string) => countryByWord.get(word);

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;
const CAPITALISED = /^\p{Lu}/u;

/** Numeric and a few named HTML entities left in aggregator headlines ("Beyonc&#233;"). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text
    .replace(/&#(\d{1,6});/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'");
}

/**
 * A light English stemmer (plurals, -ed and -ing, after Porter's first step): "banks", "banking" and "banked" meet
 * at "bank". Words that are not plain lower-case Latin pass unchanged.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // Every rule below takes off an ending in s, g or d; most words have none of those.
  if (w.endsWith('s')) {
    if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (/(?:sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
    else if (!/(?:ss|us|is|os|as)$/.test(w)) w = w.slice(0, -1);
  }
  const last = w.charCodeAt(w.length - 1);
  const suffix = last === 103 || last === 100 ? /(?:ing|ed)$/.exec(w) : null;
  if (suffix && w.length - suffix[0].length >= 3 && /[aeiouy]/.test(w.slice(0, -suffix[0].length))) {
    w = w.slice(0, -suffix[0].length);
    if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
    // A short stem that lost its "e" gets it back: "filed" and "losing" meet "file" and "lose".
    else if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w)) w = `${w}e`;
  }
  return w;
}

interface Token {
  /** The indexed form: lower-cased, stemmed. */
  term: string;
  /** Written with a capital not at a sentence's start: probably part of a name. */
  name: boolean;
  /** Position among the text's word-like runs, so names are made of adjacent words only. */
  index: number;
  /** Which stretch between punctuation marks the word is in, so word pairs never span a break. */
  clause: number;
}

const PUNCTUATION = /^[.,!?:;"“”()[\]|–—-]$/u;
/** A word with a mark that reading it may take off or change: a dot, an apostrophe. */
const MARKED = /[.'’]/;
const ABBREVIATION = /^(?:mr|mrs|ms|dr|st|mt|jr|sr|gov|sen|rep|gen|lt|col|corp|inc|co|no)\.$/i;

/** What a text says about its own time, gathered while its words are read. */
interface StatedTime {
  /** The latest year named so far; 0 for none. */
  latestYear: number;
}

/**
 * Words of a text with whether each looks like part of a name. `titleCase` texts (headlines Written Like This)
 * say nothing by their capitals. Numbers are not words; the years among them go to `stated` when given.
 */
function tokens(text: string, titleCase: boolean, stated?: StatedTime): Token[] {
  const out: Token[] = [];
  let index = 0;
  let clause = 0;
  let sentenceStart = true;
  const normalized = decodeEntities(text).normalize('NFKC');
  // A run of Han characters, a word (letters and digits with inner apostrophes, dots as in U.S., hyphens), or a
  // punctuation mark.
  for (const match of normalized.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*\.?|[.,!?:;"“”()[\]|–—-]/gu)) {
    const run = match[0];
    if (run.length === 1 && PUNCTUATION.test(run)) {
      if (/[.!?:;]/.test(run)) sentenceStart = true;
      clause++;
      index++;
      continue;
    }
    if (HAN.test(run)) {
      for (const { segment, isWordLike } of wordSegmenter.segment(run)) {
        if (!isWordLike || [...segment].length < 2) continue;
        const country = countryOf(segment);
        if (country) out.push({ term: country, name: true, index, clause });
        out.push({ term: segment, name: false, index: index++, clause });
      }
      sentenceStart = false;
      continue;
    }
    const endsSentence = run.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(run) && !ABBREVIATION.test(run);
    const lower = run.toLowerCase();
    const marked = MARKED.test(lower);
    const word = marked ? lower.replace(/[’]/g, "'").replace(/\.$/, '').replace(/'s$/, '').replace(/^'+|'+$/g, '') : lower;
    const isName = !titleCase && !sentenceStart && CAPITALISED.test(run);
    sentenceStart = endsSentence;
    const position = index++;
    const wordClause = clause;
    if (endsSentence) clause++;
    const dotted = marked && word.includes('.');
    const plain = dotted ? word.replace(/\./g, '') : word;
    const country = countryOf(word) ?? (dotted ? countryOf(plain) : undefined);
    if (country) {
      out.push({ term: country, name: true, index: position, clause: wordClause });
      continue;
    }
    // Two letters are kept only as a name or an acronym: "Xi", "EU", "GM".
    const short = plain.length === 2 && (/^\p{Lu}{2}$/u.test(run) || (isName && /^\p{Lu}\p{Ll}$/u.test(run)));
    if (plain.length < 3 && !short) continue;
    const first = plain.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      if (stated) {
        const year = yearOf(plain);
        if (year !== null && year > stated.latestYear) stated.latestYear = year;
      }
      continue;
    }
    if (stopwords.has(plain) || (dotted && stopwords.has(word))) continue;
    out.push({ term: stem(marked ? plain.replace(/'/g, '') : plain), name: isName, index: position, clause: wordClause });
  }
  return out;
}

/**
 * Words of a text, lower-cased and stemmed, without stopwords, numbers or words under three letters. Han text goes
 * through Intl.Segmenter (Chinese has no spaces).
 */
export function tokenize(text: string): string[] {
  return tokens(text, true).map((t) => t.term);
}

/** A headline Written Like This: its capitals mark style, not names. */
function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’]*/gu) ?? [];
  if (words.length < 3) return true;
  const long = words.filter((w) => w.length > 3);
  const capitalised = long.filter((w) => CAPITALISED.test(w)).length;
  return long.length > 0 && capitalised / long.length > 0.6;
}

/** Runs of adjacent name words ("Malaysia Airlines", "Lindsay Lohan") as one term each. */
function names(list: Token[]): string[] {
  const out: string[] = [];
  let run: Token[] = [];
  const close = () => {
    if (run.length >= 2) out.push(`@${run.map((t) => t.term).join('-')}`);
    run = [];
  };
  for (const token of list) {
    if (token.name && (!run.length || token.index === run[run.length - 1]!.index + 1)) run.push(token);
    else {
      close();
      if (token.name) run.push(token);
    }
  }
  close();
  return out;
}

/**
 * Consecutive content words of a headline (function words between them do not part them, punctuation does), in
 * alphabetical order so "files for bankruptcy" and "bankruptcy filing" meet.
 */
function pairs(list: Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1]!;
    const b = list[i]!;
    if (b.clause !== a.clause || a.term === b.term || b.index === a.index) continue;
    out.push(a.term < b.term ? `${a.term}~${b.term}` : `${b.term}~${a.term}`);
  }
  return out;
}

const SENTENCE_BREAK = /(?<=[.!?。！？])\s+|\n+/gu;

/**
 * The text's first `LEAD_SENTENCES` sentences, and the rest. Only the breaks up to the lead's end are looked for;
 * the breaks themselves are whitespace, which reading the words skips.
 */
function leadAndRest(text: string): [string, string] {
  SENTENCE_BREAK.lastIndex = 0;
  let breaks = 0;
  for (let found = SENTENCE_BREAK.exec(text); found; found = SENTENCE_BREAK.exec(text)) {
    if (++breaks === LEAD_SENTENCES) return [text.slice(0, found.index), text.slice(found.index + found[0].length)];
  }
  return [text, ''];
}

/**
 * Whether stories sharing `term` may be related for that alone. A section is shared by whole desks of unrelated
 * stories: it weighs in once stories are compared, but never brings one in.
 */
export function findsRelated(term: string): boolean {
  return !term.startsWith(SECTION_PREFIX) && !isYearTerm(term);
}

/**
 * Whether `term` describes what a story is about, and so counts in the cosine of two stories' terms. A named year
 * says when, not what: it is compared on its own (`stated-time.ts`).
 */
export function describesSubject(term: string): boolean {
  return !isYearTerm(term);
}

export interface TermSource {
  headline: string;
  text: string;
  topics: string[];
  section?: string;
}

/**
 * The story's strongest terms: headline words count three times, lead words twice, the rest once; names count
 * more and are also indexed whole; headline word pairs, each tag (`#slug`) and the section (`§slug`) are terms of
 * their own. Repetition helps only logarithmically so one long quote does not swamp the rest. At most `limit` of
 * them describe the story; the latest year it names (`^2013`) comes after those, whatever their weights, as it is
 * compared on its own rather than weighed against them.
 */
export function extractTerms(source: TermSource, limit = MAX_TERMS_PER_ARTICLE): WeightedTerm[] {
  const counts = new Map<string, number>();
  const nameWords = new Set<string>();
  const add = (term: string, amount: number) => counts.set(term, (counts.get(term) ?? 0) + amount);
  const stated: StatedTime = { latestYear: 0 };
  const headline = tokens(source.headline, isTitleCase(source.headline), stated);
  const [lead, rest] = leadAndRest(source.text);
  const leadTokens = tokens(lead, false, stated);
  const restTokens = tokens(rest, false, stated);
  const phrases = new Map<string, number>();
  const addPhrase = (term: string, amount: number) => phrases.set(term, (phrases.get(term) ?? 0) + amount);
  for (const [list, amount] of [[headline, HEADLINE_WEIGHT], [leadTokens, LEAD_WEIGHT], [restTokens, 1]] as const) {
    for (const token of list) {
      add(token.term, amount);
      if (token.name) nameWords.add(token.term);
    }
    for (const name of names(list)) addPhrase(name, amount);
  }
  for (const pair of pairs(headline)) addPhrase(pair, HEADLINE_WEIGHT);
  // A headline's words that the body writes as a name are names too (headlines are often in title case).
  const weighted = [...counts].map(([term, tf]) => ({ term, weight: (1 + Math.log(tf)) * (nameWords.has(term) ? NAME_BOOST : 1) }));
  for (const [term, tf] of phrases) weighted.push({ term, weight: (1 + Math.log(tf)) * PHRASE_WEIGHT });
  for (const topic of source.topics) {
    const slug = slugify(topic);
    if (slug) weighted.push({ term: `#${slug}`, weight: TOPIC_WEIGHT });
  }
  const section = slugify(source.section ?? '');
  if (section) weighted.push({ term: `${SECTION_PREFIX}${section}`, weight: SECTION_WEIGHT });
  const unique = new Map<string, { term: string; weight: number }>();
  for (const t of weighted) if (!unique.has(t.term) || unique.get(t.term)!.weight < t.weight) unique.set(t.term, t);
  const described = [...unique.values()]
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit)
    .map((t) => ({ term: t.term, weight: Math.round(t.weight * 1000) / 1000 }));
  // Its weight is never read (the year is compared, not weighed); 1 keeps it a plain posting in the index.
  if (stated.latestYear) described.push({ term: yearTerm(stated.latestYear), weight: 1 });
  return described;
}
