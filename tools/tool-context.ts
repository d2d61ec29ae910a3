import type { LanguageModel } from 'ai';
import type { ProposalContext } from '../src/proposals/index.ts';

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
  /**
   * The language model the `draftQbr` tool writes QBR narratives with (every number is still
   * checked against the engine's facts). Null or absent: the deterministic offline template
   * writer. The composition root chooses it (`qbrWriterModel(selected)` in `src/agent`, null
   * for the offline provider) and the app layer passes it in, so the chat drafts with the
   * configured model.
   */
  qbrModel?: LanguageModel | null;
}
