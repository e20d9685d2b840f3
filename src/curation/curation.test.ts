import { describe, expect, it } from 'vitest';
import type { RelatedTarget, TermPosting } from '../store/index.js';
import { fillUp, spreadAcrossSections } from './lists.js';
import { defaultRelatedSettings, lookupTerms, pickRelated, scoreCandidates } from './related.js';
import { extractTerms, tokenize } from './terms.js';

describe('terms', () => {
  it('drops stopwords, numbers and short words', () => {
    expect(tokenize('The 25 cyber attacks on US of China said')).toEqual(['cyber', 'attacks', 'china']);
  });
  it('segments Chinese into words', () => {
    const tokens = tokenize('中国外交部发言人表示网络安全');
    expect(tokens).toContain('中国');
    expect(tokens).toContain('网络');
  });
  it('weights headline words and adds tags as terms', () => {
    const terms = extractTerms({ headline: 'Cocoa review', text: 'cocoa rains cocoa', topics: ['Cocoa Prices'] });
    const byTerm = Object.fromEntries(terms.map((t) => [t.term, t.weight]));
    expect(byTerm['#cocoa-prices']).toBe(6);
    expect(byTerm.cocoa).toBeGreaterThan(byTerm.review!);
    expect(byTerm.review).toBeGreaterThan(byTerm.rains!);
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

  it('looks up only discriminating terms', () => {
    expect(lookupTerms(target, 1000).map((t) => t.term)).toEqual(['cocoa', 'harvest']);
    expect(lookupTerms(target, 1000, { ...defaultRelatedSettings, postingsBudget: 20 }).map((t) => t.term)).toEqual(['cocoa']);
  });

  it('scores shared rare terms highest and never relates a story to itself', () => {
    const scored = scoreCandidates(target, postings, 1000);
    expect(scored.map((s) => s.relatedId)).toEqual(['a', 'c', 'b']);
  });

  it('prefers the closer in time of two equal matches', () => {
    const scored = scoreCandidates(target, postings, 1000);
    const picked = pickRelated(target, scored, [
      { id: 'a', headline: 'Cocoa harvest up', publishedAt: '1987-09-01T00:00:00.000Z' },
      { id: 'c', headline: 'Cocoa exports', publishedAt: '1987-03-02T00:00:00.000Z' },
    ]);
    expect(picked.map((p) => p.relatedId)).toEqual(['c', 'a']);
  });

  it('skips a repeated headline and candidates that are not published', () => {
    const scored = scoreCandidates(target, postings, 1000);
    const picked = pickRelated(target, scored, [
      { id: 'a', headline: 'Cocoa harvest FALLS', publishedAt: '1987-03-01T00:00:00.000Z' },
      { id: 'b', headline: 'Harvest season', publishedAt: '1987-03-01T00:00:00.000Z' },
    ]);
    expect(picked.map((p) => p.relatedId)).toEqual(['b']);
  });

  it('handles an empty corpus', () => {
    expect(scoreCandidates({ ...target, terms: [] }, [], 0)).toEqual([]);
    expect(pickRelated(target, [], [])).toEqual([]);
  });
});

describe('list helpers', () => {
  it('fills up without duplicates or excluded items', () => {
    const list = fillUp([{ id: 'a' }], [{ id: 'a' }, { id: 'x' }, { id: 'b' }, { id: 'c' }], 3, { exclude: ['x'] });
    expect(list.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
  it('spreads sections', () => {
    const s = (id: string, section: string) => ({ id, section: { id: section } });
    expect(spreadAcrossSections([s('1', 'a'), s('2', 'a'), s('3', 'b')]).map((i) => i.id)).toEqual(['1', '3', '2']);
  });
});
