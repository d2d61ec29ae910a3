import { randomUUID } from 'node:crypto';

const SECRET_PATTERNS: readonly RegExp[] = [
  /xox[abeoprs]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
];

/** Replaces anything shaped like a Slack or OpenAI token with `[redacted]`. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((t, p) => t.replace(p, '[redacted]'), text);
}

/**
 * One log line for an unexpected error: its name and message, tokens redacted, cut to 500
 * characters. For logs only; people in Slack get `errorReplyText` instead.
 */
export function describeError(error: unknown): string {
  const line = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const clean = redactSecrets(line.replace(/\s+/g, ' '));
  return clean.length > 500 ? `${clean.slice(0, 497)}...` : clean;
}

/**
 * The one short reply people get when something unexpected fails (no internals, a reference
 * to find the log line). `nothingChanged` false when the failure may have come after a change
 * was applied (e.g. updating a message after an approval).
 */
export function errorReplyText(reference: string, nothingChanged = true): string {
  return `Sorry, something went wrong on my side and I could not finish that.${nothingChanged ? ' Nothing was changed.' : ''} (reference \`${reference}\`)`;
}

/** A short reference tying a reply to its log line. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}
