import { decodeSlackText } from './decode-slack-text.ts';
import type { App, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import { checkQbrQuarter } from '../app/check-qbr-quarter.ts';
import { pendingProposals } from '../app/pending-proposals.ts';
import { qbrDraft, type QbrDraftView } from '../app/qbr-draft.ts';
import { resolveCase } from '../app/resolve-case.ts';
import { unexpectedCode } from '../app/unexpected-code.ts';
import { summarize } from '../engine/index.ts';
import { describeError, errorReference, type AppError } from '../errors/index.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { quarterName } from '../qbr/format-qbr-figures.ts';
import { AUDIENCE_LABELS } from '../qbr/qbr-audience.ts';
import { parseQbrArgs, postQbrDraft, qbrMessages, uploadQbrDeck } from './qbr-post.ts';
import { mentionFor } from './slack-actor.ts';
import { proposalContext, type SlackDeps } from './slack-deps.ts';
import { slackErrorText } from './slack-error-text.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';
import { postSummaryChart } from './summary-chart.ts';
import { summaryHeadline } from './summary-headline.ts';
import { hasSavedQbrDraft } from '../app/door-memory.ts';

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
  '• `/ve qbr [business case] [quarter] [audience] [new]`: the QBR draft (e.g. `/ve qbr delta Q1 2026 finance`), every number checked against the engine, with the slide deck; `new` writes a new version. Audiences: executive-sponsor (default), finance, champion; quarter default: the last completed one',
  '• `/ve pending`: proposals waiting for a decision',
  '• `/ve help`: this help',
].join('\n');

const MAX_LISTED = 10;

/** A `/ve` answer only the person who typed it sees. */
const ephemeral = (text: string) => ({ response_type: 'ephemeral' as const, text });

/** A case the person named could not be found: why, and the cases to choose from. */
function notFoundText(error: AppError, usage: string): string {
  const options = error.candidates ? `\nBusiness cases: ${error.candidates.map((c) => escapeMrkdwn(c)).join(', ')}` : '';
  return `${escapeMrkdwn(error.message)}.${options}\n${usage}`;
}

function pendingText(deps: SlackDeps, workspaceId: string): string {
  const listed = pendingProposals(proposalContext(deps), { workspaceId });
  const pending = listed.ok ? listed.value : [];
  if (pending.length === 0) return 'No proposals are waiting for a decision.';
  const lines = pending.slice(0, MAX_LISTED).map((p) => {
    const name = p.case.name;
    const changes = p.preview.flatMap((s) => s.changes);
    const first = changes[0] ? `: ${escapeMrkdwn(changes[0])}${changes.length > 1 ? ` (+${changes.length - 1} more)` : ''}` : '';
    const where = p.channel === 'slack' && p.thread ? ` in <#${p.thread.split(':')[2]}>` : '';
    return `• \`${p.id}\` *${escapeMrkdwn(name)}*, proposed by ${mentionFor(p.proposedBy)} ${p.createdAt.slice(0, 10)}${where}${first}`;
  });
  const more = pending.length > MAX_LISTED ? `\n…and ${pending.length - MAX_LISTED} more.` : '';
  return `*${pending.length} proposal${pending.length === 1 ? '' : 's'} waiting for a decision* (approve or reject them from their messages):\n${lines.join('\n')}${more}`;
}

async function summary(
  deps: SlackDeps,
  command: SlashCommand,
  args: string,
  client: webApi.WebClient,
  respond: RespondFn,
  ack: (r?: object) => Promise<void>,
): Promise<void> {
  const workspaceId = workspaceForTeam(deps.workspaces, command.team_id);
  const found = resolveCase(proposalContext(deps), workspaceId, args || undefined);
  if (!found.ok) return ack(ephemeral(notFoundText(found.error, 'Usage: `/ve summary <business case>`')));
  const result = summarize(found.value.document, { asOf: monthOf(deps.now()) });
  if (!result.ok) return ack(ephemeral(`The engine could not summarize ${escapeMrkdwn(found.value.name)}: ${escapeMrkdwn(result.error.message)}`));
  await ack();
  try {
    await postSummaryChart({
      client,
      channel: command.channel_id,
      record: found.value,
      summary: result.value,
      intro: `<@${command.user_id}> asked for the value summary:`,
    });
  } catch (e) {
    deps.logger.warn(`slack: /ve summary chart upload failed: ${describeError(e)}`);
    await respond({
      response_type: 'ephemeral',
      text: `${summaryHeadline(found.value.document, result.value)}\n_I could not post the chart here; invite me to this channel (\`/invite @value-engineer\`) to get it._`,
    });
  }
}

/** Usage of `/ve qbr`, for its refusals. */
const QBR_USAGE = 'Usage: `/ve qbr <business case> [quarter] [audience] [new]`, e.g. `/ve qbr delta 2026-Q1 finance`';

/**
 * `/ve qbr`: the latest saved QBR draft for the case, quarter and audience, or one drafted
 * (with the door's QBR model, else the offline template), checked and saved; posted in the
 * channel as mrkdwn sections, with the slide deck uploaded in the message's thread. Refusals
 * (unknown case, a quarter with no realized month) are private. The command is acknowledged
 * before any work (Slack wants it within 3 s, and computing a large case's facts alone took up
 * to 2 s); refusals and "drafting…" follow through `respond`, privately.
 */
async function qbr(
  deps: SlackDeps,
  command: SlashCommand,
  args: string,
  client: webApi.WebClient,
  respond: RespondFn,
  ack: (r?: object) => Promise<void>,
): Promise<void> {
  await ack();
  const tell = (text: string) =>
    respond({ response_type: 'ephemeral', text }).catch((e: unknown) => deps.logger.error(`slack: could not answer /ve qbr: ${describeError(e)}`));
  const workspaceId = workspaceForTeam(deps.workspaces, command.team_id);
  const ctx = proposalContext(deps);
  const month = monthOf(deps.now());
  const ask = parseQbrArgs(args, month);
  const found = resolveCase(ctx, workspaceId, ask.caseText || undefined);
  if (!found.ok) return void (await tell(notFoundText(found.error, QBR_USAGE)));
  const record = found.value;
  const facts = checkQbrQuarter(record, ask.quarter, month);
  if (!facts.ok)
    return void (await tell(
      `I cannot draft the ${quarterName(ask.quarter)} QBR of ${escapeMrkdwn(record.name)}: ${escapeMrkdwn(facts.error.message)}.\n${QBR_USAGE}`,
    ));
  const saved = !ask.fresh && hasSavedQbrDraft(ctx, record, ask.quarter, ask.audience);
  if (!saved) await tell(`Drafting the ${quarterName(ask.quarter)} QBR of ${escapeMrkdwn(record.name)} for ${AUDIENCE_LABELS[ask.audience]}…`);

  const reference = errorReference();
  const fail = async (what: string, e: unknown, text = slackErrorText(unexpectedCode(e), { message: '', lead: '', reference })) => {
    deps.logger.error(`slack: /ve qbr ${what} failed (reference ${reference}): ${describeError(e)}`);
    await respond({ response_type: 'ephemeral', text }).catch((e2: unknown) =>
      deps.logger.error(`slack: could not answer /ve qbr (reference ${reference}): ${describeError(e2)}`),
    );
  };
  let view: QbrDraftView;
  try {
    const r = await qbrDraft(ctx, {
      caseId: record.id,
      workspaceId,
      quarter: ask.quarter,
      audience: ask.audience,
      fresh: ask.fresh,
      model: deps.qbrModel,
      requestedBy: await deps.names.actor(client, command.user_id),
    });
    if (!r.ok) {
      await respond({ response_type: 'ephemeral', text: slackErrorText(r.error.code, { message: r.error.message, lead: 'I cannot draft that QBR' }) });
      return;
    }
    view = r.value;
  } catch (e) {
    return fail('drafting', e);
  }
  const intro = `<@${command.user_id}> asked for the QBR draft:`;
  let thread: string;
  try {
    thread = await postQbrDraft({ client, channel: command.channel_id, record, outcome: view.outcome, intro });
  } catch (e) {
    // Typically the bot is not in the channel: show the draft privately instead, without the deck.
    deps.logger.warn(`slack: /ve qbr could not post in ${command.channel_id}: ${describeError(e)}`);
    const [first] = qbrMessages(record, view.outcome);
    const hint =
      '_I could not post here, so only you see this draft, without its slide deck; invite me to this channel (`/invite @value-engineer`) to share it with the deck._';
    await respond({
      response_type: 'ephemeral',
      text: first!.text,
      blocks: [...first!.blocks.slice(0, 49), { type: 'context', elements: [{ type: 'mrkdwn', text: hint }] }],
    }).catch((e2: unknown) => deps.logger.error(`slack: could not answer /ve qbr privately: ${describeError(e2)}`));
    return;
  }
  try {
    await uploadQbrDeck({ client, channel: command.channel_id, threadTs: thread, record, outcome: view.outcome });
  } catch (e) {
    await fail('deck upload', e, `I posted the QBR draft, but could not upload its slide deck (reference \`${reference}\`).`);
  }
}

/** Registers `/ve help | summary [case] | qbr [case] [quarter] [audience] [new] | pending`. */
export function registerVeCommand(app: App, deps: SlackDeps): void {
  app.command(VE_COMMAND, async ({ command, ack, client, respond }) => {
    // What was typed, not Slack's encoding (`R&amp;D` is `R&D`, links and mentions decoded).
    const [verb = 'help', ...rest] = decodeSlackText(command.text).trim().split(/\s+/).filter(Boolean);
    const args = rest.join(' ');
    switch (verb.toLowerCase()) {
      case 'help':
        return ack(ephemeral(VE_HELP));
      case 'pending':
        return ack(ephemeral(pendingText(deps, workspaceForTeam(deps.workspaces, command.team_id))));
      case 'summary':
        return summary(deps, command, args, client, respond, ack);
      case 'qbr':
        return qbr(deps, command, args, client, respond, ack);
      default:
        return ack(ephemeral(`I do not know \`/ve ${escapeMrkdwn(verb)}\`.\n\n${VE_HELP}`));
    }
  });
}
