/**
 * A chat turn in Slack that drafts a QBR: the model has the draft by reference only (version
 * and excerpt, no text to re-type), and the door posts the saved draft itself in the thread.
 */
import { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it } from 'vitest';
import { answer, CASE, CHANNEL, slackHarness, toolCall, type SlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a QBR drafted in a Slack conversation', () => {
  it('is posted as saved, after the reply that names it by version', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [toolCall('draftQbr', { businessCase: 'Delta', quarter: '2026-Q1', audience: 'finance' }), answer('Here is QBR draft v1 for finance.')],
    });
    h = await slackHarness({ model });
    await h.mention('draft the Q1 2026 QBR for finance', { ts: '1760000500.000100' });
    await h.idle();

    // What the model got back from the tool: a reference, not the draft.
    const toolMessage = model.doGenerateCalls[1]!.prompt.find((m) => m.role === 'tool')!;
    const output = JSON.stringify(toolMessage.content);
    const saved = h.store.getQbrDraft({ caseId: CASE, quarter: '2026-Q1', audience: 'finance' })!;
    expect(output).toContain(`"draftId":${saved.id}`);
    expect(output).toContain('"excerpt"');
    expect(output).not.toContain('"markdown"');
    expect(output).not.toContain('## ');

    const posts = h.api.callsTo('chat.postMessage').map((c) => c.body);
    expect(posts[0]).toMatchObject({ channel: CHANNEL, thread_ts: '1760000500.000100', text: 'Here is QBR draft v1 for finance.' });
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.slice(1).every((p) => p.thread_ts === '1760000500.000100')).toBe(true);
    expect(posts[1]!.text).toContain('*QBR draft v1*');
    // The saved draft's sections are what the thread shows.
    const shown = JSON.stringify(posts.slice(1).map((p) => p.blocks));
    for (const heading of saved.markdown
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3)))
      expect(shown).toContain(heading);
  });
});
