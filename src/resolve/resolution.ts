import { failWith, type Outcome } from '../errors/outcome.ts';

/**
 * The result of resolving a name a person used: the one result type (`Outcome`), whose
 * error the model can read and act on (ask the person, offering the `candidates`).
 */
export type Resolved<T> = Outcome<T>;

/** A failed resolution: `not_found`, with the candidates to offer when there are any. */
export function unresolved<T>(message: string, candidates?: readonly string[]): Resolved<T> {
  return failWith('not_found', message, { candidates });
}
