import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument, summarize, type BusinessCase, type Summary } from '../../src/engine/index.ts';
import { summaryHeadline } from '../../src/slack/summary-headline.ts';
import { demoJson } from '../tools/tool-harness.ts';
import { pngSize } from '../support/png-size.ts';
import { answer, CASE, CHANNEL, slackHarness, toolCall, type SlackHarness } from './slack-harness.ts';

function demo(): BusinessCase {
  const doc = parseDocument(demoJson());
  if (!doc.ok) throw new Error(doc.error.message);
  return doc.value;
}

function demoSummary(options: { asOf: string; scenario?: string } = { asOf: '2026-11' }): Summary {
  const s = summarize(demo(), options);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

const money = (v: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 }).format(v);

describe('the summary headline', () => {
  it("the headline numbers are the engine summary's fields, formatted", () => {
    const s = demoSummary();
    const text = summaryHeadline(demo(), s);
    expect(text).toContain(`Realized to date: *${money(s.realizedToDate!)}* (measured ${money(s.measuredToDate!)}, assumed ${money(s.assumedToDate!)})`);
    expect(text).toContain(`Estimated to date (Rollout Plan): ${money(s.estimatedToDate!)}`);
    expect(text).toContain(money(s.total));
    expect(text).toContain('as of Nov 2026');
  });
});

describe('the chart in Slack', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('when the agent looked up a value summary, the thread gets the chart (files.uploadV2) with the headline numbers', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [toolCall('valueSummary', { businessCase: 'Delta Corp' }), answer('Realized value is slightly behind the plan.')],
    });
    h = await slackHarness({ model });
    await h.mention('how is Delta doing?', { ts: '1760000100.000700' });
    await h.idle();

    const methods = h.api.calls.map((c) => c.method);
    expect(methods.filter((m) => m.startsWith('files.') || m === 'upload')).toEqual(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
    const [ask] = h.api.callsTo('files.getUploadURLExternal');
    const [upload] = h.api.callsTo('upload');
    const [complete] = h.api.callsTo('files.completeUploadExternal');
    expect(ask!.body.filename).toBe(`${CASE}-benefit-2026-11.png`);
    // The alt text goes under the name files.getUploadURLExternal documents: alt_txt.
    expect(ask!.body.alt_txt).toBe('Chart of cumulative realized benefit against the estimate for Delta Corp – Support Automation, as of 2026-11');
    expect(ask!.body.alt_text).toBeUndefined();
    expect(Number(ask!.body.length)).toBe(upload!.bytes!.length);
    expect(pngSize(upload!.bytes!)).toEqual({ width: 1200, height: 675 });
    expect(complete!.body).toMatchObject({ channel_id: CHANNEL, thread_ts: '1760000100.000700' });
    expect(complete!.body.files).toEqual([{ id: ask!.response!.file_id, title: 'Cumulative benefit: Delta Corp – Support Automation (as of 2026-11)' }]);
    const s = demoSummary();
    expect(complete!.body.initial_comment).toBe(summaryHeadline(demo(), s));
    expect(complete!.body.initial_comment).toContain(money(s.realizedToDate!));
    // The answer came first, then the chart.
    expect(methods.indexOf('chat.postMessage')).toBeLessThan(methods.indexOf('files.getUploadURLExternal'));
  });

  it('no chart when the agent did not look up a summary, or the lookup failed', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [toolCall('valueSummary', { businessCase: 'Acme' }), answer('Which business case?')] });
    h = await slackHarness({ model });
    await h.mention('how is Acme doing?');
    await h.idle();
    expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage').map((c) => c.body.text)).toEqual(['Which business case?']);
  });

  it('a failed upload is reported in one short message after the answer', async () => {
    const model = new MockLanguageModelV3({ doGenerate: [toolCall('valueSummary', {}), answer('Here it is.')] });
    h = await slackHarness({ model });
    h.api.on('files.getUploadURLExternal', () => ({ ok: false, error: 'not_in_channel' }));
    await h.mention('summary please');
    await h.idle();
    const texts = h.api.callsTo('chat.postMessage').map((c) => c.body.text as string);
    expect(texts[0]).toBe('Here it is.');
    expect(texts[1]).toMatch(/^Sorry, something went wrong on my side/);
    expect(h.logs.some((l) => l.includes('a summary chart failed') && l.includes('not_in_channel'))).toBe(true);
  });
});
