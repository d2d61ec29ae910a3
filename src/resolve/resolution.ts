/**
 * The result of resolving a name a person used: the thing, or an error the model can read
 * and act on (ask the person, offering the candidates).
 */
export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string; candidates?: string[] };

/** A failed resolution. */
export function unresolved<T>(error: string, candidates?: string[]): Resolved<T> {
  return candidates && candidates.length > 0 ? { ok: false, error, candidates } : { ok: false, error };
}
