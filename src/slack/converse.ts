import type { webApi } from '@slack/bolt';
import { runAgentTurn } from '../agent/run-agent.ts';
import type { ToolContext } from '../agent/tool-context.ts';
import { resolveCase } from '../agent/tool-support.ts';
import { summarize } from '../engine/index.ts';
import { describeError, errorReference, errorReplyText } from './describe-error.ts';
import { proposalMessage } from './proposal-blocks.ts';
import { proposalContext, type SlackDeps } from './slack-deps.ts';
import { toSlackMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';
import { postSummaryChart } from './summary-chart.ts';
import { summaryLookups } from './turn-summaries.ts';

/** One message to the agent, from a Slack thread. */
export interface SlackTurn {
  client: webApi.WebClient;
  teamId: string | undefined;
  channel: string;
  /** The thread: its root message's ts (a new top-level message starts its own thread). */
  threadTs: string;
  userId: string;
  text: string;
  /** Assistant threads: shows "is thinking…" while the agent works. */
  setStatus?: (status: string) => Promise<unknown>;
}

/** The conversation key of a Slack thread: one conversation per thread. */
export function slackThreadKey(teamId: string | undefined, channel: string, threadTs: string): string {
  return `slack:${teamId ?? 'unknown'}:${channel}:${threadTs}`;
}

/** Removes mentions of the bot from a message (`<@U0BOT> record...` becomes `record...`). */
export function stripMention(text: string, botUserId: string | undefined): string {
  const bot = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(bot, '').replace(/\s+/g, ' ').trim();
}

/**
 * Runs one agent turn for a message in a Slack thread and answers in that thread: the
 * model's reply, each proposal as a Block Kit message with Approve / Reject buttons, and a
 * chart with the headline numbers when the agent looked up a value summary. Any unexpected
 * failure is logged (with a reference) and the person gets one short message, never internals.
 */
export async function converse(deps: SlackDeps, turn: SlackTurn): Promise<void> {
  const { client, channel, threadTs } = turn;
  const say = (text: string) => client.chat.postMessage({ channel, thread_ts: threadTs, text });
  const fail = async (what: string, e: unknown) => {
    const reference = errorReference();
    deps.logger.error(`slack: ${what} failed (reference ${reference}): ${describeError(e)}`);
    await say(errorReplyText(reference)).catch((e2: unknown) => deps.logger.error(`slack: could not post the error reply (reference ${reference}): ${describeError(e2)}`));
  };
  if (!turn.text.trim()) return;

  let context: ToolContext;
  let reply: Awaited<ReturnType<typeof runAgentTurn>>;
  let lastMessageId = 0;
  try {
    if (turn.setStatus) await turn.setStatus('is thinking…').catch(() => undefined);
    const workspaceId = workspaceForTeam(deps.workspaces, turn.teamId);
    const actor = await deps.names.actor(client, turn.userId);
    const threadKey = slackThreadKey(turn.teamId, channel, threadTs);
    const at = deps.now().toISOString();
    deps.store.ensureWorkspace(workspaceId, workspaceId, at);
    const thread = deps.store.getOrCreateThread({ workspaceId, key: threadKey, now: at });
    lastMessageId = deps.store.listMessages(thread.id, { limit: 1 })[0]?.id ?? 0;
    context = { proposals: proposalContext(deps), workspaceId, actor, channel: 'slack', thread: threadKey, qbrModel: deps.qbrModel };
    reply = await runAgentTurn({ model: deps.model, tools: context, threadKey, text: turn.text });
    const text = reply.text.trim() || (reply.proposals.length > 0 ? 'Here is what I propose:' : 'Done.');
    await say(toSlackMrkdwn(text));
    for (const p of reply.proposals) {
      const message = proposalMessage(p, actor);
      await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks });
    }
  } catch (e) {
    await fail('an agent turn', e);
    return;
  }

  for (const lookup of summaryLookups(deps.store, reply.threadId, lastMessageId)) {
    try {
      const found = resolveCase(context, lookup.businessCase);
      if (!found.ok) continue;
      const summary = summarize(found.value.document, { asOf: lookup.asOf, scenario: lookup.scenario });
      if (!summary.ok) continue;
      await postSummaryChart({ client, channel, threadTs, record: found.value, summary: summary.value });
    } catch (e) {
      await fail('a summary chart', e);
    }
  }
}
