const SECRET_PATTERNS: readonly RegExp[] = [
  // Slack bot, user and app-level tokens.
  /xox[abeoprs]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  // OpenAI-style keys (also masked ones such as sk-...****).
  /\bsk-[A-Za-z0-9_*-]{6,}/g,
  // This project's API tokens (ve_ and 43 base64url characters; not identifiers such as ve_reject_modal).
  /\bve_[A-Za-z0-9_-]{20,}/g,
  // Bearer credentials in a header or a message.
  /\bBearer\s+[^\s"',]+/gi,
];

/**
 * Hides anything that looks like a credential in a line about to be logged or shown: Slack
 * tokens, OpenAI-style keys (`sk-...`), this project's API tokens (`ve_...`), bearer
 * credentials, and any exact secret passed in (e.g. the configured API key; at least 6
 * characters). Each becomes `[redacted]`. The one redaction every door and the CLI use: logs
 * are read by more people than the tokens were given to.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  return SECRET_PATTERNS.reduce((t, p) => t.replace(p, '[redacted]'), out);
}
