import type { webApi } from '@slack/bolt';
import { refreshDecidedMessages } from '../app/door-memory.ts';
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
export async function syncDecidedMessages(deps: Pick<SlackDeps, 'store' | 'now' | 'logger'>, client: webApi.WebClient): Promise<number> {
  return refreshDecidedMessages(deps, BATCH, async (view, { channel, ts }) => {
    const message = decidedMessage(view);
    if (!message) return 'gone';
    try {
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
      return 'updated';
    } catch (e) {
      deps.logger.warn(`slack: could not update the message of proposal ${view.proposalId}: ${describeError(e)}`);
      const code = (e as { data?: { error?: string } }).data?.error;
      return code && GONE.has(code) ? 'gone' : 'failed';
    }
  });
}
