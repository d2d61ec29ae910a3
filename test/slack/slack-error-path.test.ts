/**
 * One error path (issue 14), at the Slack door: a store failure under a mention's turn, or
 * under a tool the model called, reaches the thread only as the catalogue's wording with a
 * reference; the log has the details under that reference.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptedModel } from '../support/scripted-model.ts';
import { answer, slackHarness, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const REF = /reference `?([0-9a-f]{8})`?/;
const posted = (s: SlackHarness) => s.api.callsTo('chat.postMessage').map((c) => JSON.stringify(c.body));

describe('the Slack door', () => {
  it('a busy database under the turn: the thread gets the apology with a reference, the log the details', async () => {
    h = await slackHarness({ model: new MockLanguageModelV3({ doGenerate: [answer('never said')] }) });
    h.store.getOrCreateThread = () => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY', name: 'SqliteError' });
    };
    expect((await h.mention('how are we doing?')).status).toBe(200);
    await h.idle();
    const texts = posted(h);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('Sorry, something went wrong on my side and I could not finish that. Nothing was changed.');
    expect(texts[0]).not.toContain('locked');
    const reference = REF.exec(texts[0]!)![1]!;
    expect(h.logs.filter((l) => l.startsWith('error') && l.includes(reference))).toEqual([expect.stringContaining('SqliteError: database is locked')]);
  });

  it("a tool's store failure reaches the thread only as a reference; the log has the details", async () => {
    const model = scriptedModel((call) => {
      const result = call.toolResults.find((r) => r.toolName === 'findBusinessCases');
      if (result) return { text: `the tool said: ${JSON.stringify(result.output)}` };
      return { toolCalls: [{ toolName: 'findBusinessCases', input: { query: 'Delta' } }] };
    });
    h = await slackHarness({ model });
    h.store.listCases = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    await h.mention('find Delta');
    await h.idle();
    const texts = posted(h).join('\n');
    expect(texts).not.toContain('Maximum');
    expect(texts).toContain('the findBusinessCases tool failed on our side');
    const reference = /reference ([0-9a-f]{8})/.exec(texts)![1]!;
    expect(h.logs.some((l) => l.includes(reference) && l.includes('RangeError: Maximum call stack size exceeded'))).toBe(true);
  });
});
