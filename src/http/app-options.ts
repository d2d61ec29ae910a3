import type { LanguageModel } from 'ai';
import type { Store } from '../app/store.ts';
import type { HttpLog } from './error-handler.ts';
import type { RateLimits } from './rate-limit.ts';

/** Default largest request body (bytes): a business-case document or a long useChat history fits. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** What `createApp` runs with: every effect is injected (store, clock, model, log). */
export interface AppOptions {
  store: Store;
  /** The clock: proposal timestamps, the preview's month, the summary's default `asOf`. */
  now: () => Date;
  /** The language model chat turns run on (`selectModel(...).model`, or a scripted one in tests). */
  model: LanguageModel;
  /**
   * The language model QBR narratives are written with (the chat's `draftQbr` tool and the
   * `/qbr` routes); every number is still checked against the engine's facts. Default null:
   * the deterministic offline template writer. Chosen at the composition root: `ve serve`
   * passes `qbrWriterModel(selected)`.
   */
  qbrModel?: LanguageModel | null;
  /** Age after which an undecided proposal expires (ms); default 7 days. */
  maxAgeMs?: number;
  /** Largest request body accepted (bytes); larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Where failures on the server's side are written; default `console.error`. */
  log?: HttpLog;
  /** Exact strings never to write to the log (e.g. the configured API key). */
  secrets?: readonly string[];
  /** What `/healthz` adds to `{ ok: true }` (e.g. `{ slack: { status: 'connected' } }`); must not throw or touch the store. */
  health?: () => Record<string, unknown>;
  /**
   * Called after a proposal is approved or rejected through this door (e.g. to update its Slack
   * message, `ve serve` wires the Slack door's `syncDecided`); must not throw.
   */
  onDecided?: (proposalId: string) => void;
  /** Per-token limits of chat turns and request bodies per minute (429 beyond); default `DEFAULT_RATE_LIMITS`. */
  rateLimits?: RateLimits;
}

/** The options with their defaults filled in, as the routes receive them. */
export interface ResolvedAppOptions extends Omit<AppOptions, 'log' | 'secrets' | 'maxBodyBytes' | 'qbrModel'> {
  log: HttpLog;
  secrets: readonly string[];
  maxBodyBytes: number;
  qbrModel: LanguageModel | null;
}
