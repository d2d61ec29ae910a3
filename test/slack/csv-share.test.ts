/**
 * A CSV file shared with the bot in a Slack thread (issue 13), through the HTTP receiver and
 * the local fake Slack Web API: Slack's `app_mention` (and direct `message`, subtype
 * `file_share`) payloads with `files`, `files.info` for a file the event names by id only
 * (`file_access: check_file_info`), and the download of `url_private_download` with the bot
 * token. The demo case (clock: November 2026) is the workspace's only case; `reps` (# of
 * Reps) is tracked, 2025 is locked through December.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { APPROVE_ACTION } from '../../src/slack/proposal-blocks.ts';
import { BOT_TOKEN, CASE, CHANNEL, proposalPosts, slackHarness, TEAM, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  if (h) {
    expect(h.logs.join('\n')).not.toContain(BOT_TOKEN);
    await h.close();
  }
  h = undefined;
});

/** A model that must not be called: a shared file is no chat turn. */
const silentModel = () => new MockLanguageModelV3({ doGenerate: async () => Promise.reject(new Error('the model was called')) });

function share(harness: SlackHarness, id: string, name: string, text: string, options: { ts?: string; threadTs?: string; byIdOnly?: boolean } = {}) {
  const ts = options.ts ?? '1760000300.000100';
  const file = options.byIdOnly
    ? { id, file_access: 'check_file_info' }
    : { id, name, filetype: 'csv', mimetype: 'text/csv', size: harness.api.files[id]!.bytes.length, url_private_download: harness.api.fileUrl(id) };
  return harness.event({
    type: 'app_mention',
    user: 'UDANA',
    text: `<@UBOT> ${text}`,
    ts,
    channel: CHANNEL,
    event_ts: ts,
    files: [file],
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  });
}

describe('a CSV file shared with the bot in a Slack thread', () => {
  it('becomes one proposal with Approve / Reject in the thread; the same file again proposes no twin', async () => {
    h = await slackHarness({ model: silentModel() });
    h.api.files.F1 = { name: 'april.csv', bytes: Buffer.from('month,input,value\n2026-04,# of Reps,14\n2026-05,reps,16\n') };
    await share(h, 'F1', 'april.csv', 'the headcount for Delta Corp');
    await h.idle();
    const [pending] = h.store.listProposals({ status: 'pending' });
    expect(pending).toMatchObject({
      caseId: CASE,
      proposedBy: 'Dana Scully (slack:UDANA)',
      channel: 'slack',
      thread: `slack:${TEAM}:${CHANNEL}:1760000300.000100`,
    });
    expect(pending!.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', month: '2026-04', value: 14, source: 'april.csv' },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', month: '2026-05', value: 16, source: 'april.csv' },
    ]);
    // Downloaded with the bot token.
    expect(h.api.callsTo('download')).toEqual([expect.objectContaining({ body: { fileId: 'F1' }, authorized: true })]);
    const card = proposalPosts(h.api)[0]!.body;
    expect(card.thread_ts).toBe('1760000300.000100');
    expect(card.blocks.find((b: any) => b.type === 'actions').elements[0]).toMatchObject({ action_id: APPROVE_ACTION, value: pending!.id });
    expect(JSON.stringify(card.blocks)).toContain('# of Reps (reps) in 2026-04: 14 reps');
    // Kept with the proposal, so a decision at another door updates this message.
    expect(h.store.getProposal(pending!.id)).toMatchObject({ slackChannel: CHANNEL, slackTs: proposalPosts(h.api)[0]!.response!.ts });

    // The same file shared again in the same thread.
    await share(h, 'F1', 'april.csv', 'again', { ts: '1760000300.000200', threadTs: '1760000300.000100' });
    await h.idle();
    expect(h.store.listProposals({ status: 'pending' })).toHaveLength(1);
    const last = h.api.callsTo('chat.postMessage').at(-1)!.body;
    expect(last.thread_ts).toBe('1760000300.000100');
    expect(last.text).toContain(`already pending in this thread as proposal \`${pending!.id}\``);
  });

  it('a file with bad rows proposes nothing and the thread reply lists every bad row with its line', async () => {
    h = await slackHarness({ model: silentModel() });
    h.api.files.F2 = { name: 'bad.csv', bytes: Buffer.from('month,input,value\n2026-04,reps,14\n2025-10,reps,12\n2026-06,reps,<b>lots</b>\n') };
    await share(h, 'F2', 'bad.csv', '');
    await h.idle();
    expect(h.store.listProposals({})).toEqual([]);
    const reply = h.api.callsTo('chat.postMessage').at(-1)!.body;
    expect(reply.thread_ts).toBe('1760000300.000100');
    expect(reply.text).toBe(
      [
        'Nothing proposed from *bad.csv*: it has 2 bad rows. Fix them and share the file again.',
        "• line 3 (month): 2025-10 is locked (the scenario 'Value Realization' is locked through 2025-12)",
        // People's text is escaped for mrkdwn.
        "• line 4 (value): '&lt;b&gt;lots&lt;/b&gt;' is not a number",
      ].join('\n'),
    );
  });

  it('a file the event names by id only is looked up with files.info, then downloaded', async () => {
    h = await slackHarness({ model: silentModel() });
    h.api.files.F3 = { name: 'wide.csv', bytes: Buffer.from('\ufeffMonth;# of Reps\n2026-07;17\n') };
    await share(h, 'F3', 'wide.csv', 'July', { byIdOnly: true });
    await h.idle();
    expect(h.api.callsTo('files.info').map((c) => c.body.file)).toEqual(['F3']);
    const [pending] = h.store.listProposals({ status: 'pending' });
    expect(pending!.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', month: '2026-07', value: 17, source: 'wide.csv' },
    ]);
  });

  it('a file in a direct message (message, subtype file_share) is proposed too', async () => {
    h = await slackHarness({ model: silentModel() });
    h.api.files.F4 = { name: 'dm.csv', bytes: Buffer.from('month,input,value\n2026-08,reps,18\n') };
    await h.event({
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      channel: 'D0DANA',
      user: 'UDANA',
      text: '',
      ts: '1760000400.000100',
      event_ts: '1760000400.000100',
      files: [{ id: 'F4', name: 'dm.csv', filetype: 'csv', url_private_download: h.api.fileUrl('F4') }],
    });
    await h.idle();
    expect(h.store.listProposals({ status: 'pending' })).toHaveLength(1);
    expect(proposalPosts(h.api)[0]!.body).toMatchObject({ channel: 'D0DANA', thread_ts: '1760000400.000100' });
  });

  it('a download that fails is said in the thread, nothing proposed', async () => {
    h = await slackHarness({ model: silentModel() });
    await h.event({
      type: 'app_mention',
      user: 'UDANA',
      text: '<@UBOT> numbers',
      ts: '1760000600.000100',
      channel: CHANNEL,
      event_ts: '1760000600.000100',
      // On Slack's (the fake's) file host, but no such file there: 404.
      files: [{ id: 'F9', name: 'gone.csv', filetype: 'csv', url_private_download: h.api.fileUrl('F9') }],
    });
    await h.idle();
    expect(h.store.listProposals({})).toEqual([]);
    expect(h.api.callsTo('chat.postMessage').at(-1)!.body.text).toBe('I could not read gone.csv: the download failed (HTTP 404). Nothing was proposed.');
  });

  it('the bot token goes only to Slack file hosts: a download address elsewhere is refused, nothing proposed', async () => {
    h = await slackHarness({ model: silentModel() });
    await h.event({
      type: 'app_mention',
      user: 'UDANA',
      text: '<@UBOT> numbers',
      ts: '1760000500.000100',
      channel: CHANNEL,
      event_ts: '1760000500.000100',
      files: [{ id: 'F5', name: 'evil.csv', filetype: 'csv', url_private_download: 'http://127.0.0.2:9/steal.csv' }],
    });
    await h.idle();
    expect(h.store.listProposals({})).toEqual([]);
    expect(h.api.callsTo('chat.postMessage').at(-1)!.body.text).toBe(
      "I could not read evil.csv: the file is not on Slack's file host (http://127.0.0.2:9). Nothing was proposed.",
    );
  });
});
