import type { ProposalContext } from '../proposals/index.ts';

/**
 * What every application function runs against: the store, the clock and the proposals'
 * maximum age, injected so tests control time and every door shares the same functions.
 * The same shape as the proposal workflow's context, which the app passes down as it is.
 */
export type AppContext = ProposalContext;
