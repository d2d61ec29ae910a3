import { userInfo } from 'node:os';
import { openStore } from '../../../db/open-store.ts';
import type { Store } from '../../../db/store.ts';
import { DEFAULT_PROPOSAL_MAX_AGE_MS, seedDemoIfEmpty, type ProposalContext, type ProposalError } from '../../proposals/index.ts';
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
 * Opens the store, seeds the demo into an empty database, runs `fn` with the proposal
 * context, and closes the store whatever happens.
 */
export function withStore<T>(deps: StoreCommandDeps, io: CliIo, fn: (ctx: ProposalContext) => T): T {
  let store: Store;
  try {
    store = deps.openStore();
  } catch (e) {
    throw new CliError(`cannot open the database: ${(e as Error).message}`, EXIT.usage);
  }
  try {
    const ctx: ProposalContext = { store, now: deps.now, maxAgeMs: deps.maxAgeMs };
    if (deps.seedDemo) {
      const seeded = seedDemoIfEmpty(ctx);
      if (seeded && !seeded.ok) io.stderr(`ve: warning: the demo case was not seeded: ${seeded.error.message}\n`);
    }
    return fn(ctx);
  } finally {
    store.close();
  }
}

/**
 * The CLI's reading of a proposal-workflow failure: arguments that name nothing or are
 * malformed are usage errors (exit 2); a refusal of a well-formed request exits 1.
 */
export function proposalFailure(error: ProposalError): CliError {
  const usage = error.code === 'not_found' || error.code === 'invalid_argument' || error.code === 'invalid_operation' || error.code === 'invalid_document';
  const where = error.path && !error.message.includes(error.path) ? ` (at ${error.path})` : '';
  return new CliError(`${error.message}${where}`, usage ? EXIT.usage : EXIT.refused);
}

/** The name of whoever runs the command, when `--by` is not given. */
export function currentUser(): string {
  try {
    return process.env.USER || userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
