import { asc, eq } from 'drizzle-orm';
import { workspaces } from '../schema.ts';
import type { RepositoryContext } from './repository-context.ts';

/** A tenant. */
export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** Tenants: business cases, tokens and conversations belong to exactly one workspace. */
export interface WorkspaceRepository {
  /** Creates the workspace if it does not exist; returns it either way. */
  ensureWorkspace(id: string, name: string, now: string): WorkspaceRecord;
  /** The workspace with this id, or null. */
  getWorkspace(id: string): WorkspaceRecord | null;
  /** Every workspace, by id (none at all means a brand-new database). */
  listWorkspaces(): WorkspaceRecord[];
}

/** The workspace repository over SQLite. */
export function workspaceRepository({ db }: RepositoryContext): WorkspaceRepository {
  const getWorkspace = (id: string): WorkspaceRecord | null => db.select().from(workspaces).where(eq(workspaces.id, id)).get() ?? null;
  return {
    ensureWorkspace(id, name, now) {
      db.insert(workspaces).values({ id, name, createdAt: now }).onConflictDoNothing().run();
      return getWorkspace(id)!;
    },
    getWorkspace,
    listWorkspaces() {
      return db.select().from(workspaces).orderBy(asc(workspaces.id)).all();
    },
  };
}
