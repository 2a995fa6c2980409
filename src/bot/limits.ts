/** Small bounded in-memory structures: memory stays flat however many chats write. */

/** A Map that forgets its least recently used entries beyond `capacity`. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert so the key becomes the most recent.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * Fixed-window counter per key: "ok" up to `limit` times per window, then
 * "limited" once (tell the person), then "quiet" until the window ends.
 * With `limit` 0 it says "limited" once per window: a notice that is not repeated.
 */
export class RateLimiter {
  private readonly windows: LruMap<number, { start: number; count: number; warned: boolean }>;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    capacity = 10_000,
  ) {
    this.windows = new LruMap(capacity);
  }

  take(key: number, now = Date.now()): "ok" | "limited" | "quiet" {
    let w = this.windows.get(key);
    if (w === undefined || now - w.start >= this.windowMs) {
      w = { start: now, count: 0, warned: false };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.limit) return "ok";
    if (w.warned) return "quiet";
    w.warned = true;
    return "limited";
  }

  secondsLeft(key: number, now = Date.now()): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }
}
