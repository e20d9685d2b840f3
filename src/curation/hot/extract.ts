/**
 * `extractTopics(article)`: an article's candidate topics, run once when the article is written. The headline
 * counts in full, the lead of the body (its first sentences) at half weight; editors' topics are always candidates.
 * One mention per key and article, the headline's first.
 */
import { createEnglishTagger } from './extract-english.js';
import { chineseCandidates } from './extract-chinese.js';
import { cleanText, isMostlyHan, topicKey } from './normalize.js';
import type { TopicArticle, TopicMention } from './types.js';

/** How much of the body is read: the lead says what a story is about, and the rest costs time. */
const LEAD_CHARS = 400;

export interface TopicExtractor {
  extractTopics(article: TopicArticle): TopicMention[];
}

/** Loads the English model once (about 0.2 s); keep one extractor per process. */
export function createTopicExtractor(): TopicExtractor {
  const english = createEnglishTagger();
  const candidates = (text: string, inHeadline: boolean, firstSpan: number, lang: string | undefined) => {
    const zh = lang ? lang.toLowerCase().startsWith('zh') : isMostlyHan(text);
    return zh ? chineseCandidates(text, inHeadline, firstSpan) : english.candidates(text, inHeadline, firstSpan);
  };
  return {
    extractTopics(article) {
      const out = new Map<string, TopicMention>();
      const add = (m: TopicMention) => {
        if (!out.has(m.key)) out.set(m.key, m);
      };
      let span = 0;
      for (const topic of article.topics ?? []) {
        const label = cleanText(topic);
        const key = topicKey(label);
        if (key) add({ key, label, kind: 'editor', inHeadline: true, span: span++, length: key.split(' ').length });
      }
      const title = cleanText(article.title ?? '');
      const headline = title ? candidates(title, true, span, article.lang) : [];
      headline.forEach(add);
      span = headline.reduce((max, m) => Math.max(max, m.span + 1), span);
      const lead = leadOf(article.body);
      if (lead) candidates(lead, false, span, article.lang).forEach(add);
      return [...out.values()];
    },
  };
}

/** The body's first sentences, up to about `LEAD_CHARS`, cut at a sentence or word end. */
export function leadOf(body: string | null | undefined): string {
  if (!body) return '';
  const text = cleanText(body.replace(/<[^>]*>/g, ' '));
  if (text.length <= LEAD_CHARS) return text;
  const cut = text.slice(0, LEAD_CHARS);
  const sentence = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return sentence > LEAD_CHARS / 2 ? cut.slice(0, sentence + 1) : cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : undefined);
}
