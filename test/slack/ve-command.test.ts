import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/index.ts';
import { propose } from '../../src/proposals/index.ts';
import { summaryHeadline } from '../../src/slack/summary-headline.ts';
import { VE_HELP } from '../../src/slack/ve-command.ts';
import { pngSize } from '../support/png-size.ts';
import { answer, CASE, CHANNEL, MEASURE_OCTOBER, slackHarness, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const quiet = () => new MockLanguageModelV3({ doGenerate: [] });
/** A `/ve` command's immediate (ephemeral) answer. */
const reply = async (res: Response | Promise<Response>) => (await (await res).json()) as { response_type: string; text: string };

describe('/ve', () => {
  it('help (and an empty or unknown command) answers with the help, only to the person', async () => {
    h = await slackHarness({ model: quiet() });
    for (const text of ['help', '']) {
      const res = await h.command(text);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ response_type: 'ephemeral', text: VE_HELP });
    }
    const unknown = await reply(h.command('frobnicate'));
    expect(unknown.text).toMatch(/^I do not know `\/ve frobnicate`\./);
    expect(VE_HELP).toContain('/ve summary');
    expect(VE_HELP).toContain('/ve pending');
  });

  it('pending lists the proposals waiting for a decision, with where they were made', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [MEASURE_OCTOBER, answer('Proposed.')] });
    h = await slackHarness({ model });
    expect((await reply(h.command('pending'))).text).toBe('No proposals are waiting for a decision.');
    await h.mention('record October tickets per day 160');
    await h.idle();
    const cli = propose(h.ctx, {
      caseId: CASE,
      operations: [{ op: 'setInput', scenario: 'realization', useCase: 'legacy-tools', input: 'legacy_license_cost', value: 4000, from: '2026-01' }],
      proposedBy: 'sam',
    });
    expect(cli.ok).toBe(true);
    const body = await reply(h.command('pending'));
    expect(body.response_type).toBe('ephemeral');
    const pending = h.store.listProposals({ status: 'pending' });
    const first = pending.find((x) => x.proposedBy !== 'sam');
    const second = pending.find((x) => x.proposedBy === 'sam');
    expect(body.text).toContain('*2 proposals waiting for a decision*');
    expect(body.text).toContain(
      `\`${first!.id}\` *Delta Corp – Support Automation*, proposed by <@UDANA> 2026-11-20 in <#${CHANNEL}>: recorded Avg. Tickets per Day`,
    );
    expect(body.text).toContain(
      `\`${second!.id}\` *Delta Corp – Support Automation*, proposed by sam 2026-11-20: Legacy Help Desk Licences (legacy_license_cost): 18000 -&gt; 4000 from Jan 2026 on; months before Jan 2026 keep their values`,
    );
  });

  it("summary posts the chart in the channel with the engine's headline numbers", async () => {
    h = await slackHarness({ model: quiet() });
    const res = await h.command('summary delta');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await h.idle();
    const [complete] = h.api.callsTo('files.completeUploadExternal');
    expect(complete!.body.channel_id).toBe(CHANNEL);
    expect(complete!.body.thread_ts).toBeUndefined();
    const s = summarize(h.store.getCase(CASE)!.document, { asOf: '2026-11' });
    if (!s.ok) throw new Error(s.error.message);
    expect(complete!.body.initial_comment).toBe(`<@UDANA> asked for the value summary:\n${summaryHeadline(h.store.getCase(CASE)!.document, s.value)}`);
    expect(pngSize(h.api.callsTo('upload')[0]!.bytes!)).toEqual({ width: 1200, height: 675 });
  });

  it('summary of an unknown case says so with the candidates; without a name the only case is used', async () => {
    h = await slackHarness({ model: quiet() });
    const body = await reply(h.command('summary acme'));
    expect(body).toEqual({
      response_type: 'ephemeral',
      text: `no business case called 'acme'.\nBusiness cases: Delta Corp – Support Automation (${CASE})\nUsage: \`/ve summary <business case>\``,
    });
    await h.idle();
    expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    await h.command('summary');
    await h.idle();
    expect(h.api.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('summary in a channel the bot is not in falls back to the numbers, privately, with a hint', async () => {
    h = await slackHarness({ model: quiet() });
    h.api.on('files.completeUploadExternal', () => ({ ok: false, error: 'not_in_channel' }));
    await h.command('summary', 'UDANA', 'C0ELSEWHERE');
    await h.idle();
    const [reply] = h.api.callsTo('response_url');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(reply!.body.text).toContain('Realized to date:');
    expect(reply!.body.text).toContain('invite me to this channel');
  });
});
