import type { CaseListing } from '../../db/store.ts';
import type { AppContext } from './app-context.ts';

/** The business cases a door working in `workspaceId` may see (no documents), as the store lists them. */
export function listCases(ctx: AppContext, workspaceId: string): CaseListing[] {
  return ctx.store.listCases(workspaceId);
}
