import type { Store } from '../../db/store.ts';

/** Proposals not decided within this many milliseconds expire (7 days). */
export const DEFAULT_PROPOSAL_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What the proposal workflow runs against: the store and the clock, injected so tests
 * control time and every door shares the same functions.
 */
export interface ProposalContext {
  store: Store;
  /** The current time; timestamps and the preview's `asOf` month come from it. */
  now: () => Date;
  /** Age after which an undecided proposal expires (ms); default 7 days. */
  maxAgeMs?: number;
}

/** The month `YYYY-MM` (UTC) a time falls in: the `asOf` of a preview made then. */
export function monthOf(time: Date): string {
  return time.toISOString().slice(0, 7);
}

/** A maximum age in words ("7 days", "36 hours", "90 seconds") for expiry reasons. */
export function describeAge(ms: number): string {
  const days = ms / 86_400_000;
  if (Number.isInteger(days)) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = ms / 3_600_000;
  if (Number.isInteger(hours)) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const seconds = Math.round(ms / 1000);
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}
