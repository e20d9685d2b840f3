import { describe, expect, it } from 'vitest';
import { TermIndex } from './term-index.js';

const at = '2015-09-11T13:03:00.000Z';

describe('TermIndex', () => {
  it('gives each story with its terms and their document frequencies, and postings term by term', () => {
    const index = new TermIndex();
    index.add({ articleId: 'a', term: 'xinhua', weight: 2 });
    index.add({ articleId: 'a', term: 'cyber', weight: 1 });
    index.add({ articleId: 'b', term: 'cyber', weight: 3 });
    index.describe({ id: 'a', headline: 'A', publishedAt: at });
    index.describe({ id: 'b', headline: 'B', publishedAt: at });
    expect(index.target('a')).toEqual({ id: 'a', headline: 'A', publishedAt: at, terms: [{ term: 'xinhua', weight: 2, df: 1 }, { term: 'cyber', weight: 1, df: 2 }] });
    expect(index.postings(['cyber', 'none', 'xinhua']).map((p) => `${p.articleId}:${p.term}`)).toEqual(['a:cyber', 'b:cyber', 'a:xinhua']);
    expect(index.candidates(['b', 'unknown']).map((c) => c.id)).toEqual(['b']);
    expect(index.target('unknown')).toBeNull();
  });

  it('counts a posting added after a story was read', () => {
    const index = new TermIndex();
    index.add({ articleId: 'a', term: 'cyber', weight: 1 });
    index.describe({ id: 'a', headline: 'A', publishedAt: at });
    expect(index.candidates(['a'])[0]!.terms).toEqual([{ term: 'cyber', weight: 1, df: 1 }]);
    index.add({ articleId: 'b', term: 'cyber', weight: 3 });
    expect(index.candidates(['a'])[0]!.terms).toEqual([{ term: 'cyber', weight: 1, df: 2 }]);
    index.describe({ id: 'a', headline: 'A, updated', publishedAt: at });
    expect(index.target('a')!.headline).toBe('A, updated');
  });
});
