import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { REJECT_MODAL } from '../../src/slack/proposal-actions.ts';
import { APPROVE_ACTION, REJECT_ACTION } from '../../src/slack/proposal-blocks.ts';
import type { ApproverPolicy, WorkspaceMapping } from '../../src/slack/slack-settings.ts';
import { answer, CASE, CHANNEL, MEASURE_OCTOBER, proposalPosts, slackHarness, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A harness in which Dana's mention has produced one pending proposal; returns its id and message ts. */
async function withProposal(approvers?: ApproverPolicy, workspaces?: WorkspaceMapping): Promise<{ h: SlackHarness; id: string; ts: string }> {
  const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('Proposed.')] });
  const harness = await slackHarness({ model, ...(approvers ? { approvers } : {}), ...(workspaces ? { workspaces } : {}) });
  await harness.mention('record October tickets per day 160', { ts: '1760000100.000100' });
  await harness.idle();
  const [pending] = harness.store.listProposals({ status: 'pending' });
  // The proposal message's own ts, as Slack answered it.
  const ts: string = proposalPosts(harness.api)[0]!.response!.ts;
  harness.api.clear();
  return { h: harness, id: pending!.id, ts };
}

const textOf = (body: { blocks?: unknown; text?: string }) => `${body.text ?? ''}\n${JSON.stringify(body.blocks ?? [])}`;

describe('proposal buttons', () => {
  it('Approve applies the proposal and updates the message in place with who approved and the new figures', async () => {
    const p = await withProposal();
    h = p.h;
    const res = await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    expect(res.status).toBe(200);
    await h.idle();

    const proposal = h.store.getProposal(p.id)!;
    expect(proposal).toMatchObject({ status: 'applied', decidedBy: 'Sam Carter (slack:USAM)', appliedVersion: 2 });
    expect(h.store.getCase(CASE)!.version).toBe(2);

    const updates = h.api.callsTo('chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.body).toMatchObject({ channel: CHANNEL, ts: p.ts });
    const text = textOf(updates[0]!.body);
    expect(text).toContain('Approved by <@USAM> and applied');
    expect(text).toContain('version 2');
    expect(text).not.toContain('"actions"'); // no buttons any more
    const [audit] = h.store.listAudit(CASE);
    const money = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(v);
    expect(text).toContain(money(audit!.after.realizedToDate!));
    expect(h.api.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('if updating the message fails after the approval, the approver gets a short note (no internals), and the approval stands', async () => {
    const p = await withProposal();
    h = p.h;
    h.api.on('chat.update', () => ({ ok: false, error: 'message_not_found' }));
    await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    await h.idle();
    expect(h.store.getProposal(p.id)!.status).toBe('applied');
    const [note] = h.api.callsTo('chat.postEphemeral');
    expect(note!.body.user).toBe('USAM');
    expect(note!.body.text).toMatch(/^Sorry, something went wrong on my side and I could not finish that\. \(reference `[0-9a-f]{8}`\)$/);
    expect(h.logs.some((l) => l.includes('approval of proposal') && l.includes('message_not_found'))).toBe(true);
  });

  it('the same click delivered twice applies once', async () => {
    const p = await withProposal();
    h = p.h;
    await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    await h.idle();
    await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    await h.idle();
    expect(h.store.listAudit(CASE)).toHaveLength(1);
    expect(h.store.getCase(CASE)!.version).toBe(2);
    expect(h.store.listMeasurements({ caseId: CASE, input: 'tickets_per_day' }).filter((m) => m.proposalId === p.id)).toHaveLength(1);
    const updates = h.api.callsTo('chat.update').map((u) => textOf(u.body));
    expect(updates).toHaveLength(2);
    expect(updates[1]).toBe(updates[0]); // the message says the same thing both times
    expect(h.api.callsTo('chat.postEphemeral').map((c) => c.body.text)).toEqual([
      'This proposal was already approved by <@USAM> and applied (version 2); nothing was applied again.',
    ]);
  });

  it('two people clicking Approve at once: applied once, the second is told who approved', async () => {
    const p = await withProposal();
    h = p.h;
    const responses = await Promise.all([
      h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts }),
      h.click(APPROVE_ACTION, p.id, { user: 'UALEX', messageTs: p.ts }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await h.idle();
    expect(h.store.listAudit(CASE)).toHaveLength(1);
    expect(h.store.getCase(CASE)!.version).toBe(2);
    const proposal = h.store.getProposal(p.id)!;
    const winner = proposal.decidedBy === 'Sam Carter (slack:USAM)' ? 'USAM' : 'UALEX';
    expect(['Sam Carter (slack:USAM)', 'Alex Krycek (slack:UALEX)']).toContain(proposal.decidedBy);
    const ephemerals = h.api.callsTo('chat.postEphemeral');
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]!.body.user).not.toBe(winner);
    expect(ephemerals[0]!.body.text).toContain(`already approved by <@${winner}>`);
    for (const u of h.api.callsTo('chat.update')) expect(textOf(u.body)).toContain(`Approved by <@${winner}> and applied`);
  });

  it('someone who is not an approver is refused with an ephemeral explanation and nothing changes', async () => {
    const p = await withProposal({ users: ['USAM'], channels: [] });
    h = p.h;
    await h.click(APPROVE_ACTION, p.id, { user: 'UALEX', messageTs: p.ts });
    await h.click(REJECT_ACTION, p.id, { user: 'UALEX', messageTs: p.ts });
    await h.idle();
    expect(h.store.getProposal(p.id)!.status).toBe('pending');
    expect(h.store.getCase(CASE)!.version).toBe(1);
    expect(h.api.callsTo('chat.update')).toHaveLength(0);
    expect(h.api.callsTo('views.open')).toHaveLength(0);
    const ephemerals = h.api.callsTo('chat.postEphemeral').map((c) => c.body);
    expect(ephemerals).toHaveLength(2);
    for (const e of ephemerals) {
      expect(e).toMatchObject({ channel: CHANNEL, user: 'UALEX' });
      expect(e.text).toBe('Only approvers can approve or reject proposals here: <@USAM>. Nothing was changed; ask one of them to decide.');
    }
    // The listed approver can.
    await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    await h.idle();
    expect(h.store.getProposal(p.id)!.status).toBe('applied');
  });

  it('an approver channel lets anyone clicking in it decide, and nobody elsewhere', async () => {
    const p = await withProposal({ users: [], channels: ['C0APPROVE'] });
    h = p.h;
    await h.click(APPROVE_ACTION, p.id, { user: 'UALEX', messageTs: p.ts });
    await h.idle();
    expect(h.store.getProposal(p.id)!.status).toBe('pending');
    expect(h.api.callsTo('chat.postEphemeral')[0]!.body.text).toContain('anyone in <#C0APPROVE>');
    await h.click(APPROVE_ACTION, p.id, { user: 'UALEX', messageTs: p.ts, channel: 'C0APPROVE' });
    await h.idle();
    expect(h.store.getProposal(p.id)!.status).toBe('applied');
  });

  it('Reject opens a modal; submitting it rejects with the reason and updates the message', async () => {
    const p = await withProposal();
    h = p.h;
    await h.click(REJECT_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    await h.idle();
    const [open] = h.api.callsTo('views.open');
    expect(open!.body.trigger_id).toMatch(/^trigger-/);
    expect(open!.body.view).toMatchObject({ type: 'modal', callback_id: REJECT_MODAL });
    expect(JSON.parse(open!.body.view.private_metadata)).toEqual({ proposalId: p.id, channel: CHANNEL, ts: p.ts });
    expect(h.store.getProposal(p.id)!.status).toBe('pending');

    const res = await h.submitView(
      REJECT_MODAL,
      open!.body.view.private_metadata,
      { reason: { reason_input: { type: 'plain_text_input', value: 'numbers are from the wrong export' } } },
      'USAM',
    );
    expect(res.status).toBe(200);
    await h.idle();
    expect(h.store.getProposal(p.id)).toMatchObject({ status: 'rejected', decidedBy: 'Sam Carter (slack:USAM)', reason: 'numbers are from the wrong export' });
    expect(h.store.getCase(CASE)!.version).toBe(1);
    const [update] = h.api.callsTo('chat.update');
    expect(update!.body).toMatchObject({ channel: CHANNEL, ts: p.ts });
    expect(textOf(update!.body)).toContain(':x: *Rejected by <@USAM>*: numbers are from the wrong export');

    // Approving a rejected proposal changes nothing and says why.
    h.api.clear();
    await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts });
    await h.idle();
    expect(h.store.getCase(CASE)!.version).toBe(1);
    expect(h.api.callsTo('chat.postEphemeral')[0]!.body.text).toMatch(/^Not applied: proposal .* was rejected by Sam Carter \(slack:USAM\)/);
  });

  it('an unknown proposal, or one of another value-engineer workspace, cannot be approved', async () => {
    const p = await withProposal(undefined, { fallback: 'default', byTeam: { T0OTHER: 'other' } });
    h = p.h;
    await h.click(APPROVE_ACTION, 'no-such-proposal', { user: 'USAM', messageTs: p.ts });
    // Someone from a Slack team mapped to another workspace clicks a copy of the button.
    await h.click(APPROVE_ACTION, p.id, { user: 'USAM', messageTs: p.ts, team: 'T0OTHER' });
    await h.idle();
    expect(h.api.callsTo('chat.postEphemeral').map((c) => c.body.text)).toEqual([
      'I cannot find proposal `no-such-proposal` in this workspace.',
      `I cannot find proposal \`${p.id}\` in this workspace.`,
    ]);
    expect(h.api.callsTo('chat.update')).toHaveLength(0);
    expect(h.store.getProposal(p.id)!.status).toBe('pending');
  });
});
