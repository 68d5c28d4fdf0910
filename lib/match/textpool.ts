/**
 * A growing buffer of UTF-16 code units that the index's display strings are written into while
 * the index is built, and read back as one string at the end.
 *
 * Why not collect strings and join them: a 250,000-alias build holds some 400,000 display strings
 * until the pool is made. They all survive the young generation, so every scavenge copies them
 * and the join then reads them back from all over the heap. Written here instead, no string
 * outlives the call that produced it. The buffer is one byte per unit while every unit is ASCII
 * (the usual case: names and handles) and widens to two bytes at the first that is not.
 */
export class TextPool {
  /** units written */
  length = 0;
  private narrow: Uint8Array | null;
  private wide: Uint16Array | null = null;

  constructor(capacity = 4096) {
    this.narrow = new Uint8Array(Math.max(16, capacity));
  }

  /** Append `s` (at most `max` units); returns the offset it starts at. */
  add(s: string, max = s.length): number {
    const at = this.length;
    const n = Math.min(s.length, max);
    this.reserve(n);
    const narrow = this.narrow;
    if (narrow) {
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) {
          this.length = at + i;
          this.widen();
          this.addWide(s, i, n);
          return at;
        }
        narrow[at + i] = c;
      }
      this.length = at + n;
      return at;
    }
    this.addWide(s, 0, n);
    return at;
  }

  /** whether the `len` units at `a` equal those at `b` */
  same(a: number, b: number, len: number): boolean {
    const buf = this.narrow ?? this.wide!;
    for (let i = 0; i < len; i++) if (buf[a + i] !== buf[b + i]) return false;
    return true;
  }

  /** Move `len` units from `from` down to `to` (to ≤ from), for compaction in place. */
  moveDown(to: number, from: number, len: number): void {
    if (to !== from) (this.narrow ?? this.wide!).copyWithin(to, from, from + len);
  }

  /** Keep only the first `n` units. */
  truncate(n: number): void {
    if (n < this.length) this.length = n;
  }

  /**
   * The pool as one string. A narrow pool is ASCII, which every UTF-8 decoder reads as one byte
   * per character (and engines then store it one byte per character); a wide one is read as
   * UTF-16LE, where a lone surrogate becomes U+FFFD, one unit for one, so offsets stay valid.
   */
  toString(): string {
    if (this.length === 0) return '';
    if (this.narrow) return new TextDecoder('utf-8').decode(this.narrow.subarray(0, this.length));
    return new TextDecoder('utf-16le').decode(this.wide!.subarray(0, this.length));
  }

  private addWide(s: string, from: number, to: number): void {
    const wide = this.wide!;
    let o = this.length;
    for (let i = from; i < to; i++) wide[o++] = s.charCodeAt(i);
    this.length = o;
  }

  private reserve(n: number): void {
    const cap = this.narrow ? this.narrow.length : this.wide!.length;
    if (this.length + n <= cap) return;
    let size = cap * 2;
    while (size < this.length + n) size *= 2;
    if (this.narrow) {
      const b = new Uint8Array(size);
      b.set(this.narrow.subarray(0, this.length));
      this.narrow = b;
    } else {
      const b = new Uint16Array(size);
      b.set(this.wide!.subarray(0, this.length));
      this.wide = b;
    }
  }

  private widen(): void {
    const narrow = this.narrow!;
    const w = new Uint16Array(narrow.length);
    for (let i = 0; i < this.length; i++) w[i] = narrow[i]!;
    this.wide = w;
    this.narrow = null;
  }
}
