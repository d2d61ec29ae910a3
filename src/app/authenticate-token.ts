import type { Store } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** Who a workspace token belongs to: the workspace it sees and the person it was given to. */
export interface TokenHolder {
  workspaceId: string;
  tokenId: string;
  name: string;
}

/**
 * Checks a workspace token (`ve token create`, the `ve serve` banner) against the store, which
 * keeps only its SHA-256: an unknown or revoked token is `unauthorized`. The token itself is
 * never part of the answer or the message. The web door signs in with it; the HTTP door's
 * bearer check reads the same record.
 */
export function authenticateToken(store: Store, token: string): Outcome<TokenHolder> {
  const trimmed = token.trim();
  if (!trimmed) return failWith('unauthorized', 'enter a workspace token (create one with `ve token create --name <you>`)', { field: 'token' });
  const record = store.findApiToken(trimmed);
  if (!record) return failWith('unauthorized', 'that token is unknown or revoked', { field: 'token' });
  return succeed({ workspaceId: record.workspaceId, tokenId: record.id, name: record.name });
}
