import { redactSecrets } from './redact-secrets.ts';

/**
 * One log line for an unexpected error: its name and message on one line, secrets redacted,
 * cut to 500 characters. For logs only; people get the catalogue's wording instead.
 */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  const line = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const clean = redactSecrets(line.replace(/\s+/g, ' '), secrets);
  return clean.length > 500 ? `${clean.slice(0, 497)}...` : clean;
}
