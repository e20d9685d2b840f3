import { describe, expect, it } from 'vitest';
import { parseCorpusDate, parseCorpusLines } from './corpus.js';
import { fastestGrowing, hitShare, names, replayHours } from './hot-metric.js';
import { baselineTopics, headlineTerms } from './word-baseline.js';

const HOUR = 3_600_000;
const H = Date.parse('2014-03-11T12:00:00Z');
const rec = (hoursAgo: number, cluster: string, title = `${cluster} news`) => ({ title, at: H - hoursAgo * HOUR, storyClusterId: cluster });

describe('hot-hit metric', () => {
  it('ranks clusters by growth: last 3 hours less a quarter of the 12 before, 3 recent at least', () => {
    const records = [
      ...[0.5, 1, 1.5, 2].map((h) => rec(h, 'rising')),
      ...[0.5, 1, 1.5, 2, 2.5].map((h) => rec(h, 'steady')),
      ...Array.from({ length: 12 }, (_, i) => rec(3.5 + i * 0.9, 'steady')),
      ...[0.5, 1].map((h) => rec(h, 'small')),
      rec(-1, 'rising'), // after the hour: not seen
      rec(20, 'rising'), // before the 15-hour window
    ];
    const targets = fastestGrowing(records, H);
    expect(targets.map((t) => [t.id, t.growth])).toEqual([
      ['rising', 4],
      ['steady', 2],
    ]);
  });

  it('names a cluster when half its recent headlines contain the topic, case-insensitive', () => {
    const cluster = { id: 'c', recent: 4, before: 0, growth: 4, headlines: ['crimea votes', 'in crimea', 'kiev', 'moscow'] };
    expect(names('Crimea', cluster)).toBe(true);
    expect(names('Kiev', cluster)).toBe(false);
    expect(names('  ', cluster)).toBe(false);
    expect(hitShare([cluster, { ...cluster, id: 'd', headlines: ['x'] }], ['CRIMEA'])).toBe(0.5);
    expect(hitShare([], ['x'])).toBeNull();
  });

  it('replays every whole hour from the 15th after the first timestamp', () => {
    const hours = replayHours(Date.parse('2014-03-10T16:52:50Z'), Date.parse('2014-03-12T04:49:00Z'));
    expect(new Date(hours[0]!).toISOString()).toBe('2014-03-11T07:00:00.000Z');
    expect(new Date(hours[hours.length - 1]!).toISOString()).toBe('2014-03-12T05:00:00.000Z');
    expect(replayHours(H, H + HOUR)).toEqual([]);
  });
});

describe('corpus loading', () => {
  it('reads dates without an offset as UTC and skips undated records', () => {
    expect(parseCorpusDate('1987-02-26T15:01:01')).toBe(Date.parse('1987-02-26T15:01:01Z'));
    expect(parseCorpusDate('2014-03-10T16:52:50Z')).toBe(Date.parse('2014-03-10T16:52:50Z'));
    expect(parseCorpusDate(null)).toBeNull();
    const { records, undated } = parseCorpusLines(
      ['{"id":"a","title":"A","date":"2014-03-10T16:52:50Z","story_cluster_id":"s"}', '{"id":"b","title":"B","date":null}', ''].join('\n'),
      0,
    );
    expect(records.map((r) => [r.id, r.storyClusterId])).toEqual([['a', 's']]);
    expect(undated).toBe(1);
  });
});

describe('word baseline', () => {
  it('uses words and adjacent pairs without stopwords', () => {
    expect(headlineTerms('The Fed says taper will go on')).toEqual(['fed', 'taper', 'go']);
    expect(headlineTerms('Malaysia Airlines jet')).toEqual(['malaysia', 'malaysia airlines', 'airlines', 'airlines jet', 'jet']);
  });
  it('ranks the fastest-rising terms', () => {
    const records = [
      ...Array.from({ length: 8 }, (_, i) => ({ title: 'gold steady', at: H - (4 + i) * HOUR })),
      ...Array.from({ length: 3 }, () => ({ title: 'crimea vote', at: H - HOUR })),
      { title: 'gold steady', at: H - HOUR },
    ];
    expect(baselineTopics(records, H, 1, 'rising')).toEqual(['crimea']);
    expect(baselineTopics(records, H, 1, 'frequent')).toEqual(['crimea']);
  });
});
