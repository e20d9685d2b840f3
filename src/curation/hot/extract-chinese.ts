/**
 * Chinese topic candidates with `Intl.Segmenter` (ICU's dictionary segmentation): words of two or more characters
 * and pairs of adjacent words of three or more characters ("深圳" + "地铁" → "深圳地铁", "习" + "近平" → "习近平"), cut at punctuation and function words. Latin words inside
 * Chinese text ("VIP", "iPhone") are candidates too.
 */
import { CHINESE_STOPWORDS } from './stopwords.js';
import { topicKey } from './normalize.js';
import type { TopicMention } from './types.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function chineseCandidates(text: string, inHeadline: boolean, firstSpan: number): TopicMention[] {
  const mentions: TopicMention[] = [];
  let span = firstSpan;
  let run: string[] = [];
  const flush = () => {
    for (let i = 0; i < run.length; i++) {
      const one = run[i]!;
      if ([...one].length >= 2) mentions.push(mention(one, inHeadline, span));
      const two = run[i + 1];
      // Pairs of one-character words are mostly grammar ("票可", "可享"); a one-character word beside a longer one
      // is often a name the dictionary split ("习" + "近平").
      if (two !== undefined && [...one].length + [...two].length >= 3) mentions.push(mention(one + two, inHeadline, span));
    }
    if (run.length) span++;
    run = [];
  };
  for (const seg of segmenter.segment(text)) {
    const word = seg.segment.trim();
    if (!seg.isWordLike || !word || CHINESE_STOPWORDS.has(word) || /^\p{N}+$/u.test(word)) flush();
    else run.push(word);
  }
  flush();
  return mentions;
}

function mention(label: string, inHeadline: boolean, span: number): TopicMention {
  return { key: topicKey(label), label, kind: 'phrase', inHeadline, span, length: Math.max(1, [...label].length / 2) };
}
