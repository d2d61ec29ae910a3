import type { webApi } from '@slack/bolt';
import { viewProposal } from '../app/view-proposal.ts';
import { describeError } from '../errors/index.ts';
import { decidedMessage } from './decided-message.ts';
import type { SlackDeps } from './slack-deps.ts';

/** Most proposal messages updated in one pass. */
const BATCH = 50;

/** Slack's answers that mean the message can never be updated (gone, or the bot lost access). */
const GONE = new Set(['message_not_found', 'channel_not_found', 'cant_update_message', 'is_archived', 'not_in_channel']);

/**
 * Updates the Slack message of every decided proposal that still shows it pending (issue 14):
 * a proposal approved over HTTP, in the web workspace or with `ve approve` keeps its message
 * (channel and `ts`, recorded when it was posted) and its buttons until this runs. The message
 * then shows the decision exactly as a click in Slack would (`decidedMessage`), and the
 * recorded `ts` is cleared. A message that is gone is given up; other failures are logged and
 * retried on the next pass. Returns how many messages were updated.
 */
export async function syncDecidedMessages(deps: Pick<SlackDeps, 'store' | 'logger'>, client: webApi.WebClient): Promise<number> {
  let updated = 0;
  for (const proposal of deps.store.listProposalsToUpdateInSlack(BATCH)) {
    const channel = proposal.slackChannel;
    const ts = proposal.slackTs;
    const view = viewProposal(deps.store, proposal.id);
    const message = view.ok ? decidedMessage(view.value) : null;
    if (!channel || !ts || !message) {
      deps.store.setProposalSlackMessage(proposal.id, null);
      continue;
    }
    try {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
      deps.store.setProposalSlackMessage(proposal.id, null);
      updated++;
    } catch (e) {
      const code = (e as { data?: { error?: string } }).data?.error;
      if (code && GONE.has(code)) deps.store.setProposalSlackMessage(proposal.id, null);
      deps.logger.warn(`slack: could not update the message of proposal ${proposal.id}: ${describeError(e)}`);
    }
  }
  return updated;
}
