/** Related Stories: each ranking rule, with the clock pinned (every story carries its own time; nothing reads now). */
import { describe, expect, it } from 'vitest';
import type { IndexedTerm, RelatedCandidate, RelatedTarget, TermPosting } from '../store/index.js';
import { withOverrides } from './index.js';
import { defaultRelatedSettings, lookupTerms, pickRelated, relateOne, scoreCandidates, timeFactor } from './related.js';
import { TermIndex } from './term-index.js';
import { extractTerms, stem, tokenize } from './terms.js';
import { chooseThread } from './threads.js';

const T0 = '2014-03-10T12:00:00.000Z';
const hoursLater = (h: number) => new Date(Date.parse(T0) + h * 3_600_000).toISOString();

/** An in-memory index of stories (headline, body, time), as a bulk import builds it. */
function indexOf(stories: { id: string; headline: string; body?: string; at?: string; topics?: string[]; section?: string }[]): TermIndex {
  const index = new TermIndex();
  for (const s of stories) {
    for (const t of extractTerms({ headline: s.headline, text: s.body ?? '', topics: s.topics ?? [], section: s.section })) index.add({ articleId: s.id, ...t });
    index.describe({ id: s.id, headline: s.headline, publishedAt: s.at ?? T0 });
  }
  return index;
}

async function related(index: TermIndex, id: string, settings = defaultRelatedSettings): Promise<string[]> {
  return ((await relateOne(index, id, index.size, settings))?.entries ?? []).map((e) => e.relatedId);
}

describe('terms', () => {
  it('drops stopwords, numbers and short words, and stems plurals and -ing', () => {
    expect(tokenize('The 25 cyber attacks on US of China said')).toEqual(['cyber', 'attack', 'united-states', 'china']);
    expect(tokenize('EU and Xi: GM')).toEqual(['eu', 'gm']);
    expect(extractTerms({ headline: '', text: 'Officials said talks with Xi ended.', topics: [] }).map((t) => t.term)).toContain('xi');
    expect(stem('banking')).toBe('bank');
    expect(stem('banks')).toBe('bank');
    expect(stem('stopped')).toBe('stop');
    expect(stem('news')).toBe('new');
  });

  it('segments Chinese into words', () => {
    const tokens = tokenize('中国外交部发言人表示网络安全');
    expect(tokens).toContain('中国');
    expect(tokens).toContain('网络');
    // A country's name in Chinese meets its English name.
    expect(tokens).toContain('china');
  });

  it('weights headline words over lead words over the rest, and adds tags and the section as terms', () => {
    const terms = extractTerms({ headline: 'Cocoa review', text: 'Rains fell. Harvest ahead. Storage later.', topics: ['Cocoa Prices'] });
    const byTerm = Object.fromEntries(terms.map((t) => [t.term, t.weight]));
    expect(byTerm['#cocoa-prices']).toBe(6);
    const inSection = extractTerms({ headline: 'Cocoa review', text: '', topics: [], section: 'Commodity Markets' });
    expect(inSection.find((t) => t.term === '§commodity-markets')?.weight).toBe(6);
    expect(byTerm.cocoa).toBeGreaterThan(byTerm.rain!);
    expect(byTerm.rain).toBeGreaterThan(byTerm.storage!);
  });

  it('indexes names whole and weights them up; aliases meet ("Chinese" is China)', () => {
    const terms = extractTerms({ headline: 'Talks end', text: 'The talks in Beijing ended. Officials met Lindsay Lohan and the Chinese president there.', topics: [] });
    const byTerm = Object.fromEntries(terms.map((t) => [t.term, t.weight]));
    expect(byTerm['@lindsay-lohan']).toBeDefined();
    expect(byTerm.lohan).toBeGreaterThan(byTerm.official!);
    expect(byTerm.china).toBeGreaterThan(0);
  });

  it('pairs headline words as one subject and decodes HTML entities', () => {
    const terms = extractTerms({ headline: 'Mt. Gox files for bankruptcy as Beyonc&#233; sings', text: '', topics: [] }).map((t) => t.term);
    expect(terms).toContain('bankruptcy~file');
    expect(terms).not.toContain('bankruptcy~sing');
    expect(terms).toContain('beyoncé');
  });

  it('takes words named like object members as plain words', () => {
    expect(tokenize('The constructor of toString and valueOf')).toEqual(['constructor', 'tostr', 'valueof']);
  });

  it('keeps at most the limit, strongest first', () => {
    const text = Array.from({ length: 100 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    expect(extractTerms({ headline: '', text, topics: [] }, 10)).toHaveLength(10);
  });
});

describe('related stories ranking', () => {
  const target: RelatedTarget = {
    id: 't',
    headline: 'Cocoa harvest falls',
    publishedAt: '1987-03-01T00:00:00.000Z',
    terms: [
      { term: 'cocoa', weight: 3, df: 10 },
      { term: 'harvest', weight: 2, df: 50 },
      { term: 'common', weight: 2, df: 900 },
    ],
  };
  const postings: TermPosting[] = [
    { articleId: 'a', term: 'cocoa', weight: 3 },
    { articleId: 'a', term: 'harvest', weight: 1 },
    { articleId: 'b', term: 'harvest', weight: 2 },
    { articleId: 'c', term: 'cocoa', weight: 3 },
    { articleId: 'c', term: 'harvest', weight: 1 },
    { articleId: 't', term: 'cocoa', weight: 3 },
  ];
  const terms = (list: [string, number, number][]): IndexedTerm[] => list.map(([term, weight, df]) => ({ term, weight, df }));
  const candidate = (id: string, headline: string, publishedAt: string, t: IndexedTerm[]): RelatedCandidate => ({ id, headline, publishedAt, terms: t });

  it('looks up only discriminating terms, rarest first within the budget', () => {
    expect(lookupTerms(target, 1000).map((t) => t.term)).toEqual(['cocoa', 'harvest']);
    expect(lookupTerms(target, 1000, { ...defaultRelatedSettings, postingsBudget: 20 }).map((t) => t.term)).toEqual(['cocoa']);
  });

  it('shortlists by shared rare terms and never relates a story to itself', () => {
    expect(scoreCandidates(target, postings, 1000).map((s) => s.relatedId)).toEqual(['a', 'c', 'b']);
  });

  it('shortlists the same stories in the same order as sorting every candidate, ties at the cut by id', () => {
    // 300 candidates on three terms, in an order unrelated to their scores, many of them tied.
    const many: TermPosting[] = [];
    for (const term of ['cocoa', 'harvest', 'common']) {
      for (let i = 0; i < 300; i++) many.push({ articleId: `s${(i * 7919) % 300}`, term, weight: 1 + ((i * term.length) % 4) });
    }
    const factor = new Map(target.terms.map((t) => [t.term, ((t.weight * 2.2) / (t.weight + 1.2)) * Math.log(1 + 1000 / t.df)]));
    const sums = new Map<string, number>();
    for (const p of many) sums.set(p.articleId, (sums.get(p.articleId) ?? 0) + factor.get(p.term)! * ((p.weight * 2.2) / (p.weight + 1.2)));
    const sortedAll = [...sums]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([relatedId]) => relatedId);

    for (const shortlist of [1, 50, 100, 299, 300, 400]) {
      const scored = scoreCandidates(target, many, 1000, { ...defaultRelatedSettings, shortlist });
      expect(scored.map((s) => s.relatedId)).toEqual(sortedAll.slice(0, shortlist));
    }
  });

  it('ranks by cosine, so a long story does not win by its length', () => {
    const short = candidate('short', 'Cocoa crop', target.publishedAt, terms([['cocoa', 3, 10], ['crop', 3, 5]]));
    const long = candidate('long', 'Everything', target.publishedAt, terms([['cocoa', 3, 10], ...Array.from({ length: 30 }, (_, i) => [`w${i}`, 3, 5] as [string, number, number])]));
    const picked = pickRelated(target, [{ relatedId: 'long', score: 9 }, { relatedId: 'short', score: 1 }], [long, short], 1000, { ...defaultRelatedSettings, feedbackDepth: 0 });
    expect(picked.map((p) => p.relatedId)).toEqual(['short', 'long']);
  });

  it('prefers the closer in time of two equal matches, and the time factor has a floor', () => {
    const same = terms([['cocoa', 3, 10], ['export', 2, 5]]);
    const picked = pickRelated(
      target,
      [{ relatedId: 'a', score: 1 }, { relatedId: 'c', score: 1 }],
      [candidate('a', 'Cocoa harvest up', '1987-09-01T00:00:00.000Z', [...same, { term: 'bean', weight: 2, df: 5 }]), candidate('c', 'Cocoa exports', '1987-03-01T03:00:00.000Z', same)],
      1000,
    );
    expect(picked.map((p) => p.relatedId)).toEqual(['c', 'a']);
    expect(timeFactor(0)).toBe(1);
    expect(timeFactor(defaultRelatedSettings.recencyHalfDistanceDays)).toBeCloseTo((1 + defaultRelatedSettings.recencyFloor) / 2);
    expect(timeFactor(10_000)).toBeGreaterThan(defaultRelatedSettings.recencyFloor);
    expect(timeFactor(Number.NaN)).toBe(defaultRelatedSettings.recencyFloor);
  });

  it('collapses copies (a repeated headline or a near-identical story) and drops unpublished candidates', () => {
    const t = terms([['cocoa', 3, 10], ['crop', 2, 5]]);
    const picked = pickRelated(
      target,
      [{ relatedId: 'a', score: 3 }, { relatedId: 'a2', score: 3 }, { relatedId: 'b', score: 2 }, { relatedId: 'gone', score: 9 }],
      [
        candidate('a', 'Cocoa harvest FALLS', target.publishedAt, terms([['cocoa', 3, 10]])),
        candidate('a2', 'Cocoa crop rises', target.publishedAt, t),
        candidate('b', 'Cocoa crop rises again…', target.publishedAt, t),
      ],
      1000,
    );
    expect(picked.map((p) => p.relatedId)).toEqual(['a2']);
  });

  it('relates the same story told in other words, on short headlines', async () => {
    const index = indexOf([
      { id: 'gox1', headline: 'Bitcoin exchange Mt. Gox files for US bankruptcy protection', at: T0 },
      { id: 'gox2', headline: 'Mt. Gox seeks bankruptcy relief in Texas court', at: hoursLater(1) },
      { id: 'gox3', headline: 'Bitcoin prices steady as Gox exchange goes bust', at: hoursLater(2) },
      { id: 'fed', headline: 'Fed official sees no slowing of taper', at: hoursLater(1) },
      { id: 'old', headline: 'Bitcoin exchange opens in Texas', at: hoursLater(-24 * 300) },
    ]);
    expect((await related(index, 'gox1')).slice(0, 2).sort()).toEqual(['gox2', 'gox3']);
    expect(await related(index, 'fed')).toEqual([]);
  });

  it('tells two events of one kind apart by the year they name, when their publication times cannot', async () => {
    // Imported without dates, all four land at one instant; the target's text says it is the 2013 quake, and the
    // story worded most like it names no year (it is from another year's quake, told by the same agency template).
    const stories = (dateLine: string) => [
      { id: 'q13', headline: 'Quake shakes Sonoma County', body: `${dateLine} An earthquake with a preliminary magnitude of 4.6 struck near The Geysers this morning, according to the U.S. Geological Survey.` },
      { id: 'q13b', headline: 'Quake shakes Sonoma and Lake counties', body: 'Thursday, March 14, 2013. Residents of Cobb were shaken awake when the earthquake struck near The Geysers, the U.S. Geological Survey said.' },
      { id: 'other', headline: 'Quake hits Sonoma County', body: 'An earthquake with a preliminary magnitude of 4.4 struck near The Geysers on Sunday morning, according to the U.S. Geological Survey.' },
      { id: 'fed', headline: 'Fed official sees no slowing of taper', body: 'The Federal Reserve will keep buying bonds, an official said.' },
    ];
    const index = indexOf(stories('March 14, 2013.'));
    expect(await related(index, 'q13')).toEqual(['q13b', 'other']);
    // Without its date line the story says nothing of when, and the words decide.
    expect(await related(indexOf(stories('')), 'q13')).toEqual(['other', 'q13b']);
    // The year raises the score, not the similarity threads are built from.
    const entries = (await relateOne(index, 'q13', index.size))!.entries;
    expect(entries[0]!.score).toBeCloseTo(entries[0]!.similarity / defaultRelatedSettings.recencyFloor, 3);
  });

  it('relates Chinese stories by their words', async () => {
    const index = indexOf([
      { id: 'z1', headline: '外交部发言人就网络安全问题答记者问', body: '中国外交部发言人洪磊表示，中方坚决反对网络攻击。' },
      { id: 'z2', headline: '洪磊：中方反对一切形式的网络攻击', body: '外交部发言人洪磊在例行记者会上表示，网络安全是全球性问题。' },
      { id: 'z3', headline: '北京今日天气晴朗', body: '北京市气象台预报，今天白天晴，最高气温二十度。' },
    ]);
    expect(await related(index, 'z1')).toEqual(['z2']);
  });

  it('handles empty and tiny corpora', async () => {
    expect(scoreCandidates({ ...target, terms: [] }, [], 0)).toEqual([]);
    expect(pickRelated(target, [], [], 0)).toEqual([]);
    const empty = indexOf([]);
    expect(await relateOne(empty, 'nothing', 0)).toBeNull();
    const one = indexOf([{ id: 'only', headline: 'A lone story about cocoa' }]);
    expect(await related(one, 'only')).toEqual([]);
    const two = indexOf([
      { id: 'x', headline: 'Cocoa harvest falls in Bahia' },
      { id: 'y', headline: 'Bahia cocoa harvest smaller' },
    ]);
    expect(await related(two, 'x')).toEqual(['y']);
    expect(await related(two, 'y')).toEqual(['x']);
  });

  it('prefers a match from the same section, but never relates stories for sharing a section alone', async () => {
    const index = indexOf([
      { id: 'target', headline: 'Cosmos premiere draws millions of viewers', section: 'Entertainment' },
      { id: 'same', headline: 'Millions watch Cosmos premiere on Sunday night', section: 'Entertainment' },
      { id: 'other', headline: 'Millions watch Cosmos premiere on Sunday', section: 'Business' },
      { id: 'desk', headline: 'Opera house reopens after repairs', section: 'Entertainment' },
    ]);
    expect(await related(index, 'target')).toEqual(['same', 'other']);
    expect(await related(index, 'desk')).toEqual([]);
  });

  it('relates a developing story in a newsroom\'s first few dozen stories, where its words are in over a tenth of them', async () => {
    const subjects = ['harvest festival', 'stock exchange', 'football final', 'opera premiere', 'bridge repairs', 'school reform', 'hospital strike', 'wine auction', 'marathon record', 'library opening', 'airport expansion', 'fishing quota', 'chess championship', 'film festival', 'tax reform', 'railway timetable', 'museum theft', 'election debate', 'coffee prices', 'space launch', 'cycling race', 'jazz concert', 'housing market', 'forest fire', 'tennis open', 'mining accident', 'fashion week', 'water shortage', 'robot factory', 'ferry service'];
    const index = indexOf([
      ...subjects.map((subject, i) => ({ id: `n${i}`, headline: `The ${subject} makes news`, body: `A short report on the ${subject}.` })),
      { id: 't1', headline: 'Typhoon Soudelor heads for Taiwan', body: 'Typhoon Soudelor was moving towards Taiwan and Fujian.' },
      { id: 't2', headline: 'Taiwan braces for Typhoon Soudelor', body: 'Typhoon Soudelor nears Taiwan; flights cancelled in Taipei.' },
      { id: 't3', headline: 'Typhoon Soudelor hits Taiwan', body: 'Typhoon Soudelor made landfall in Taiwan before heading to Fujian.' },
      { id: 't4', headline: 'Typhoon Soudelor reaches Fujian', body: 'After Taiwan, Typhoon Soudelor came ashore in Fujian.' },
    ]);
    expect((await related(index, 't3')).slice(0, 3).sort()).toEqual(['t1', 't2', 't4']);
  });
});

describe("editors' overrides", () => {
  const computed = [
    { relatedId: 'a', score: 0.9 },
    { relatedId: 'b', score: 0.8 },
    { relatedId: 'c', score: 0.7 },
  ];
  it('puts pins first in their order and leaves exclusions out', () => {
    expect(withOverrides(computed, { pinned: ['z', 'c'], excluded: ['a'] }, 3)).toEqual([
      { relatedId: 'z', score: 0 },
      { relatedId: 'c', score: 0.7 },
      { relatedId: 'b', score: 0.8 },
    ]);
    expect(withOverrides(computed, undefined, 3)).toEqual(computed);
  });
});

describe('story threads', () => {
  const link = (relatedId: string, similarity: number, days = 0) => ({ relatedId, similarity, days });
  it('joins the thread its strong links weigh most towards', () => {
    const threads: Record<string, string> = { a: 'T1', b: 'T2', c: 'T2' };
    expect(chooseThread([link('a', 0.9), link('b', 0.5), link('c', 0.5)], (id) => threads[id], undefined)).toEqual({ threadId: 'T2', partner: null });
  });
  it('ignores weak links and links too far apart in time', () => {
    expect(chooseThread([link('a', 0.1), link('b', 0.9, 400)], () => 'T1', undefined)).toEqual({ threadId: null, partner: null });
  });
  it('starts a thread with its strongest neighbour when none is in one', () => {
    expect(chooseThread([link('a', 0.5), link('b', 0.8)], () => undefined, undefined)).toEqual({ threadId: 'b', partner: 'b' });
  });
});
