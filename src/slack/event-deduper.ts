/** How long an event id is remembered (Slack retries within minutes: now, +1 min, +5 min). */
export const DEDUPE_TTL_MS = 60 * 60 * 1000;
/** Most event ids remembered at once (oldest forgotten first). */
export const DEDUPE_MAX_ENTRIES = 10_000;

/**
 * Remembers Slack event ids so a retried delivery (same `event_id`, with `x-slack-retry-num`)
 * is recognised and not processed twice. In memory, bounded and expiring: a restart forgets,
 * so a retry that arrives after a restart is processed (see `docs/slack.md`).
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = DEDUPE_TTL_MS,
    private readonly maxEntries = DEDUPE_MAX_ENTRIES,
  ) {}

  /**
   * True the first time an id is offered (within the TTL), false for a repeat. Synchronous:
   * two concurrent deliveries cannot both see the id as new.
   */
  firstTime(id: string): boolean {
    const at = this.now();
    this.evict(at);
    const earlier = this.seen.get(id);
    if (earlier !== undefined && at - earlier < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, at);
    while (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }

  /** How many ids are remembered. */
  get size(): number {
    return this.seen.size;
  }

  private evict(at: number): void {
    for (const [id, when] of this.seen) {
      if (at - when < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
