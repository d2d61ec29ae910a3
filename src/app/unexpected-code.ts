import { AISDKError } from 'ai';

/**
 * The catalogue code of an unexpected failure (a throw, not an `Outcome`): a failure of the
 * language model (any ai SDK error) is `model_unavailable`; the database busy or locked by
 * another connection past the busy timeout (`SQLITE_BUSY`, `SQLITE_LOCKED`, e.g. a long `ve
 * import` holding the write lock) is `unavailable`, worth retrying in a moment; anything else
 * is `internal`. All are logged with a reference; the person sees only the catalogue's wording.
 */
export function unexpectedCode(error: unknown): 'model_unavailable' | 'unavailable' | 'internal' {
  if (AISDKError.isInstance(error)) return 'model_unavailable';
  if (isDatabaseBusy(error)) return 'unavailable';
  return 'internal';
}

/** True for better-sqlite3's error when another connection holds the lock past the busy timeout. */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
