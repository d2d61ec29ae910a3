import type { CaseRecord } from '../../db/store.ts';
import type { Outcome } from '../errors/outcome.ts';
import { resolveCase as resolveCaseByName } from '../resolve/resolve-case.ts';
import type { AppContext } from './app-context.ts';

/**
 * The business case a person named at a door (`/ve summary delta`), by id or name within the
 * door's workspace; nothing named means the workspace's only case. The same resolution the
 * agent's tools use (`src/resolve/resolve-case.ts`); an unknown or ambiguous name is
 * `not_found` with the candidates to offer.
 */
export function resolveCase(ctx: AppContext, workspaceId: string, name: string | undefined): Outcome<CaseRecord> {
  return resolveCaseByName(ctx.store, workspaceId, name);
}
