import type { App, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { ToolContext } from '../agent/tool-context.ts';
import { resolveCase } from '../agent/tool-support.ts';
import { summarize } from '../engine/index.ts';
import { listPending, monthOf } from '../proposals/index.ts';
import { describeError } from './describe-error.ts';
import { mentionFor } from './slack-actor.ts';
import { proposalContext, type SlackDeps } from './slack-deps.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';
import { postSummaryChart } from './summary-chart.ts';
import { summaryHeadline } from './summary-headline.ts';

/** The slash command (the manifest declares it). */
export const VE_COMMAND = '/ve';

/** What `/ve help` answers. */
export const VE_HELP = [
  '*value-engineer* in Slack',
  '• Mention me in a channel (`@value-engineer record October: tickets per day 121`), message me directly, or open me in the assistant panel. Each Slack thread is one conversation.',
  '• I never change a business case myself: I propose, and an approver presses *Approve*.',
  '',
  '*Commands*',
  '• `/ve summary [business case]`: the value summary with a chart of cumulative realized vs estimated benefit',
  '• `/ve pending`: proposals waiting for a decision',
  '• `/ve help`: this help',
].join('\n');

const MAX_LISTED = 10;

/** A `/ve` answer only the person who typed it sees. */
const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });

function pendingText(deps: SlackDeps, workspaceId: string): string {
  const pending = listPending(proposalContext(deps), { workspaceId });
  if (pending.length === 0) return 'No proposals are waiting for a decision.';
  const lines = pending.slice(0, MAX_LISTED).map((p) => {
    const name = deps.store.getCase(p.caseId)?.name ?? p.caseId;
    const changes = p.preview.flatMap((s) => s.changes);
    const first = changes[0] ? `: ${escapeMrkdwn(changes[0])}${changes.length > 1 ? ` (+${changes.length - 1} more)` : ''}` : '';
    const where = p.channel === 'slack' && p.thread ? ` in <#${p.thread.split(':')[2]}>` : '';
    return `• \`${p.id}\` *${escapeMrkdwn(name)}*, proposed by ${mentionFor(p.proposedBy)} ${p.createdAt.slice(0, 10)}${where}${first}`;
  });
  const more = pending.length > MAX_LISTED ? `\n…and ${pending.length - MAX_LISTED} more.` : '';
  return `*${pending.length} proposal${pending.length === 1 ? '' : 's'} waiting for a decision* (approve or reject them from their messages):\n${lines.join('\n')}${more}`;
}

async function summary(deps: SlackDeps, command: SlashCommand, args: string, client: webApi.WebClient, respond: RespondFn, ack: (r?: object) => Promise<void>): Promise<void> {
  const workspaceId = workspaceForTeam(deps.workspaces, command.team_id);
  const context: ToolContext = { proposals: proposalContext(deps), workspaceId, actor: `slack:${command.user_id}`, channel: 'slack', thread: null };
  const found = resolveCase(context, args || undefined);
  if (!found.ok) {
    const options = found.candidates ? `\nBusiness cases: ${found.candidates.map((c) => escapeMrkdwn(c)).join(', ')}` : '';
    return ack(ephemeral(`${escapeMrkdwn(found.error)}.${options}\nUsage: \`/ve summary <business case>\``));
  }
  const result = summarize(found.value.document, { asOf: monthOf(deps.now()) });
  if (!result.ok) return ack(ephemeral(`The engine could not summarize ${escapeMrkdwn(found.value.name)}: ${escapeMrkdwn(result.error.message)}`));
  await ack();
  try {
    await postSummaryChart({ client, channel: command.channel_id, record: found.value, summary: result.value, intro: `<@${command.user_id}> asked for the value summary:` });
  } catch (e) {
    deps.logger.warn(`slack: /ve summary chart upload failed: ${describeError(e)}`);
    await respond({
      response_type: 'ephemeral',
      text: `${summaryHeadline(found.value.document, result.value)}\n_I could not post the chart here; invite me to this channel (\`/invite @value-engineer\`) to get it._`,
    });
  }
}

/** Registers `/ve help | summary [case] | pending`. */
export function registerVeCommand(app: App, deps: SlackDeps): void {
  app.command(VE_COMMAND, async ({ command, ack, client, respond }) => {
    const [verb = 'help', ...rest] = command.text.trim().split(/\s+/).filter(Boolean);
    const args = rest.join(' ');
    switch (verb.toLowerCase()) {
      case 'help':
        return ack(ephemeral(VE_HELP));
      case 'pending':
        return ack(ephemeral(pendingText(deps, workspaceForTeam(deps.workspaces, command.team_id))));
      case 'summary':
        return summary(deps, command, args, client, respond, ack);
      default:
        return ack(ephemeral(`I do not know \`/ve ${escapeMrkdwn(verb)}\`.\n\n${VE_HELP}`));
    }
  });
}
