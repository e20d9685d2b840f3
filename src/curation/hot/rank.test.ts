import { describe, expect, it } from 'vitest';
import { burst } from './burst.js';
import { createTopicExtractor } from './extract.js';
import { rankHotTopics } from './rank.js';
import { byArticle } from './window.js';
import type { TopicObservation } from './types.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2014-03-11T12:00:00Z');
let seq = 0;

/** One article at `hoursAgo` mentioning `keys` (each its own span unless given as [key, span]). */
function article(hoursAgo: number, ...keys: (string | [string, number])[]): TopicObservation[] {
  const id = `a${++seq}`;
  return keys.map((k, i) => {
    const [key, span] = typeof k === 'string' ? [k, i] : k;
    return { key, label: key.replace(/\b\w/g, (c) => c.toUpperCase()), kind: 'entity', inHeadline: true, span, length: key.split(' ').length, articleId: id, at: NOW - hoursAgo * HOUR };
  });
}
const times = (n: number, make: (i: number) => TopicObservation[]) => Array.from({ length: n }, (_, i) => make(i)).flat();
const labels = (topics: { label: string }[]) => topics.map((t) => t.label);
/** Steady background news: `n` stories an hour over the last 27 hours on rotating filler topics. */
const background = (n = 4) => times(27 * n, (i) => article(0.1 + i / n, `filler ${i % 9}`));

describe('burst', () => {
  it('scores a rise above the topic\'s own share, not its size', () => {
    const steady = burst({ recent: 30, baseline: 240, recentTotal: 100, baselineTotal: 800 });
    const rising = burst({ recent: 12, baseline: 2, recentTotal: 100, baselineTotal: 800 });
    expect(steady.z).toBeLessThan(1);
    expect(rising.score).toBeGreaterThan(steady.score);
  });
  it('does not expect more stories than the window holds', () => {
    expect(burst({ recent: 3, baseline: 0, recentTotal: 3, baselineTotal: 0 }).expected).toBeLessThanOrEqual(3);
  });
});

describe('rankHotTopics', () => {
  it('returns nothing for an empty corpus', () => {
    expect(rankHotTopics([], NOW)).toEqual([]);
  });

  it('ranks a rising topic above a bigger steady one', () => {
    const obs = [
      ...background(),
      ...times(27 * 2, (i) => article(0.2 + i / 2, 'apple')), // two an hour, all day
      ...times(6, (i) => article(0.5 + i * 0.3, 'crimea')), // six in the last 3 hours, none before
    ];
    const hot = rankHotTopics(byArticle(obs), NOW);
    expect(hot[0]!.label).toBe('Crimea');
    expect(hot[0]!.reason).toBe('burst');
    expect(hot.find((t) => t.key === 'apple')?.reason).not.toBe('burst');
  });

  it('uses only what was published before now, within its windows', () => {
    const obs = [
      ...times(5, (i) => article(0.5 + i * 0.2, 'crimea')),
      ...times(5, (i) => article(-1 - i, 'future')), // after now
      ...times(5, (i) => article(40 + i, 'ancient')), // before the baseline
    ];
    const hot = rankHotTopics(byArticle(obs), NOW);
    expect(labels(hot)).toEqual(['Crimea']);
    expect(rankHotTopics(byArticle(obs), NOW - 5 * HOUR)).toEqual([]);
  });

  it('needs minRecent stories to burst', () => {
    const obs = [...background(), ...times(2, () => article(1, 'crimea'))];
    expect(rankHotTopics(byArticle(obs), NOW).filter((t) => t.reason === 'burst').map((t) => t.key)).not.toContain('crimea');
  });

  it('keeps one topic per story, named by the longest well-supported cut', () => {
    const obs = [
      ...background(),
      ...times(6, (i) => article(0.3 + i * 0.4, ['charles plosser', 0], ['plosser', 0], ['charles', 0], 'taper')),
      ...times(1, () => article(1, ['plosser', 0])),
    ];
    const hot = rankHotTopics(byArticle(obs), NOW);
    const story = hot.filter((t) => ['charles plosser', 'plosser', 'charles', 'taper'].some((k) => t.key === k || t.aliases.includes(k)));
    expect(story).toHaveLength(1);
    expect(story[0]!.label).toBe('Charles Plosser');
    expect(story[0]!.aliases).toEqual(expect.arrayContaining(['taper']));
  });

  it('prefers the shorter name when the longer one is not well supported', () => {
    const obs = [
      ...background(),
      ...times(2, (i) => article(0.3 + i, ['lindsay lohan', 0], ['lindsay', 0])),
      ...times(5, (i) => article(0.5 + i * 0.3, ['lindsay', 0])),
    ];
    expect(rankHotTopics(byArticle(obs), NOW)[0]!.label).toBe('Lindsay');
  });

  it('folds phrases that co-occur in the same stories into one topic (aliases)', () => {
    const obs = [
      ...background(),
      ...times(5, (i) => article(0.3 + i * 0.5, 'xi jinping', 'chinese president', 'europe')),
      ...times(3, (i) => article(0.4 + i * 0.5, 'xi jinping')),
    ];
    const hot = rankHotTopics(byArticle(obs), NOW);
    const xi = hot.find((t) => t.key === 'xi jinping' || t.aliases.includes('xi jinping'))!;
    expect(xi.aliases).toEqual(expect.arrayContaining(['chinese president']));
    expect(hot.filter((t) => t.key === 'chinese president')).toHaveLength(0);
    expect(xi.articleIds).toHaveLength(8);
  });

  it('judges a topic by its share, so a busy hour does not make everything hot', () => {
    // Coverage triples in the last 3 hours for every topic alike: none bursts.
    const obs = [
      ...times(24, (i) => article(3.5 + i, `even ${i % 3}`)),
      ...times(18, (i) => article(0.1 + i / 6, `even ${i % 3}`)),
    ];
    expect(rankHotTopics(byArticle(obs), NOW).filter((t) => t.reason === 'burst')).toEqual([]);
  });

  it('lets reads lift a topic among equal coverage bursts', () => {
    const obs = [...background(), ...times(4, (i) => article(0.5 + i * 0.5, 'alpha')), ...times(4, (i) => article(0.5 + i * 0.5, 'beta'))];
    expect(rankHotTopics(byArticle(obs), NOW)[0]!.key).toBe('alpha');
    const reads = [
      ...[0, 1, 2].map((h) => ({ key: 'beta', hour: NOW - (h + 1) * HOUR, reads: 500 })),
      ...Array.from({ length: 20 }, (_, h) => ({ key: 'beta', hour: NOW - (h + 4) * HOUR, reads: 20 })),
    ];
    const hot = rankHotTopics(byArticle(obs), NOW, {}, {}, reads);
    expect(hot[0]!.key).toBe('beta');
    expect(hot[0]!.explanation.reads!.recent).toBe(1500);
  });

  it('explains each topic with counts now against its baseline', () => {
    const obs = [...background(), ...times(6, (i) => article(0.5 + i * 0.3, 'crimea')), ...times(2, (i) => article(10 + i, 'crimea'))];
    const e = rankHotTopics(byArticle(obs), NOW)[0]!.explanation;
    expect(e.recentStories).toBe(6);
    expect(e.baselineStories).toBe(2);
    expect(e.baselineHoursUsed).toBeCloseTo(24, 0);
    expect(e.expectedStories).toBeLessThan(1);
    expect(e.text).toMatch(/^6 stories in the last 3 h against 0\.\d+ expected from 2 in the [\d.]+ h before \(z \d/);
  });

  it('fills a tiny corpus with its most frequent topics', () => {
    const obs = [...article(1, 'alpha', 'beta'), ...article(2, 'alpha')];
    const hot = rankHotTopics(byArticle(obs), NOW);
    expect(hot[0]).toMatchObject({ key: 'alpha', reason: 'frequent' });
    expect(hot.length).toBeGreaterThanOrEqual(1);
  });

  it('applies editors\' pins, hides, renames and merges', () => {
    const obs = [
      ...background(),
      ...times(6, (i) => article(0.3 + i * 0.4, 'crimea')),
      ...times(4, (i) => article(0.5 + i * 0.5, 'ukraine')),
      ...times(5, (i) => article(0.4 + i * 0.5, 'flappy bird')),
      ...times(3, (i) => article(0.6 + i * 0.5, 'flappy')),
    ];
    const plain = rankHotTopics(byArticle(obs), NOW);
    expect(plain.map((t) => t.key)).toEqual(expect.arrayContaining(['crimea', 'ukraine', 'flappy bird']));

    const edited = rankHotTopics(byArticle(obs), NOW, {}, {
      pinned: ['filler 3', 'ukraine'],
      hidden: ['flappy bird'],
      renamed: { crimea: 'Crisis in Crimea' },
      merged: { ukraine: 'crimea' },
    });
    // ukraine now counts as crimea, so pinning ukraine pins crimea; the pinned filler comes first as asked.
    expect(edited[0]).toMatchObject({ key: 'filler 3', pinned: true });
    expect(edited[1]).toMatchObject({ key: 'crimea', pinned: true, label: 'Crisis in Crimea' });
    expect(edited[1]!.explanation.recentStories).toBe(10);
    expect(edited.map((t) => t.key)).not.toContain('flappy bird');
    expect(edited.map((t) => t.key)).not.toContain('ukraine');
  });

  it('shows a pinned topic that is not in the news at all', () => {
    const hot = rankHotTopics([], NOW, {}, { pinned: ['world cup'], renamed: { 'world cup': 'World Cup 2014' } });
    expect(hot).toEqual([expect.objectContaining({ key: 'world cup', label: 'World Cup 2014', pinned: true, reason: 'pinned' })]);
  });
});

describe('extract and rank together', () => {
  const extractor = createTopicExtractor();
  const observe = (id: string, title: string, hoursAgo: number): TopicObservation[] =>
    extractor.extractTopics({ id, title }).map((m) => ({ ...m, articleId: id, at: NOW - hoursAgo * HOUR }));

  it('names a breaking English story once, by its name', () => {
    const obs = [
      ...['Stocks edge higher', 'Oil prices steady', 'Gold slips', 'Dollar firms against yen'].flatMap((t, i) =>
        [4, 8, 12, 16].flatMap((h) => observe(`bg${i}-${h}`, t, h + i / 10))),
      ...['Malaysia Airlines flight missing over sea', 'Search for Malaysia Airlines jet widens', 'Malaysia Airlines: families wait for news', 'Malaysia Airlines plane search enters fourth day']
        .flatMap((t, i) => observe(`mh${i}`, t, 0.5 + i / 2)),
    ];
    const hot = rankHotTopics(byArticle(obs), NOW);
    expect(hot[0]!.label).toBe('Malaysia Airlines');
    expect(hot.filter((t) => /malaysia|search|plane|flight/i.test(t.label))).toHaveLength(1);
  });

  it('ranks Chinese stories', () => {
    const obs = [
      ...['股市小幅上涨', '油价保持稳定', '金价下跌'].flatMap((t, i) => [5, 9, 13].flatMap((h) => observe(`zbg${i}-${h}`, t, h))),
      ...['深圳地铁将设立头等车厢', '深圳地铁头等车厢引发争议', '市民热议深圳地铁头等车厢'].flatMap((t, i) => observe(`zh${i}`, t, 0.5 + i / 2)),
    ];
    const hot = rankHotTopics(byArticle(obs), NOW);
    expect(hot[0]!.label).toMatch(/深圳地铁|头等车厢/);
    expect(hot.filter((t) => /深圳|地铁|车厢/.test(t.label))).toHaveLength(1);
  });
});
