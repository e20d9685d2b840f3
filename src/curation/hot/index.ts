/**
 * Hot Topics: the topics (names and key phrases in the news, plus editors' topics) whose share of recent coverage
 * and reads bursts above their own baseline. Pure: no I/O, the clock passed in. This folder owns extracting topic
 * candidates from an article, ranking them at an instant, editors' overrides and the explanation of each topic;
 * storing observations and serving the list belong to the store and to the curation seam.
 *
 * API, in the order a newsroom uses it:
 * - `createTopicExtractor()` loads the English model once; `extractor.extractTopics(article)` → `TopicMention[]`,
 *   run once per article when it is written (English with wink-nlp, Chinese with `Intl.Segmenter`). Store each
 *   mention with the article's id and publication time as a `TopicObservation`.
 * - `rankHotTopics(articles, now, settings?, overrides?, reads?)` → `HotTopic[]`, run on refresh with each article
 *   of the last `recentHours + baselineHours` and its mentions (older ones are ignored; `byArticle` groups flat
 *   observations): pinned topics first, then bursting topics (one per story), then the most frequent recent topics
 *   when fewer burst. Each topic carries its key (what editors' overrides name), label, aliases, recent article ids
 *   and an explanation.
 *
 * ```ts
 * const extractor = createTopicExtractor();
 * const mentioned = articles.map((a) => mentionsOf(a.id, Date.parse(a.publishedAt), extractor.extractTopics(a)));
 * const hot = rankHotTopics(mentioned, clock.now(), {}, { pinned: ['world cup'], hidden: ['weather'] });
 * ```
 */
export { createTopicExtractor, leadOf, type TopicExtractor } from './extract.js';
export { rankHotTopics } from './rank.js';
export { byArticle, mentionsOf } from './window.js';
export { burst } from './burst.js';
export { cleanText, decodeEntities, topicKey } from './normalize.js';
export {
  type ArticleMentions,
  defaultHotSettings,
  PACKED_SEPARATOR,
  type HotExplanation,
  type HotSettings,
  type HotTopic,
  type TopicArticle,
  type TopicKind,
  type TopicMention,
  type TopicObservation,
  type TopicOverrides,
  type TopicReads,
} from './types.js';
