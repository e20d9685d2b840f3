/**
 * English topic candidates with wink-nlp's part-of-speech tags: runs of nouns and proper nouns (names), cut into
 * every sub-phrase of up to four words that begins and ends on a noun. Title-case and all-caps headlines are
 * tagged again in lower case, so that "Visits" in "Xi Visits Europe" is read as the verb it is.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { ENGLISH_STOPWORDS } from './stopwords.js';
import { topicKey } from './normalize.js';
import type { TopicMention } from './types.js';

const MAX_WORDS = 4;
type Role = 'content' | 'modifier' | 'connector' | 'break';

interface Word {
  text: string;
  /** Spacing before the word as written, so labels keep "Men's Wearhouse" and "Jos. A. Bank" as they were. */
  space: string;
  pos: string;
  lemma: string;
  capitalised: boolean;
  role: Role;
  /** Reads as a name (proper noun or capitalised adjective such as "Chinese"). */
  name: boolean;
  /** A verb's "-ing" form, kept as a noun ("office shooting") unless it takes an object. */
  gerund: boolean;
}

const BREAK_POS = new Set(['VERB', 'ADV', 'ADP', 'AUX', 'PRON', 'DET', 'CCONJ', 'SCONJ', 'PART', 'INTJ', 'PUNCT', 'SYM']);

export interface EnglishTagger {
  /** Candidate mentions of one stretch of text; span numbers start at `firstSpan`. */
  candidates(text: string, inHeadline: boolean, firstSpan: number): TopicMention[];
}

export function createEnglishTagger(): EnglishTagger {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const tag = (text: string) => {
    const tokens = nlp.readDoc(text).tokens();
    return {
      values: tokens.out(its.value) as string[],
      pos: tokens.out(its.pos) as string[],
      // wink's declarations type `its.lemma` with a different signature from the other helpers; it works the same.
      lemma: tokens.out(its.lemma as unknown as typeof its.normal) as string[],
      spaces: tokens.out(its.precedingSpaces) as string[],
    };
  };

  function words(text: string): Word[] {
    const t = tag(text);
    const letters = text.replace(/[^\p{L}]/gu, '');
    const allCaps = letters.length > 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const significant = t.values.filter((v) => /^\p{L}/u.test(v) && !ENGLISH_STOPWORDS.has(v.toLowerCase()));
    const titleCase =
      allCaps || (significant.length >= 3 && significant.filter((v) => /^\p{Lu}/u.test(v)).length / significant.length >= 0.8);
    const lower = titleCase ? tag(text.toLowerCase()) : null;
    const aligned = lower && lower.values.length === t.values.length ? lower : null;

    const out: Word[] = [];
    for (let i = 0; i < t.values.length; i++) {
      const value = t.values[i]!;
      const prev = out[out.length - 1];
      // Rejoin hyphenated names the tokenizer split ("Jay - Z" → "Jay-Z").
      if (value === '-' && prev && t.spaces[i] === '' && t.spaces[i + 1] === '' && i + 1 < t.values.length) {
        const next = t.values[++i]!;
        prev.text += `-${next}`;
        prev.lemma += `-${next.toLowerCase()}`;
        if (t.pos[i] === 'PROPN') prev.pos = 'PROPN';
        continue;
      }
      const w: Word = {
        text: value,
        space: out.length ? (t.spaces[i] ?? ' ') : '',
        pos: t.pos[i]!,
        lemma: t.lemma[i] ?? value.toLowerCase(),
        capitalised: !allCaps && /^\p{Lu}/u.test(value),
        role: 'break',
        name: false,
        gerund: false,
      };
      const lowered = aligned?.pos[i];
      // In a title-case headline every word is capitalised: a word the lower-case reading calls a common noun is
      // one ("Smartphones" → "smartphone"), and one it calls a verb or function word is no name at all.
      const commonNoun = titleCase && lowered === 'NOUN';
      if (commonNoun) {
        w.pos = 'NOUN';
        w.lemma = aligned!.lemma[i] ?? w.lemma;
      }
      classify(w, lowered, titleCase);
      if (commonNoun) w.name = false;
      out.push(w);
    }
    for (let i = 1; i < out.length - 1; i++) {
      const w = out[i]!;
      const before = out[i - 1]!;
      const after = out[i + 1]!;
      // "of" and "&" inside names: "Bank of America", "Game of Thrones"; a possessive between two names may be
      // part of one ("Men's Wearhouse"): the support of each cut decides later.
      const joins = w.text === 'of' || w.text === '&' || (/^'s$/i.test(w.text) && w.space === '');
      if (joins && before.role === 'content' && (before.name || before.capitalised) && after.name) w.role = 'connector';
    }
    // Headlines drop the articles that would tell a verb from a noun, so the tagger reads many verbs as nouns and a
    // run of "nouns" becomes a clause: "Apple releases iOS", "Secrets rule Westeros", "tanker carrying oil".
    // A topic is a name or a noun phrase, so a verb between its subject and what follows breaks the run. A word
    // that could be either stays a noun when the word after it reads as the verb ("China exports slump"), when
    // nothing follows, or when nothing names a subject before it ("missing plane", "emerging markets").
    for (let i = 1; i < out.length - 1; i++) {
      const w = out[i]!;
      const before = out[i - 1]!;
      const after = out[i + 1]!;
      // A subject the tagger read as a verb is still a subject: "Start-up launches battery-swap network".
      const misreadSubject = before.role === 'break' && before.pos === 'VERB' && /^\p{L}/u.test(before.text);
      if (w.role !== 'content' || w.name || (before.role !== 'content' && !misreadSubject)) continue;
      const clause = w.gerund
        ? before.role === 'content' && after.role !== 'break'
        : (before.name || before.capitalised || misreadSubject) &&
          w.pos === 'NOUN' &&
          // A verb agrees with its subject: "Apple releases", "Hackers claim".
          (/\p{L}{2}[^s'u]s$/u.test(w.text) || /\p{L}[^s'u]s$/u.test(before.text)) &&
          readsAsVerb(w.text) &&
          !readsAsVerb(after.text);
      if (clause) w.role = 'break';
    }
    return out;
  }

  /** Whether the tagger reads the word as a verb after a pronoun ("it releases", "they fall"), a bare verb form. */
  const verbs = new Map<string, boolean>();
  function readsAsVerb(text: string): boolean {
    const lower = text.toLowerCase();
    let verb = verbs.get(lower);
    if (verb === undefined) {
      verb = tag(`${/s$/.test(lower) ? 'it' : 'they'} ${lower}`).pos[1] === 'VERB';
      if (verbs.size >= 10_000) verbs.clear();
      verbs.set(lower, verb);
    }
    return verb;
  }

  function classify(w: Word, lowered: string | undefined, titleCase: boolean): void {
    const lower = w.text.toLowerCase();
    if (ENGLISH_STOPWORDS.has(lower) || !/[\p{L}]/u.test(w.text) && !/^\d{3,}$/.test(w.text)) {
      w.role = /^\d/.test(w.text) ? 'modifier' : 'break';
      return;
    }
    if (lower.length < 2) return;
    if (w.pos === 'VERB' && /\p{L}{3}ing$/u.test(lower)) {
      // Events are often named by gerunds the tagger reads as verbs: "office shooting", "tapering".
      w.role = 'content';
      w.lemma = lower;
      w.gerund = true;
      return;
    }
    if (titleCase && lowered && BREAK_POS.has(lowered)) return;
    if (w.pos === 'PROPN') {
      w.role = 'content';
      w.name = true;
    } else if (w.pos === 'NOUN') {
      w.role = 'content';
      w.name = w.capitalised;
    } else if (w.pos === 'NUM') {
      w.role = /\p{L}/u.test(w.text) ? 'content' : 'modifier';
      w.name = w.role === 'content';
    } else if (w.pos === 'ADJ') {
      w.role = w.capitalised && !titleCase ? 'content' : 'modifier';
      w.name = w.role === 'content';
    } else if (w.pos === 'X' && /\p{L}/u.test(w.text)) {
      w.role = 'content';
      w.name = w.capitalised;
    }
  }

  return {
    candidates(text, inHeadline, firstSpan) {
      const ws = words(text);
      const mentions: TopicMention[] = [];
      let span = firstSpan;
      let start = 0;
      while (start < ws.length) {
        if (ws[start]!.role === 'break') {
          start++;
          continue;
        }
        let end = start;
        while (end + 1 < ws.length && ws[end + 1]!.role !== 'break') end++;
        // Possessive "'s" and the like end a run; so does the end of the text.
        for (let i = start; i <= end; i++) {
          if (ws[i]!.role !== 'content') continue;
          // The lead only adds names and short phrases: context for the headline, not topics of its own wording.
          for (let j = i; j <= end && j < i + (inHeadline ? MAX_WORDS : 2); j++) {
            if (ws[j]!.role !== 'content') continue;
            const part = ws.slice(i, j + 1);
            const label = part.map((w, n) => (n ? w.space : '') + w.text).join('');
            const last = part[part.length - 1]!;
            // Plural common nouns count with their singular: "stocks" and "stock" are one topic.
            const keyText =
              last.pos === 'NOUN' && !last.name
                ? part.map((w, n) => (n ? w.space : '') + (w === last ? singular(last) : w.text)).join('')
                : label;
            const key = topicKey(keyText);
            if (key.length < 2) continue;
            mentions.push({
              key,
              label,
              kind: part.every((w) => w.name || w.role !== 'content') ? 'entity' : 'phrase',
              inHeadline,
              span,
              length: part.length,
            });
          }
        }
        span++;
        start = end + 1;
      }
      return mentions;
    },
  };
}

/** The model's lemma, or for plurals it does not know ("smartphones") the word less its plural "s". */
function singular(w: Word): string {
  const lower = w.text.toLowerCase();
  if (w.lemma !== lower) return w.lemma;
  return lower.length > 3 && /[^sui']s$/.test(lower) ? lower.slice(0, -1) : lower;
}
