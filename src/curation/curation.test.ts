import { describe, expect, it } from 'vitest';
import { fillUp, spreadAcrossSections } from './lists.js';

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
