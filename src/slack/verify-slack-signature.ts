import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses requests older than this, and so do we (replay window, seconds). */
export const SIGNATURE_MAX_AGE_SECONDS = 5 * 60;

/** A request to check: its raw body and the two Slack headers. */
export interface SignedRequest {
  signingSecret: string;
  /** The raw body exactly as received. */
  body: string;
  /** `x-slack-request-timestamp` (seconds since the epoch). */
  timestamp: string | null;
  /** `x-slack-signature` (`v0=<hex>`). */
  signature: string | null;
  /** The current time (ms); default `Date.now()`. */
  nowMs?: number;
}

/** Why a request was refused; never contains the secret or the expected signature. */
export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale' | 'bad_signature' };

/**
 * Verifies Slack's request signature (v0): HMAC-SHA256 with the signing secret over
 * `v0:<timestamp>:<body>`, compared in constant time, and a timestamp within 5 minutes of
 * now in either direction (a captured request cannot be replayed later).
 */
export function verifySlackSignature(request: SignedRequest): SignatureCheck {
  const { timestamp, signature } = request;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const nowSeconds = Math.floor((request.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(`v0=${createHmac('sha256', request.signingSecret).update(`v0:${timestamp}:${request.body}`).digest('hex')}`, 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

/** Signs a body the way Slack does (for tests and local tools). */
export function signSlackRequest(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
