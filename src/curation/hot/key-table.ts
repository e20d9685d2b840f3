/**
 * The keys of one refresh, looked up where they lie in an article's packed keys (`ArticleMentions.keys`): a window
 * of 100,000 articles holds 2.7 million mentions of some 100,000 keys, and cutting each mention out as a string to
 * look it up in a `Map` cost more than the rest of ranking. Each key is cut out once, when first seen.
 */
export class KeyTable<T> {
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly keys: string[] = [];
  private readonly values: T[] = [];

  /** The value of `text.slice(start, end)`, made by `make(key)` when the key is new. */
  get(text: string, start: number, end: number, make: (key: string) => T): T {
    const slot = this.slotOf(text, start, end);
    const found = this.slots[slot]!;
    if (found >= 0) return this.values[found]!;
    const key = text.slice(start, end);
    this.slots[slot] = this.keys.length;
    this.keys.push(key);
    const value = make(key);
    this.values.push(value);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return value;
  }

  /** The value of `text.slice(start, end)`, or undefined when the key is not in the table (nothing is made). */
  find(text: string, start: number, end: number): T | undefined {
    const found = this.slots[this.slotOf(text, start, end)]!;
    return found >= 0 ? this.values[found] : undefined;
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private slotOf(text: string, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]!;
      if (found < 0) return slot;
      const key = this.keys[found]!;
      if (key.length === end - start && text.startsWith(key, start)) return slot;
    }
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    this.keys.forEach((key, index) => {
      let slot = hashOf(key, 0, key.length) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = index;
    });
  }
}

/** FNV-1a over the UTF-16 code units of `text.slice(start, end)`. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
