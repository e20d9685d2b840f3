/** The key table Hot Topics counts mentions with: every key found where it lies, across growth and collisions. */
import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../src/curation/hot/key-table.js';

describe('KeyTable', () => {
  it('finds each key by its place in a packed text, making it once', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => (i % 7 ? `topic ${i}` : `${i}`)).concat(['a', 'ab', 'b a', 'é', '']);
    const text = keys.join('|');
    const table = new KeyTable<{ key: string }>();
    const made: string[] = [];
    const make = (key: string) => {
      made.push(key);
      return { key };
    };
    for (let round = 0; round < 2; round++) {
      let start = 0;
      for (const key of keys) {
        expect(table.get(text, start, start + key.length, make).key).toBe(key);
        start += key.length + 1;
      }
    }
    expect(made).toEqual(keys);
  });

  it('finds a key without making one', () => {
    const table = new KeyTable<number>();
    for (let i = 0; i < 5_000; i++) table.get(`topic ${i}`, 0, `topic ${i}`.length, () => i);
    const text = 'x|topic 42|topic 5000|topic 4|topic 4999';
    expect(table.find(text, 2, 10)).toBe(42);
    expect(table.find(text, 11, 21)).toBeUndefined();
    expect(table.find(text, 22, 29)).toBe(4);
    expect(table.find(text, 30, 40)).toBe(4999);
    expect(table.find(text, 0, 1)).toBeUndefined();
    expect(table.get(text, 11, 21, () => -1)).toBe(-1);
  });
});
