import type { Logger } from '@slack/bolt';
import type { LanguageModel } from 'ai';
import type { AppContext } from '../app/app-context.ts';
import type { Store } from '../app/store.ts';
import type { SlackNames } from './slack-actor.ts';
import type { ApproverPolicy, WorkspaceMapping } from './slack-settings.ts';

/** What every Slack handler works with: the same store, clock and model as the other doors, plus Slack's settings. */
export interface SlackDeps {
  store: Store;
  now: () => Date;
  model: LanguageModel;
  /** The language model QBR drafts are written with (the chat's `draftQbr` tool, `/ve qbr`); null: the offline template. */
  qbrModel: LanguageModel | null;
  approvers: ApproverPolicy;
  workspaces: WorkspaceMapping;
  names: SlackNames;
  logger: Logger;
  /** Age after which an undecided proposal expires (ms); default the workflow's 7 days. */
  maxAgeMs?: number;
}

/** The application layer's context for a handler. */
export function proposalContext(deps: SlackDeps): AppContext {
  return { store: deps.store, now: deps.now, ...(deps.maxAgeMs !== undefined ? { maxAgeMs: deps.maxAgeMs } : {}) };
}
