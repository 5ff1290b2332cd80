// The brand's post text is context, never stored: a bounded in-memory LRU keeps one platform
// call per post and process, a TTL picks up an edited caption, and a restart costs one call.
type Entry = { text: string | null; until: number };

export class PostCache {
  private entries = new Map<string, Entry>();
  private pending = new Map<string, Promise<string | null>>();

  constructor(private readonly options: { max?: number; ttlMs?: number; missTtlMs?: number } = {}) {}

  get size() {
    return this.entries.size;
  }

  /** The cached text (null: the post has none, or the platform failed lately), or undefined. */
  get(key: string, now = Date.now()): string | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.until <= now) return undefined;
    this.entries.set(key, entry);
    return entry.text;
  }

  /** A failure is remembered briefly, so a burst of comments under one post does not wait on a down platform each time. */
  set(key: string, text: string | null, { failed = false, now = Date.now() }: { failed?: boolean; now?: number } = {}) {
    const { max = 5000, ttlMs = 10 * 60_000, missTtlMs = 60_000 } = this.options;
    this.entries.delete(key);
    this.entries.set(key, { text, until: now + (failed ? missTtlMs : ttlMs) });
    while (this.entries.size > max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** One call in flight per key: concurrent comments on one post share it. */
  async load(key: string, fetchText: () => Promise<{ text: string | null; failed: boolean }>): Promise<string | null> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const running = this.pending.get(key);
    if (running) return running;
    const promise = fetchText()
      .then(({ text, failed }) => {
        this.set(key, text, { failed });
        return text;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, promise);
    return promise;
  }
}
