import type { App, BlockAction, ButtonAction, ViewSubmitAction, webApi } from '@slack/bolt';
import { approveProposal } from '../app/approve-proposal.ts';
import type { ProposalView } from '../app/proposal-view.ts';
import { rejectProposal } from '../app/reject-proposal.ts';
import { unexpectedCode } from '../app/unexpected-code.ts';
import { viewProposal } from '../app/view-proposal.ts';
import { describeError, errorReference, type AppError } from '../errors/index.ts';
import { describeDecision } from '../proposals/describe-decision.ts';
import { mayDecide, refusalText } from './approver-policy.ts';
import { decidedMessage } from './decided-message.ts';
import { APPROVE_ACTION, REJECT_ACTION } from './proposal-blocks.ts';
import { proposalContext, type SlackDeps } from './slack-deps.ts';
import { mentionFor } from './slack-actor.ts';
import { slackErrorText } from './slack-error-text.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';

/** `callback_id` of the modal asking why a proposal is rejected. */
export const REJECT_MODAL = 've_reject_modal';
const REASON_BLOCK = 'reason';
const REASON_ACTION = 'reason_input';

/** The proposal message a decision is about. */
interface MessageRef {
  channel: string;
  ts: string;
}

/** Who acts on which proposal, where. */
interface Click {
  client: webApi.WebClient;
  userId: string;
  teamId: string | undefined;
  proposalId: string;
  message: MessageRef;
}

async function tell(deps: SlackDeps, c: Click, text: string): Promise<void> {
  await c.client.chat
    .postEphemeral({ channel: c.message.channel, user: c.userId, text })
    .catch((e: unknown) => deps.logger.warn(`slack: ephemeral reply failed: ${describeError(e)}`));
}

/** Updates the proposal message in place to show a decided proposal's view. */
async function show(c: Click, view: ProposalView): Promise<void> {
  const message = decidedMessage(view);
  if (!message) return;
  await c.client.chat.update({ channel: c.message.channel, ts: c.message.ts, text: message.text, blocks: message.blocks });
}

/** After a failed decision: the message shows the proposal as it stands, and the person is told why (the catalogue's wording). */
async function refused(deps: SlackDeps, c: Click, error: AppError, lead: string): Promise<void> {
  const subject = `proposal \`${escapeMrkdwn(c.proposalId)}\``;
  if (error.code !== 'not_found') {
    const now = viewProposal(deps.store, c.proposalId, workspaceForTeam(deps.workspaces, c.teamId));
    if (now.ok) await show(c, now.value);
  }
  await tell(deps, c, slackErrorText(error.code, { message: error.message, lead, subject }));
}

function clickOf(body: BlockAction<ButtonAction>, action: ButtonAction, client: webApi.WebClient, teamId: string | undefined): Click | null {
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  const ts = body.message?.ts ?? (body.container.message_ts as string | undefined);
  if (!channel || !ts || !action.value) return null;
  return { client, userId: body.user.id, teamId: body.team?.id ?? body.user.team_id ?? teamId, proposalId: action.value, message: { channel, ts } };
}

/**
 * Approve button: only an allowed approver may approve (others get an ephemeral
 * explanation); the app applies it once, however many times or by how many people the
 * button is clicked; then the message is updated in place from the view the approval returns.
 */
export async function onApprove(deps: SlackDeps, c: Click): Promise<void> {
  if (!mayDecide(deps.approvers, { userId: c.userId, channelId: c.message.channel })) return tell(deps, c, refusalText(deps.approvers));
  const actor = await deps.names.actor(c.client, c.userId);
  const workspaceId = workspaceForTeam(deps.workspaces, c.teamId);
  const result = approveProposal(proposalContext(deps), { proposalId: c.proposalId, approvedBy: actor, workspaceId });
  if (!result.ok) return refused(deps, c, result.error, 'Not applied');
  await show(c, result.value.view);
  if (result.value.alreadyApplied) {
    const by = result.value.proposal.decidedBy;
    await tell(
      deps,
      c,
      `This proposal was already approved${by ? ` by ${mentionFor(by)}` : ''} and applied (version ${result.value.version}); nothing was applied again.`,
    );
  }
}

/** Reject button: an allowed approver gets a modal asking why (optional); others an ephemeral explanation. */
export async function onRejectClick(deps: SlackDeps, c: Click, triggerId: string): Promise<void> {
  if (!mayDecide(deps.approvers, { userId: c.userId, channelId: c.message.channel })) return tell(deps, c, refusalText(deps.approvers));
  const found = viewProposal(deps.store, c.proposalId, workspaceForTeam(deps.workspaces, c.teamId));
  if (!found.ok) return refused(deps, c, found.error, 'Not rejected');
  if (found.value.status !== 'pending') {
    await show(c, found.value);
    return tell(deps, c, `${escapeMrkdwn(describeDecision({ ...found.value, id: found.value.proposalId }))}.`);
  }
  await c.client.views.open({
    trigger_id: triggerId,
    view: {
      type: 'modal',
      callback_id: REJECT_MODAL,
      private_metadata: JSON.stringify({ proposalId: c.proposalId, channel: c.message.channel, ts: c.message.ts }),
      title: { type: 'plain_text', text: 'Reject proposal' },
      submit: { type: 'plain_text', text: 'Reject' },
      close: { type: 'plain_text', text: 'Cancel' },
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `Reject proposal \`${escapeMrkdwn(c.proposalId)}\`? Nothing in the business case changes.` } },
        {
          type: 'input',
          block_id: REASON_BLOCK,
          optional: true,
          label: { type: 'plain_text', text: 'Why?' },
          element: { type: 'plain_text_input', action_id: REASON_ACTION, multiline: true, max_length: 500 },
        },
      ],
    },
  });
}

/** The reject modal was submitted: reject with the reason and update the proposal message. */
export async function onRejectSubmit(deps: SlackDeps, c: Click, reason: string | undefined): Promise<void> {
  if (!mayDecide(deps.approvers, { userId: c.userId, channelId: c.message.channel })) return tell(deps, c, refusalText(deps.approvers));
  const actor = await deps.names.actor(c.client, c.userId);
  const workspaceId = workspaceForTeam(deps.workspaces, c.teamId);
  const result = rejectProposal(proposalContext(deps), { proposalId: c.proposalId, rejectedBy: actor, workspaceId, ...(reason ? { reason } : {}) });
  if (!result.ok) return refused(deps, c, result.error, 'Not rejected');
  await show(c, result.value.view);
}

/** Runs a button or modal handler; an unexpected failure is logged and the person gets one short ephemeral reply. */
async function guarded(deps: SlackDeps, c: Click, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    const reference = errorReference();
    deps.logger.error(`slack: ${what} of proposal ${c.proposalId} failed (reference ${reference}): ${describeError(e)}`);
    await tell(deps, c, slackErrorText(unexpectedCode(e), { message: '', lead: '', reference, nothingChanged: false }));
  }
}

/** Registers the Approve / Reject buttons and the reject modal on the Bolt app. */
export function registerProposalActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(APPROVE_ACTION, async ({ ack, body, action, client, context }) => {
    await ack();
    const click = clickOf(body, action, client, context.teamId);
    if (click) await guarded(deps, click, 'approval', () => onApprove(deps, click));
  });
  app.action<BlockAction<ButtonAction>>(REJECT_ACTION, async ({ ack, body, action, client, context }) => {
    await ack();
    const click = clickOf(body, action, client, context.teamId);
    if (click) await guarded(deps, click, 'reject click', () => onRejectClick(deps, click, body.trigger_id));
  });
  app.view<ViewSubmitAction>(REJECT_MODAL, async ({ ack, body, view, client, context }) => {
    await ack();
    let meta: { proposalId?: unknown; channel?: unknown; ts?: unknown };
    try {
      meta = JSON.parse(view.private_metadata) as typeof meta;
    } catch {
      return;
    }
    if (typeof meta.proposalId !== 'string' || typeof meta.channel !== 'string' || typeof meta.ts !== 'string') return;
    const reason = view.state.values[REASON_BLOCK]?.[REASON_ACTION]?.value ?? undefined;
    const click: Click = {
      client,
      userId: body.user.id,
      teamId: body.team?.id ?? body.user.team_id ?? context.teamId,
      proposalId: meta.proposalId,
      message: { channel: meta.channel, ts: meta.ts },
    };
    await guarded(deps, click, 'rejection', () => onRejectSubmit(deps, click, reason?.trim() || undefined));
  });
}
