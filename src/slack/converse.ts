import type { webApi } from '@slack/bolt';
import { chatTurn, type ChatReply } from '../app/chat-turn.ts';
import { turnSummaries } from '../app/turn-summaries.ts';
import { unexpectedCode } from '../app/unexpected-code.ts';
import { describeError, errorReference } from '../errors/index.ts';
import { decodeSlackText } from './decode-slack-text.ts';
import { proposalMessage } from './proposal-blocks.ts';
import { qbrMessages } from './qbr-post.ts';
import { proposalContext, type SlackDeps } from './slack-deps.ts';
import { slackErrorText } from './slack-error-text.ts';
import { toSlackMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';
import { postSummaryChart } from './summary-chart.ts';
import { rememberProposalMessage } from '../app/door-memory.ts';
import type { ProposalView } from '../app/proposal-view.ts';

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

/**
 * A message's text as the person wrote it: mentions of the bot removed (`<@U0BOT> record...`
 * becomes `record...`), then Slack's markup decoded (`decodeSlackText`: `R&amp;D` is `R&D`,
 * `<https://x|the export>` is `the export (https://x)`, `<@U1|ana>` is `@ana`), so the
 * agent, case names, notes, sources and evidence get what was typed, not Slack's encoding.
 */
export function stripMention(text: string, botUserId: string | undefined): string {
  const bot = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/;
  return decodeSlackText(text.replace(bot, '')).replace(/\s+/g, ' ').trim();
}

/**
 * Runs one agent turn (`chatTurn`) for a message in a Slack thread and answers in that thread:
 * the model's reply, each proposal's view as a Block Kit message with Approve / Reject
 * buttons, each QBR draft the turn drafted or fetched (as saved, `qbrMessages`), and a chart with the headline numbers of each value summary the agent looked up
 * (`turnSummaries`, from the turn's typed tool results). Any unexpected failure is logged
 * (with a reference) and the person gets the error catalogue's short wording, never internals.
 */
export async function converse(deps: SlackDeps, turn: SlackTurn): Promise<void> {
  const { client, channel, threadTs } = turn;
  const say = (text: string) => client.chat.postMessage({ channel, thread_ts: threadTs, text });
  const fail = async (what: string, e: unknown) => {
    const reference = errorReference();
    deps.logger.error(`slack: ${what} failed (reference ${reference}): ${describeError(e)}`);
    await say(slackErrorText(unexpectedCode(e), { message: '', lead: '', reference })).catch((e2: unknown) =>
      deps.logger.error(`slack: could not post the error reply (reference ${reference}): ${describeError(e2)}`),
    );
  };
  if (!turn.text.trim()) return;

  let workspaceId: string;
  let reply: ChatReply;
  try {
    if (turn.setStatus) await turn.setStatus('is thinking…').catch(() => undefined);
    workspaceId = workspaceForTeam(deps.workspaces, turn.teamId);
    const actor = await deps.names.actor(client, turn.userId);
    const threadKey = slackThreadKey(turn.teamId, channel, threadTs);
    reply = await chatTurn(proposalContext(deps), {
      model: deps.model,
      qbrModel: deps.qbrModel,
      workspaceId,
      createWorkspace: true,
      actor,
      channel: 'slack',
      threadKey,
      text: turn.text,
      log: (line) => deps.logger.error(`slack: ${line}`),
    });
    const text = reply.text.trim() || (reply.proposals.length > 0 ? 'Here is what I propose:' : 'Done.');
    await say(toSlackMrkdwn(text));
    for (const p of reply.proposals) await postProposal(deps, client, { channel, threadTs }, p);
    // The agent has QBR drafts by reference only: the saved draft is what people see.
    for (const { record, outcome } of reply.qbrDrafts) {
      for (const message of qbrMessages(record, outcome))
        await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks });
    }
  } catch (e) {
    await fail('an agent turn', e);
    return;
  }

  let summaries: ReturnType<typeof turnSummaries>;
  try {
    summaries = turnSummaries(proposalContext(deps), workspaceId, reply.toolResults);
  } catch (e) {
    await fail('a summary chart', e);
    return;
  }
  for (const { record, summary } of summaries) {
    try {
      await postSummaryChart({ client, channel, threadTs, record, summary });
    } catch (e) {
      await fail('a summary chart', e);
    }
  }
}

/**
 * Posts a proposal with its Approve and Reject buttons in a thread, and keeps where it went with
 * the proposal: whichever door decides it, this message is updated (`syncDecidedMessages`).
 */
export async function postProposal(deps: SlackDeps, client: webApi.WebClient, where: { channel: string; threadTs: string }, view: ProposalView): Promise<void> {
  const message = proposalMessage(view, view.proposedBy);
  const posted = await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, text: message.text, blocks: message.blocks });
  if (posted.ts) rememberProposalMessage(proposalContext(deps), view.proposalId, { channel: posted.channel ?? where.channel, ts: posted.ts });
}
