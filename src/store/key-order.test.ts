import { describe, expect, it } from 'vitest';
import { orderByKey } from './key-order.js';

/** A seeded generator (mulberry32), so a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('orderByKey', () => {
  it('orders small integer keys exactly, ties in position order, as a stable sort would', () => {
    const next = random(1);
    const keys = Array.from({ length: 5_000 }, () => Math.floor(next() * 300));
    const expected = keys.map((key, position) => ({ key, position })).sort((a, b) => a.key - b.key || a.position - b.position);
    expect(Array.from(orderByKey(keys.length, (i) => keys[i]!))).toEqual(expected.map((e) => e.position));
  });

  it('orders keys of 52 bits (band hashes) by key, every position once', () => {
    const next = random(2);
    const keys = Array.from({ length: 70_000 }, () => Math.floor(next() * 2 ** 52));
    const order = orderByKey(keys.length, (i) => keys[i]!);
    expect(new Set(order).size).toBe(keys.length);
    const sorted = Array.from(order, (i) => keys[i]!);
    expect(sorted).toEqual([...keys].sort((a, b) => a - b));
  });

  it('handles no rows and one row', () => {
    expect(Array.from(orderByKey(0, () => 0))).toEqual([]);
    expect(Array.from(orderByKey(1, () => 2 ** 52))).toEqual([0]);
  });
});
