import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';

/** How many requests one token may make per minute (0: no limit). */
export interface RateLimits {
  /** Chat turns (`POST /api/chat`): each one runs the language model, up to 8 steps. */
  chatTurnsPerMinute: number;
  /** Requests with a body (every POST, PUT, PATCH under `/api/`: imports, decisions, drafts, chat). */
  bodiesPerMinute: number;
}

/**
 * The defaults: a person chatting types a message every few seconds at most, so 20 turns a
 * minute leaves room for bursts and stops a script from running the model without bound;
 * 120 bodies a minute (2 a second) is far above clicking approve and reject, and bounds
 * imports and drafts from one token.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { chatTurnsPerMinute: 20, bodiesPerMinute: 120 };

const WINDOW_MS = 60_000;

/** The limits from `VE_CHAT_TURNS_PER_MINUTE` and `VE_BODIES_PER_MINUTE` (whole numbers, 0 for none), else the defaults; anything else is an error naming the variable. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const read = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) > 1_000_000) throw new Error(`${name} '${raw}' must be a whole number from 0 (no limit) to 1000000`);
    return Number(raw);
  };
  return {
    chatTurnsPerMinute: read('VE_CHAT_TURNS_PER_MINUTE', DEFAULT_RATE_LIMITS.chatTurnsPerMinute),
    bodiesPerMinute: read('VE_BODIES_PER_MINUTE', DEFAULT_RATE_LIMITS.bodiesPerMinute),
  };
}

/**
 * A sliding one-minute window per key: the times of the requests let through in the last
 * minute. `wait` is 0 when one more may go through, else the seconds until the oldest leaves
 * the window; `record` counts one. Kept in memory (one server process); keys idle for a
 * minute are forgotten.
 */
export function slidingWindow(limit: number, now: () => Date) {
  const seen = new Map<string, number[]>();
  let sweptAt = 0;
  const recent = (key: string, t: number): number[] => {
    if (t - sweptAt > WINDOW_MS) {
      for (const [k, times] of seen) if (times.length === 0 || t - times[times.length - 1]! >= WINDOW_MS) seen.delete(k);
      sweptAt = t;
    }
    const times = (seen.get(key) ?? []).filter((x) => t - x < WINDOW_MS);
    seen.set(key, times);
    return times;
  };
  return {
    wait(key: string): number {
      const t = now().getTime();
      const times = recent(key, t);
      return times.length < limit ? 0 : Math.max(1, Math.ceil((times[0]! + WINDOW_MS - t) / 1000));
    },
    record(key: string): void {
      const t = now().getTime();
      recent(key, t).push(t);
    },
  };
}

/**
 * Per-token rate limits on `/api/*` (after the bearer check, before the body is read): a chat
 * turn over `chatTurnsPerMinute`, or a request with a body over `bodiesPerMinute`, is 429
 * `rate_limited` with `Retry-After` (seconds until the oldest request of the minute leaves the
 * window). A refused request is not counted. A limit of 0 is no limit.
 */
export function rateLimit(limits: RateLimits, now: () => Date): MiddlewareHandler<AppEnv> {
  const chats = slidingWindow(limits.chatTurnsPerMinute, now);
  const bodies = slidingWindow(limits.bodiesPerMinute, now);
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') return next();
    const token = c.get('caller').tokenId;
    const refuse = (what: string, limit: number, retryAfterS: number): never => {
      throw new HttpError('rate_limited', `too many ${what} from this token: at most ${limit} a minute; try again in ${retryAfterS} s`, {
        headers: { 'Retry-After': String(retryAfterS) },
      });
    };
    const isChat = method === 'POST' && c.req.path === '/api/chat';
    const bodyWait = limits.bodiesPerMinute > 0 ? bodies.wait(token) : 0;
    if (bodyWait > 0) refuse('requests with a body', limits.bodiesPerMinute, bodyWait);
    const chatWait = isChat && limits.chatTurnsPerMinute > 0 ? chats.wait(token) : 0;
    if (chatWait > 0) refuse('chat turns', limits.chatTurnsPerMinute, chatWait);
    if (limits.bodiesPerMinute > 0) bodies.record(token);
    if (isChat && limits.chatTurnsPerMinute > 0) chats.record(token);
    return next();
  };
}
