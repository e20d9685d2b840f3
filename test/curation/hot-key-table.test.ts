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
});
