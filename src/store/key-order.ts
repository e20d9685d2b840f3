/**
 * The order to insert a batch of index rows in: by key, so that the engine visits each page of the key's B-tree
 * once per statement instead of seeking from the root for every row (the Reuters term postings: 1.6 s unsorted,
 * 0.9 s sorted). Pure.
 */

/**
 * The positions 0…n-1 ordered by `keyOf` (a non-negative number), ties in position order: one native sort of
 * doubles, each `key × 2^b + position`, rather than a comparator called n·log n times (a third of the import's
 * time in the rows it sorted). Keys too large to pair exactly with a position are ordered by their leading bits
 * only: close enough for page locality, which is all the order is for.
 */
export function orderByKey(n: number, keyOf: (position: number) => number): Uint32Array {
  const positionBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const positions = 2 ** positionBits;
  const keyLimit = 2 ** (53 - positionBits);
  const keys = new Float64Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    keys[i] = keyOf(i);
    if (keys[i]! > largest) largest = keys[i]!;
  }
  const scale = largest < keyLimit ? 1 : 2 ** Math.ceil(Math.log2((largest + 1) / keyLimit));
  const paired = new Float64Array(n);
  for (let i = 0; i < n; i++) paired[i] = Math.floor(keys[i]! / scale) * positions + i;
  paired.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = paired[i]! % positions;
  return order;
}
