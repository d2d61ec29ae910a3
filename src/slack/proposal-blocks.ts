import type { types } from '@slack/bolt';
import type { ProposalView } from '../app/proposal-view.ts';
import type { Figures } from '../engine/index.ts';
import { figuresTable } from './figures-table.ts';
import { mentionFor } from './slack-actor.ts';
import { capMrkdwn, escapeMrkdwn } from './slack-mrkdwn.ts';

/** `action_id` of the Approve button; its `value` is the proposal id. */
export const APPROVE_ACTION = 've_approve';
/** `action_id` of the Reject button; its `value` is the proposal id. */
export const REJECT_ACTION = 've_reject';

/** A message to post or to update in place. */
export interface SlackMessage {
  /** Notification and accessibility fallback. */
  text: string;
  blocks: types.KnownBlock[];
}

const MAX_CHANGE_LINES = 15;
/** Under Slack's 3,000 characters of a section's text, with room for what wraps a capped part. */
const SECTION_LIMIT = 2900;
/** The longest business case name shown (escaped); the rest of a header line must fit too. */
const NAME_LIMIT = 200;
/** The longest reason shown (escaped): a rejection's reason is a person's free text. */
const REASON_LIMIT = 2000;
/** The longest notification text (`text`, shown in notifications and as the fallback). */
const TEXT_LIMIT = 3000;

/** A business case's name as a block shows it: escaped, then capped between entities. */
const shownName = (name: string): string => capMrkdwn(escapeMrkdwn(name), NAME_LIMIT);

function changeList(changes: readonly string[], title: string): types.KnownBlock {
  const shown = changes.slice(0, MAX_CHANGE_LINES).map((c) => `• ${escapeMrkdwn(c)}`);
  if (changes.length > shown.length) shown.push(`…and ${changes.length - shown.length} more`);
  const body = `*${title}*\n${shown.join('\n') || '• (no change lines)'}`;
  return { type: 'section', text: { type: 'mrkdwn', text: capMrkdwn(body, SECTION_LIMIT) } };
}

function table(before: Figures | null, after: Figures, currency: string): types.KnownBlock {
  // Use-case names are people's text: escaped like everything else (a code block does not protect `<!channel>`).
  let rows = escapeMrkdwn(figuresTable(before, after, currency));
  if (rows.length > SECTION_LIMIT) rows = `${rows.slice(0, rows.lastIndexOf('\n', SECTION_LIMIT))}\n…`;
  return { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`\n${rows}\n\`\`\`` } };
}

const context = (text: string): types.KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });

/** What a pending proposal's message shows: the parts of its view (`ProposalView`) it renders. */
export type PendingView = Pick<ProposalView, 'proposalId' | 'businessCase' | 'status' | 'currency' | 'scenario' | 'asOf' | 'changes' | 'before' | 'after'> &
  Partial<Pick<ProposalView, 'warnings'>>;

/**
 * A pending proposal as a Block Kit message: what will change, its plausibility warnings (if
 * any), the engine's before/after
 * table (total, realized to date, per use case), and Approve / Reject buttons carrying the
 * proposal id.
 */
export function proposalMessage(p: PendingView, proposer: string): SlackMessage {
  const name = shownName(p.businessCase);
  return {
    // The notification text is mrkdwn too: names, notes and reasons are people's text.
    text: capMrkdwn(
      escapeMrkdwn(`Proposal for ${p.businessCase}: ${p.changes.slice(0, 3).join('; ')}${p.changes.length > 3 ? '; …' : ''}. Approve or reject it here.`),
      TEXT_LIMIT,
    ),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: capMrkdwn(
            `*Proposal for ${name}*\nScenario \`${escapeMrkdwn(p.scenario)}\` · figures as of ${p.asOf} · ${p.currency} · proposed by ${mentionFor(proposer)}`,
            SECTION_LIMIT,
          ),
        },
      },
      changeList(p.changes, 'What will change'),
      ...(p.warnings && p.warnings.length > 0 ? [changeList(p.warnings, ':warning: Check before approving')] : []),
      table(p.before, p.after, p.currency),
      {
        type: 'actions',
        block_id: `ve_proposal:${p.proposalId}`,
        elements: [
          { type: 'button', action_id: APPROVE_ACTION, value: p.proposalId, style: 'primary', text: { type: 'plain_text', text: 'Approve' } },
          { type: 'button', action_id: REJECT_ACTION, value: p.proposalId, style: 'danger', text: { type: 'plain_text', text: 'Reject' } },
        ],
      },
      context(`Proposal \`${p.proposalId}\` · nothing changes until someone approves it`),
    ],
  };
}

/** What an applied proposal's message says. */
export interface AppliedView {
  proposalId: string;
  businessCase: string;
  currency: string;
  changes: readonly string[];
  before: Figures | null;
  after: Figures;
  approver: string;
  version: number;
  rechecked: boolean;
  decidedAt: string | null;
}

/** The proposal message after approval: who approved, the version, and the resulting figures. */
export function appliedMessage(v: AppliedView): SlackMessage {
  const recheck = v.rechecked ? ' The case had changed since the preview; the engine re-checked it and the figures below are the ones applied.' : '';
  return {
    text: capMrkdwn(escapeMrkdwn(`Approved by ${v.approver} and applied: ${v.businessCase} is now at version ${v.version}.`), TEXT_LIMIT),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: capMrkdwn(
            `:white_check_mark: *Approved by ${mentionFor(v.approver)} and applied.* ${shownName(v.businessCase)} is now at version ${v.version}.${recheck}`,
            SECTION_LIMIT,
          ),
        },
      },
      changeList(v.changes, 'What changed'),
      table(v.before, v.after, v.currency),
      context(`Proposal \`${v.proposalId}\`${v.decidedAt ? ` · applied ${v.decidedAt}` : ''}`),
    ],
  };
}

/** What a proposal that was not applied (rejected, refused, expired) says. */
export interface ClosedView {
  proposalId: string;
  businessCase: string;
  changes: readonly string[];
  /** Headline, e.g. "Rejected by <@U1>" or "Not applied". */
  headline: string;
  /** The reason (a person's, or the workflow's message). */
  reason: string | null;
}

/** The proposal message once it can no longer be applied: who or what decided, and why. */
export function closedMessage(v: ClosedView): SlackMessage {
  // The reason is a person's free text (a rejection's can be pages long): escaped, then capped between entities.
  const why = v.reason ? `: ${capMrkdwn(escapeMrkdwn(v.reason), REASON_LIMIT)}` : '.';
  return {
    text: capMrkdwn(escapeMrkdwn(`${v.headline.replace(/<@(\w+)>/g, '@$1')} (${v.businessCase})${v.reason ? `: ${v.reason}` : ''}`), TEXT_LIMIT),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: capMrkdwn(`${v.headline}${why}\nNothing in ${shownName(v.businessCase)} was changed.`, SECTION_LIMIT) },
      },
      changeList(v.changes, 'What it would have changed'),
      context(`Proposal \`${v.proposalId}\``),
    ],
  };
}
