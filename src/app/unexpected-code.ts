import { AISDKError } from 'ai';

/**
 * The catalogue code of an unexpected failure (a throw, not an `Outcome`): a failure of the
 * language model (any ai SDK error) is `model_unavailable`; anything else is `internal`. Both
 * are logged with a reference; the person sees only the catalogue's wording.
 */
export function unexpectedCode(error: unknown): 'model_unavailable' | 'internal' {
  return AISDKError.isInstance(error) ? 'model_unavailable' : 'internal';
}
