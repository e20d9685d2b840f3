import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS_PER_STATEMENT, chunks, rowChunks } from './chunks.js';

describe('chunks', () => {
  it('splits in order, the last chunk shorter', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 3)).toEqual([]);
  });

  it('keeps each multi-row statement under the parameter limit', () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => ({ article_id: `a${i}`, term: 't', weight: 1 }));
    const split = rowChunks(rows);
    expect(split.flat()).toEqual(rows);
    for (const chunk of split) expect(chunk.length * 3).toBeLessThanOrEqual(MAX_PARAMETERS_PER_STATEMENT);
    expect(split.length).toBe(Math.ceil((25_000 * 3) / MAX_PARAMETERS_PER_STATEMENT));
  });
});
