import { describe, expect, it } from 'vitest';
import { type RankableStory, defaultTopNewsSettings, explainRank, parseTopNewsSettings, rankTopNews, weightsToText } from './top-news.js';

const NOW = new Date('2015-09-11T13:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const story = (id: string, over: Partial<RankableStory> = {}): RankableStory => ({
  id,
  priority: 0,
  publishedAt: hoursAgo(1),
  updatedAt: hoursAgo(1),
  source: null,
  reads: 0,
  ...over,
});
const order = (stories: RankableStory[], settings = defaultTopNewsSettings) => rankTopNews(stories, NOW, settings).map((r) => r.id);

describe('rankTopNews', () => {
  it('puts higher priority first at the same age', () => {
    expect(order([story('routine'), story('urgent', { priority: 6 }), story('flash', { priority: 8 })])).toEqual(['flash', 'urgent', 'routine']);
  });

  it('lets freshness overtake priority as a story ages, at the editors\' half-life', () => {
    const stories = [story('old-urgent', { priority: 6, publishedAt: hoursAgo(14), updatedAt: hoursAgo(14) }), story('new-routine')];
    // ×4 for priority against 2^(-13/6) for thirteen more hours at a six-hour half-life: the routine story wins.
    expect(order(stories)).toEqual(['new-routine', 'old-urgent']);
    expect(order(stories, { ...defaultTopNewsSettings, halfLifeHours: 24 })).toEqual(['old-urgent', 'new-routine']);
  });

  it('brings an updated story back up', () => {
    const stories = [story('fresh', { publishedAt: hoursAgo(2), updatedAt: hoursAgo(2) }), story('updated', { publishedAt: hoursAgo(9), updatedAt: hoursAgo(0.5) })];
    expect(order(stories)).toEqual(['updated', 'fresh']);
  });

  it('lifts the most read, less than in proportion, and not at all without reads', () => {
    const stories = [story('quiet', { publishedAt: hoursAgo(0.5), updatedAt: hoursAgo(0.5) }), story('read', { reads: 500, publishedAt: hoursAgo(5), updatedAt: hoursAgo(5) })];
    expect(order(stories)).toEqual(['quiet', 'read']);
    expect(order(stories, { ...defaultTopNewsSettings, readsWeight: 1 })).toEqual(['read', 'quiet']);
    const [top] = rankTopNews([story('a', { reads: 100 }), story('b', { reads: 25 })], NOW);
    expect(top!.factors.reads).toBeCloseTo(1.5);
    expect(rankTopNews([story('a')], NOW)[0]!.factors.reads).toBe(1);
  });

  it('weighs sources as editors set them', () => {
    const stories = [story('wire', { source: 'Wire' }), story('house', { source: 'Our Reporters', publishedAt: hoursAgo(2), updatedAt: hoursAgo(2) })];
    expect(order(stories)).toEqual(['wire', 'house']);
    expect(order(stories, { ...defaultTopNewsSettings, sourceWeights: { 'Our Reporters': 3 } })).toEqual(['house', 'wire']);
  });

  it('keeps the lead slot first whatever its age, and breaks ties by time then id', () => {
    const stories = [story('lead', { priority: 10, publishedAt: hoursAgo(20), updatedAt: hoursAgo(20) }), story('flash', { priority: 8 })];
    expect(order(stories)).toEqual(['lead', 'flash']);
    expect(order([story('b'), story('a'), story('c', { publishedAt: hoursAgo(0.5), updatedAt: hoursAgo(0.5) })])).toEqual(['c', 'b', 'a']);
  });

  it('ranks nothing when there is nothing', () => {
    expect(rankTopNews([], NOW)).toEqual([]);
  });
});

describe('explainRank', () => {
  it('says each factor', () => {
    const s = story('x', { priority: 6, reads: 84, source: 'Xinhua', publishedAt: hoursAgo(3.2), updatedAt: hoursAgo(3.2) });
    const [ranked] = rankTopNews([s, story('y', { reads: 168 })], NOW, { ...defaultTopNewsSettings, sourceWeights: { Xinhua: 1.2 } });
    expect(explainRank(s, ranked!.factors)).toBe('priority 6 (×4.0) · 3.2 h old (×0.69) · 84 reads today (×1.43) · Xinhua (×1.20)');
  });
});

describe('parseTopNewsSettings', () => {
  it('takes numbers typed in a form and fills in defaults', () => {
    expect(parseTopNewsSettings({ halfLifeHours: '12' })).toEqual({ halfLifeHours: 12, readsWeight: 0.5, sourceWeights: {} });
  });
  it('reads source weights typed as text, and writes them back the same way', () => {
    const settings = parseTopNewsSettings({ sourceWeights: 'Xinhua = 1.2, Our Reporters=3\n' });
    expect(settings.sourceWeights).toEqual({ Xinhua: 1.2, 'Our Reporters': 3 });
    expect(parseTopNewsSettings({ sourceWeights: weightsToText(settings.sourceWeights) }).sourceWeights).toEqual(settings.sourceWeights);
  });
  it.each([
    [{ sourceWeights: 'Xinhua 1.2' }, 'write each source weight as Name = number, not "Xinhua 1.2"'],
    [{ sourceWeights: 'Xinhua = lots' }, 'the weight of Xinhua must be a number from 0 to 10'],
    [{ halfLifeHours: 0 }, 'halfLifeHours must be a number from 0.5 to 168'],
    [{ readsWeight: 'lots' }, 'readsWeight must be a number from 0 to 5'],
    [{ sourceWeights: [] }, 'sourceWeights must map source names to numbers'],
    [{ sourceWeights: { Xinhua: -1 } }, 'the weight of Xinhua must be a number from 0 to 10'],
  ])('refuses %j', (value, message) => {
    expect(() => parseTopNewsSettings(value)).toThrow(message);
  });
});
