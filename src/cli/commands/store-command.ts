import { userInfo } from 'node:os';
import type { AppContext } from '../../app/app-context.ts';
import { openStore, type CaseRecord, type Store } from '../../app/store.ts';
import type { SelectedModel } from '../../agent/select-model.ts';
import { redactSecrets } from '../../errors/index.ts';
import { DEFAULT_PROPOSAL_MAX_AGE_MS } from '../../proposals/proposal-context.ts';
import { seedDemoIfEmpty } from '../../proposals/seed-demo.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';

/**
 * What the store commands (`import`, `export`, `propose`, `approve`, `reject`, `proposals`,
 * `audit`, `history`) need from the outside world; injectable so tests can run them against
 * a store and clock of their own.
 */
export interface StoreCommandDeps {
  /** Opens the store (the command closes it when done). Default: the database at `VE_DB`. */
  openStore: () => Store;
  /** The clock: timestamps and the preview's month. */
  now: () => Date;
  /** Age after which undecided proposals expire (ms). */
  maxAgeMs: number;
  /** Seed the demo case into an empty database on first start. */
  seedDemo: boolean;
}

/** The age configured by `VE_PROPOSAL_MAX_AGE_DAYS` (default 7 days). */
export function configuredMaxAgeMs(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.VE_PROPOSAL_MAX_AGE_DAYS);
  return env.VE_PROPOSAL_MAX_AGE_DAYS && Number.isFinite(days) && days > 0 ? days * 86_400_000 : DEFAULT_PROPOSAL_MAX_AGE_MS;
}

/** The real thing: the database at `VE_DB`, the system clock, the demo seeded on first start. */
export function defaultStoreDeps(): StoreCommandDeps {
  return { openStore: () => openStore(), now: () => new Date(), maxAgeMs: configuredMaxAgeMs(), seedDemo: true };
}

/**
 * Opens the store and seeds the demo into an empty database (a failed seed is a warning);
 * returns the proposal context and the case seeded now, if any. Closes the store if seeding throws.
 */
function openSeeded(deps: StoreCommandDeps, io: CliIo): { ctx: AppContext; seeded: CaseRecord | null } {
  let store: Store;
  try {
    store = deps.openStore();
  } catch (e) {
    throw new CliError(`cannot open the database: ${(e as Error).message}`, EXIT.usage);
  }
  const ctx: AppContext = { store, now: deps.now, maxAgeMs: deps.maxAgeMs };
  try {
    const seeded = deps.seedDemo ? seedDemoIfEmpty(ctx) : null;
    if (seeded && !seeded.ok) io.stderr(`ve: warning: the demo case was not seeded: ${seeded.error.message}\n`);
    return { ctx, seeded: seeded?.ok ? seeded.value : null };
  } catch (e) {
    store.close();
    throw e;
  }
}

/**
 * Opens the store, seeds the demo into an empty database, runs `fn` with the proposal
 * context, and closes the store whatever happens.
 */
export function withStore<T>(deps: StoreCommandDeps, io: CliIo, fn: (ctx: AppContext) => T): T {
  const { ctx } = openSeeded(deps, io);
  try {
    return fn(ctx);
  } finally {
    ctx.store.close();
  }
}

/** `withStore` for a long-running or asynchronous command: the store stays open until `fn` settles. */
export async function withStoreAsync<T>(deps: StoreCommandDeps, io: CliIo, fn: (ctx: AppContext, seeded: CaseRecord | null) => Promise<T>): Promise<T> {
  const { ctx, seeded } = openSeeded(deps, io);
  try {
    return await fn(ctx, seeded);
  } finally {
    ctx.store.close();
  }
}

/**
 * Chooses the language model as `selectModel` does; a failure is a usage error whose message
 * never shows a secret.
 */
export function selectModelOrFail(
  deps: { env: NodeJS.ProcessEnv; selectModel: (env: NodeJS.ProcessEnv) => SelectedModel },
  secrets: readonly string[],
): SelectedModel {
  try {
    return deps.selectModel(deps.env);
  } catch (e) {
    throw new CliError(`cannot set up the language model: ${redactSecrets((e as Error).message, [...secrets])}`, EXIT.usage);
  }
}

/** The name of whoever runs the command, when `--by` is not given. */
export function currentUser(): string {
  try {
    return process.env.USER || userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
