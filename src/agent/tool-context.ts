import type { ProposalContext } from '../proposals/index.ts';

/**
 * What every agent tool runs with: the store and clock (through the proposal context), the
 * workspace it may see, who is asking and where. Doors build one per chat turn.
 */
export interface ToolContext {
  proposals: ProposalContext;
  /** Tools only see business cases of this workspace. */
  workspaceId: string;
  /** The person the agent acts for; recorded as the proposer. */
  actor: string;
  /** The door: `http`, `slack`, `cli`. */
  channel: string;
  /** The conversation thread, recorded on proposals so approvals can reply there. */
  thread: string | null;
}
