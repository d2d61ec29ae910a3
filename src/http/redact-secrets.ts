/**
 * Hides anything that looks like a credential in a line about to be logged: bearer
 * credentials, this project's API tokens (`ve_...`), OpenAI-style keys (`sk-...`), and any
 * exact secret passed in (e.g. the configured API key). Logs are read by more people than
 * the tokens were given to.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  return out
    .replace(/\bBearer\s+[^\s"',]+/gi, 'Bearer [redacted]')
    .replace(/\bve_[A-Za-z0-9_-]{8,}/g, 've_[redacted]')
    .replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, 'sk-[redacted]');
}
