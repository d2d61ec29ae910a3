/**
 * `/ve qbr <case> [quarter] [audience] [new]` against the fake Slack Web API: the draft posted
 * as mrkdwn sections within Slack's limits, the deck uploaded in its thread (a PPTX), saved
 * drafts reused, refusals private; the chat drafting QBRs with the QBR model the app is given;
 * and the argument parsing and message splitting on their own.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../db/store.ts';
import { qbrFacts } from '../../src/engine/index.ts';
import { formatMoney, type QbrDraftOutcome } from '../../src/qbr/index.ts';
import { MAX_BLOCKS, parseQbrArgs, qbrMessages } from '../../src/slack/qbr-post.ts';
import { MAX_SECTION_TEXT, splitMrkdwn } from '../../src/slack/slack-mrkdwn.ts';
import { VE_HELP } from '../../src/slack/ve-command.ts';
import { textModel, writeGoodTemplate } from '../qbr/qbr-fixtures.ts';
import { readZip } from '../qbr/read-zip.ts';
import { answer, CASE, CHANNEL, slackHarness, toolCall, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const quiet = () => new MockLanguageModelV3({ doGenerate: [] });
const reply = async (res: Response | Promise<Response>) => {
  const text = await (await res).text();
  return text ? (JSON.parse(text) as { response_type: string; text: string }) : null;
};
/** What the command answered privately through its response_url, in order. */
const privately = (harness: SlackHarness) => harness.api.callsTo('response_url').map((c) => c.body as { response_type: string; text: string });
/** Every block's text of a posted message, joined. */
const blockText = (blocks: any[]) => blocks.map((b) => b.text?.text ?? b.elements?.map((e: any) => e.text).join(' ') ?? '').join('\n');

function q1Facts(harness: SlackHarness) {
  const r = qbrFacts(harness.store.getCase(CASE)!.document, { quarter: '2026-Q1', asOf: '2026-11' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('/ve qbr', () => {
  it('posts the draft in the channel and uploads the slide deck in its thread', async () => {
    h = await slackHarness({ model: quiet() });
    // Acknowledged before any work (an empty 200), then told privately that it is drafting.
    expect(await reply(h.command('qbr delta 2026-Q1 finance'))).toBeNull();
    await h.idle();
    expect(privately(h)[0]).toEqual({ response_type: 'ephemeral', text: 'Drafting the Q1 2026 QBR of Delta Corp – Support Automation for Finance…' });

    const [post] = h.api.callsTo('chat.postMessage');
    expect(post!.body.channel).toBe(CHANNEL);
    expect(post!.body.thread_ts).toBeUndefined();
    const figure = formatMoney(q1Facts(h).inQuarter.realized, 'USD');
    // The notification text and the blocks: the executive summary's heading and a figure from the facts.
    expect(post!.body.text).toContain('*Executive summary*');
    expect(post!.body.text).toContain(figure);
    expect(post!.body.text).toContain('<@UDANA> asked for the QBR draft:');
    const blocks = post!.body.blocks as any[];
    expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    for (const b of blocks) expect((b.text?.text ?? b.elements[0].text).length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    const text = blockText(blocks);
    expect(text).toContain('*QBR draft v1*: Delta Corp – Support Automation, Q1 2026, for Finance (new, written by template; figures as of March 2026)');
    expect(text).toContain(":white_check_mark: Every number matches the engine's facts.");
    for (const heading of ['Executive summary', 'Outcomes per objective', 'Financial summary', 'Milestones', 'Risks and their causes', 'Next steps']) {
      expect(
        blocks.some((b) => b.type === 'section' && b.text.text.startsWith(`*${heading}*`)),
        heading,
      ).toBe(true);
    }
    expect(text).toContain('Realized value to date is $88,887 against $63,000 invested, a return on investment of 41%');
    expect(text).toContain('```\n| Use case |'); // the tables in code blocks
    expect(text).toContain('• *Net value to date:* $88,887 realized less $63,000 invested = $25,887 net benefit.'); // lists with bullets
    expect(text).not.toMatch(/^#/m);
    expect(text).not.toContain('**');

    // The deck, in the thread of the draft message.
    const [complete] = h.api.callsTo('files.completeUploadExternal');
    expect(complete!.body.channel_id).toBe(CHANNEL);
    expect(complete!.body.thread_ts).toBe(post!.response!.ts);
    expect(complete!.body.files[0].title).toBe('QBR Q1 2026: Delta Corp – Support Automation (Finance, v1)');
    expect(h.api.callsTo('files.getUploadURLExternal')[0]!.body.filename).toBe(`${CASE}-2026-Q1-finance-v1.pptx`);
    const bytes = h.api.callsTo('upload')[0]!.bytes!;
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = readZip(bytes);
    expect(files.get('[Content_Types].xml')!.toString()).toContain('presentationml');
    expect(files.get('ppt/slides/slide2.xml')!.toString()).toContain('Executive summary');

    const saved = h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q1', audience: 'finance' });
    expect(saved).toMatchObject({ version: 1, writer: 'template', grounded: true, createdBy: 'Dana Scully (slack:UDANA)' });
    expect(h.store.listProposals()).toEqual([]);
    expect(h.store.getCase(CASE)!.version).toBe(1);
  });

  it('returns the saved draft next time (no "drafting" note), and `new` writes a new version', async () => {
    h = await slackHarness({ model: quiet() });
    await h.command('qbr delta Q1 2026 finance');
    await h.idle();
    h.api.clear();
    expect(await reply(h.command('qbr Delta Corp q1 2026 CFO'))).toBeNull();
    await h.idle();
    expect(blockText(h.api.callsTo('chat.postMessage')[0]!.body.blocks)).toContain(
      '*QBR draft v1*: Delta Corp – Support Automation, Q1 2026, for Finance (saved 2026-11-20, written by template;',
    );
    expect(h.api.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(h.store.listQbrDrafts({ caseId: CASE })).toHaveLength(1);

    h.api.clear();
    expect(await reply(h.command('qbr delta 2026-Q1 finance new'))).toBeNull();
    await h.idle();
    expect(privately(h)[0]!.text).toMatch(/^Drafting the Q1 2026 QBR/);
    expect(blockText(h.api.callsTo('chat.postMessage')[0]!.body.blocks)).toContain('*QBR draft v2*');
    expect(h.api.callsTo('files.getUploadURLExternal')[0]!.body.filename).toBe(`${CASE}-2026-Q1-finance-v2.pptx`);
  });

  it('defaults to the only business case, the last completed quarter and the executive sponsor', async () => {
    h = await slackHarness({ model: quiet() });
    await h.command('qbr');
    await h.idle();
    expect(h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q3', audience: 'executive-sponsor' })).toMatchObject({ version: 1 });
    expect(h.api.callsTo('chat.postMessage')[0]!.body.text).toContain('Q3 2026, for Executive sponsor');
  });

  it('refuses an unknown case or a quarter with nothing realized, privately, posting nothing', async () => {
    h = await slackHarness({ model: quiet() });
    expect(await reply(h.command('qbr acme Q1 2026'))).toBeNull();
    await h.idle();
    expect(privately(h)[0]).toEqual({
      response_type: 'ephemeral',
      text: `no business case called 'acme'.\nBusiness cases: Delta Corp – Support Automation (${CASE})\nUsage: \`/ve qbr <business case> [quarter] [audience] [new]\`, e.g. \`/ve qbr delta 2026-Q1 finance\``,
    });
    expect(await reply(h.command('qbr delta 2027-Q2'))).toBeNull();
    await h.idle();
    const future = privately(h)[1];
    expect(future!.response_type).toBe('ephemeral');
    expect(future!.text).toContain(
      "I cannot draft the Q2 2027 QBR of Delta Corp – Support Automation: no month of Q2 2027 is realized: 'Value Realization' runs July 2025 to June 2027",
    );
    await h.idle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(h.store.listQbrDrafts({ caseId: CASE })).toEqual([]);
  });

  it('in a channel the bot is not in, shows the draft privately with a hint, and uploads nothing', async () => {
    h = await slackHarness({ model: quiet() });
    h.api.on('chat.postMessage', () => ({ ok: false, error: 'not_in_channel' }));
    await h.command('qbr delta 2026-Q1', 'UDANA', 'C0ELSEWHERE');
    await h.idle();
    const [drafting, private_] = h.api.callsTo('response_url');
    expect(drafting!.body.text).toMatch(/^Drafting/);
    expect(private_!.body.response_type).toBe('ephemeral');
    expect(private_!.body.text).toContain('*Executive summary*');
    expect(blockText(private_!.body.blocks)).toContain('invite me to this channel');
    expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(h.logs.some((l) => l.includes('/ve qbr could not post in C0ELSEWHERE') && l.includes('not_in_channel'))).toBe(true);
  });

  it('a failed deck upload leaves the draft posted and says so privately, with a reference', async () => {
    h = await slackHarness({ model: quiet() });
    h.api.on('files.completeUploadExternal', () => ({ ok: false, error: 'not_allowed' }));
    await h.command('qbr delta 2026-Q1');
    await h.idle();
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    const [, note] = h.api.callsTo('response_url');
    expect(note!.body.text).toMatch(/^I posted the QBR draft, but could not upload its slide deck \(reference `[0-9a-f]{8}`\)\.$/);
  });

  it('drafts with the QBR model the app is given', async () => {
    const qbrModel = textModel([writeGoodTemplate('champion')]);
    h = await slackHarness({ model: quiet(), qbrModel });
    await h.command('qbr delta 2026-Q1 champion');
    await h.idle();
    expect(qbrModel.doGenerateCalls).toHaveLength(1);
    expect(h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q1', audience: 'champion' })).toMatchObject({ writer: 'mock:qbr-writer', grounded: true });
    expect(blockText(h.api.callsTo('chat.postMessage')[0]!.body.blocks)).toContain('written by mock:qbr-writer');
  });

  it('is listed by /ve help', () => {
    expect(VE_HELP).toContain('`/ve qbr [business case] [quarter] [audience] [new]`');
  });
});

describe('the chat in Slack', () => {
  it('drafts QBRs with the QBR model the app is given (the draftQbr tool)', async () => {
    const qbrModel = textModel([writeGoodTemplate('finance')]);
    const model = new MockLanguageModelV3({
      doGenerate: [toolCall('draftQbr', { businessCase: 'Delta', quarter: 'Q1 2026', audience: 'finance' }), answer('Here is the draft.')],
    });
    h = await slackHarness({ model, qbrModel });
    await h.mention('draft the Q1 QBR for finance');
    await h.idle();
    expect(qbrModel.doGenerateCalls).toHaveLength(1);
    expect(h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q1', audience: 'finance' })).toMatchObject({
      writer: 'mock:qbr-writer',
      createdBy: 'Dana Scully (slack:UDANA)',
    });
  });
});

describe('parseQbrArgs', () => {
  const at = '2026-11';
  it('reads the case, then the quarter, the audience and `new` from the end', () => {
    expect(parseQbrArgs('delta 2026-Q1 finance', at)).toEqual({ caseText: 'delta', quarter: '2026-Q1', audience: 'finance', fresh: false });
    expect(parseQbrArgs('Delta Corp Q1 2026 executive sponsor new', at)).toEqual({
      caseText: 'Delta Corp',
      quarter: '2026-Q1',
      audience: 'executive-sponsor',
      fresh: true,
    });
    expect(parseQbrArgs('delta last quarter CFO', at)).toEqual({ caseText: 'delta', quarter: '2026-Q3', audience: 'finance', fresh: false });
    expect(parseQbrArgs('delta Q2', at)).toEqual({ caseText: 'delta', quarter: '2026-Q2', audience: 'executive-sponsor', fresh: false });
    expect(parseQbrArgs('delta champion', at)).toEqual({ caseText: 'delta', quarter: '2026-Q3', audience: 'champion', fresh: false });
    expect(parseQbrArgs('', at)).toEqual({ caseText: '', quarter: '2026-Q3', audience: 'executive-sponsor', fresh: false });
    expect(parseQbrArgs('2026-Q1 redraft', at)).toEqual({ caseText: '', quarter: '2026-Q1', audience: 'executive-sponsor', fresh: true });
  });
});

describe('long drafts in Slack', () => {
  const fences = (s: string) => (s.match(/```/g) ?? []).length;

  it('splitMrkdwn keeps every piece within the limit, cuts at blank lines, and closes and reopens cut code blocks', () => {
    const para = (n: number) => `Paragraph ${n}: ${'lorem ipsum '.repeat(30).trim()}.`;
    const table = Array.from({ length: 60 }, (_, i) => `| row ${i} | ${'x'.repeat(40)} |`).join('\n');
    const text = [para(1), para(2), '```', table, '```', para(3), 'y'.repeat(7000)].join('\n\n');
    const pieces = splitMrkdwn(text, 1000);
    expect(pieces.length).toBeGreaterThan(8);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(fences(p) % 2).toBe(0);
    }
    const rejoined = pieces.join('\n').replace(/```\n```\n?/g, '');
    for (let i = 0; i < 60; i++) expect(rejoined).toContain(`| row ${i} |`);
    expect(pieces.join('').replace(/\s/g, '').match(/y+/g)!.join('').length).toBe(7000);
    expect(pieces[0]!.startsWith(`${para(1)}\n\n${para(2)}`)).toBe(true);
    // Outside code blocks, cut at a blank line rather than mid-paragraph.
    expect(splitMrkdwn(`${para(1)}\n\n${para(2)}\n${para(3)}`, 1000)).toEqual([para(1), `${para(2)}\n${para(3)}`]);
    expect(splitMrkdwn('short', 1000)).toEqual(['short']);
    expect(splitMrkdwn('  ', 1000)).toEqual([]);
  });

  it('qbrMessages splits a draft longer than one message into messages within Slack limits', () => {
    const sections = Array.from(
      { length: 80 },
      (_, i) => `## Section ${i}\n\n${`Figure ${i}: $1,000 and more words. `.repeat(100)}\n\n- item a\n- item b`,
    ).join('\n\n');
    const markdown = `# Quarterly Business Review\n\n${sections}\n`;
    const record = { id: CASE, name: 'Delta Corp – Support Automation' } as CaseRecord;
    const outcome = {
      draft: {
        caseId: CASE,
        quarter: '2026-Q1',
        audience: 'finance',
        version: 3,
        asOf: '2026-03',
        writer: 'template',
        createdAt: '2026-11-20T10:00:00.000Z',
        grounded: false,
        unverified: ['1,000'],
        markdown,
      },
      created: true,
      stale: true,
      missingSections: [],
      attempts: 1,
    } as unknown as QbrDraftOutcome;
    const messages = qbrMessages(record, outcome, 'asked:');
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      expect(m.text.length).toBeLessThanOrEqual(3000);
      for (const b of m.blocks as any[]) expect((b.text?.text ?? b.elements[0].text).length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    }
    const all = messages.map((m) => blockText(m.blocks)).join('\n');
    for (let i = 0; i < 80; i++) expect(all).toContain(`*Section ${i}*`);
    expect(messages[0]!.text).toMatch(/^asked:\n\*QBR draft v3\*/);
    expect(blockText(messages[0]!.blocks)).toContain(':warning: 1 number matches no engine figure (marked ⚠ in the text): 1,000');
    expect(blockText(messages[0]!.blocks)).toContain('`/ve qbr delta-corp-support-automation 2026-Q1 finance new` writes a new version');
    expect(messages[1]!.text).toMatch(/^QBR draft v3 \(continued\)/);
  });
});
