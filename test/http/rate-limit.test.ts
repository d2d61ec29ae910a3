/**
 * Per-token rate limits (issue 14): chat turns per minute and requests with a body per minute,
 * each token counted on its own, over a sliding minute; beyond either, 429 `rate_limited` with
 * `Retry-After` in seconds until the oldest request leaves the window. A refused request is
 * not counted and runs nothing (no model call). Configured from the environment.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, rateLimitsFromEnv } from '../../src/http/index.ts';
import { errorResponseSchema } from '../../src/http/response-schemas.ts';
import { scriptedModel } from '../support/scripted-model.ts';
import { httpHarness } from './http-harness.ts';

const echo = () => scriptedModel((call) => ({ text: `echo: ${call.userText}` }));

describe('chat turns per minute', () => {
  it('the 4th turn in a minute with a limit of 3 is 429 with Retry-After; other tokens and GETs are not affected', async () => {
    const model = echo();
    const h = httpHarness(model, { rateLimits: { chatTurnsPerMinute: 3, bodiesPerMinute: 100 } });
    // Turns at 10:00:00, 10:00:10 and 10:00:20 (the clock moved by hand).
    for (const s of [0, 10, 20]) {
      h.clock.set(`2026-11-20T10:00:${String(s).padStart(2, '0')}.000Z`);
      expect((await h.json('POST', '/api/chat', { body: { message: `m${s}` } })).status).toBe(200);
    }
    h.clock.set('2026-11-20T10:00:45.000Z');
    const refused = await h.json('POST', '/api/chat', { body: { message: 'one more' } });
    expect(refused.status).toBe(429);
    expect(errorResponseSchema.safeParse(refused.body).success).toBe(true);
    expect(refused.body.error.code).toBe('rate_limited');
    // The oldest turn (10:00:00) leaves the window at 10:01:00: 15 s after 10:00:45.
    expect(refused.headers.get('retry-after')).toBe('15');
    expect(refused.body.error.message).toBe('too many chat turns from this token: at most 3 a minute; try again in 15 s');
    // The refused turn ran nothing.
    expect(model.doGenerateCalls).toHaveLength(3);
    // Another token has its own count; reading is not limited.
    expect((await h.json('POST', '/api/chat', { token: h.tokens.olga, body: { message: 'hi' } })).status).toBe(200);
    expect((await h.json('GET', '/api/business-cases')).status).toBe(200);
    // At 10:01:00 the first turn has left the window: one more goes through, then 429 again
    // (the turns of 10:00:10 and 10:00:20 are still in it, and the refused one was not counted).
    h.clock.set('2026-11-20T10:01:00.000Z');
    expect((await h.json('POST', '/api/chat', { body: { message: 'again' } })).status).toBe(200);
    const next = await h.json('POST', '/api/chat', { body: { message: 'and again' } });
    expect(next.status).toBe(429);
    // The oldest now is 10:00:10, leaving at 10:01:10: 10 s.
    expect(next.headers.get('retry-after')).toBe('10');
  });
});

describe('request bodies per minute', () => {
  it('counts every POST with a body (approvals, rejections, imports), per token', async () => {
    const h = httpHarness(echo(), { rateLimits: { chatTurnsPerMinute: 100, bodiesPerMinute: 2 } });
    h.clock.set('2026-11-20T10:00:00.000Z');
    // Two bodies are allowed (both answered 404: no such proposal; still counted).
    expect((await h.json('POST', '/api/proposals/x/reject', { body: { reason: 'no' } })).status).toBe(404);
    h.clock.set('2026-11-20T10:00:30.000Z');
    expect((await h.json('POST', '/api/proposals/y/approve', { body: {} })).status).toBe(404);
    h.clock.set('2026-11-20T10:00:31.500Z');
    const refused = await h.json('POST', '/api/chat', { body: { message: 'hi' } });
    expect(refused.status).toBe(429);
    // Oldest at 10:00:00 leaves at 10:01:00: 28.5 s, rounded up to 29.
    expect(refused.headers.get('retry-after')).toBe('29');
    expect(refused.body.error.message).toBe('too many requests with a body from this token: at most 2 a minute; try again in 29 s');
    expect((await h.json('POST', '/api/proposals/z/reject', { token: h.tokens.olga, body: {} })).status).toBe(404);
  });
});

describe('configuration', () => {
  it('defaults to 20 chat turns and 120 bodies a minute; the environment sets them; 0 is no limit; nonsense is refused by name', () => {
    expect(DEFAULT_RATE_LIMITS).toEqual({ chatTurnsPerMinute: 20, bodiesPerMinute: 120 });
    expect(rateLimitsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
    expect(rateLimitsFromEnv({ VE_CHAT_TURNS_PER_MINUTE: '5', VE_BODIES_PER_MINUTE: '0' })).toEqual({ chatTurnsPerMinute: 5, bodiesPerMinute: 0 });
    expect(() => rateLimitsFromEnv({ VE_CHAT_TURNS_PER_MINUTE: 'lots' })).toThrow(
      "VE_CHAT_TURNS_PER_MINUTE 'lots' must be a whole number from 0 (no limit) to 1000000",
    );
  });

  it('the default limit applies when none is given: the 21st turn in a minute is 429', async () => {
    const h = httpHarness(echo());
    for (let i = 0; i < 20; i++) expect((await h.json('POST', '/api/chat', { body: { message: `m${i}` } })).status).toBe(200);
    expect((await h.json('POST', '/api/chat', { body: { message: 'm20' } })).status).toBe(429);
  });
});
