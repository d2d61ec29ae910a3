import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createSqliteStore } from '../../db/sqlite-store.ts';
import type { Store } from '../../db/store.ts';
import type { ProposalContext } from '../../src/proposals/index.ts';
import { fakeClock, type FakeClock } from './fake-clock.ts';

/** A store for a test, with its raw database, a fake clock and the proposal context over both. */
export interface TestStore {
  store: Store;
  handle: DatabaseHandle;
  clock: FakeClock;
  ctx: ProposalContext;
}

/** A fresh `:memory:` database with the real migrations applied. */
export function memoryStore(): TestStore {
  return around(openDatabase({ path: ':memory:' }));
}

/** A store on a file database at `path` (created and migrated if new). */
export function fileStore(path: string): TestStore {
  return around(openDatabase({ path }));
}

function around(handle: DatabaseHandle): TestStore {
  const store = createSqliteStore(handle);
  const clock = fakeClock();
  return { store, handle, clock, ctx: { store, now: clock.now } };
}

/** A temporary directory removed by the returned `cleanup`. */
export function tempDir(prefix = 've-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
