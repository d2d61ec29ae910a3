import { existsSync, readFileSync } from 'node:fs';
import type { CaseRecord } from '../../db/store.ts';
import { projectPath } from '../project-root.ts';
import { importCase } from './import-case.ts';
import type { ProposalContext } from './proposal-context.ts';
import type { Outcome } from '../errors/outcome.ts';

/** The demo business case seeded into a new database. */
export const DEMO_DOCUMENT_PATH = projectPath('examples', 'delta-corp.json');

/**
 * On the first start of an empty database (no workspace at all), imports the demo case into
 * the default workspace so a new installation has something to talk about. Returns null
 * when there was nothing to do (database not empty, or no demo file).
 */
export function seedDemoIfEmpty(ctx: ProposalContext, path: string = DEMO_DOCUMENT_PATH): Outcome<CaseRecord> | null {
  if (ctx.store.listWorkspaces().length > 0 || !existsSync(path)) return null;
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { ok: false, error: { code: 'invalid_document', message: `demo document ${path} is not JSON: ${(e as Error).message}` } };
  }
  return importCase(ctx, { document, importedBy: 'seed' });
}
