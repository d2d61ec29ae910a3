/**
 * The time phrase of a summary question (issue 11, "never a wrong number"): read by the
 * lexicon and passed to `valueSummary` as `asOf`, or asked about; never silently answered as
 * of today. End to end through the real tools and the demo on `:memory:` (clock: 2 December
 * 2026, so this month is 2026-12; the months below are worked out from that by hand).
 */
import { describe, expect, it } from 'vitest';
import type { AgentReply } from '../../src/agent/run-agent.ts';
import { offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

/** The turn's one tool call: its name, what it was sent, and the month the summary is as of. */
function onlyCall(reply: AgentReply): { tool: string; input: Record<string, unknown>; asOf: unknown } {
  expect(reply.toolResults, reply.text).toHaveLength(1);
  const r = reply.toolResults[0]!;
  const output = r.output as { asOf?: unknown };
  return { tool: r.toolName, input: r.input as Record<string, unknown>, asOf: output.asOf };
}

describe('a time phrase in a summary question is the as-of month', () => {
  it('"delta roi last month?": as of last month, 2026-11', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('delta roi last month?');
    const c = onlyCall(r);
    expect(c.tool).toBe('valueSummary');
    expect(c.input.asOf).toBe('last month');
    expect(c.asOf).toBe('2026-11');
    expect(r.text).toContain('as of 2026-11');
  });

  it('"delta roi as of last quarter": the end of last quarter (Q3 2026), 2026-09', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const c = onlyCall(await chat.say('delta roi as of last quarter'));
    expect(c.tool).toBe('valueSummary');
    expect(c.input.asOf).toBe('end of last quarter');
    expect(c.asOf).toBe('2026-09');
  });

  it('"delta value as of 2025-08": understood, as of 2025-08', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('delta value as of 2025-08');
    const c = onlyCall(r);
    expect(c.tool).toBe('valueSummary');
    expect(c.input.asOf).toBe('2025-08');
    expect(c.asOf).toBe('2025-08');
  });

  it('"ROI as of end of Q1" still reads as before: the end of Q1 2026, 2026-03', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const c = onlyCall(await chat.say('delta roi as of end of Q1?'));
    expect(c.input.asOf).toBe('end of Q1');
    expect(c.asOf).toBe('2026-03');
  });

  it('"over the 3 years" is the window the totals cover, no as-of month: as of this month, 2026-12', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const c = onlyCall(await chat.say("what's the total benefit in the rollout plan over the 3 years?"));
    expect(c.tool).toBe('valueSummary');
    expect(c.input.asOf ?? null).toBeNull();
    expect(c.input.scenario).toBe('rollout plan');
  });

  it('a question without a time phrase is as of this month, 2026-12', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const c = onlyCall(await chat.say('how much value has Delta realized?'));
    expect(c.input.asOf ?? null).toBeNull();
    expect(c.asOf).toBe('2026-12');
  });
});

describe('a time phrase it cannot read as one month is asked about, never answered as of today', () => {
  for (const [said, named] of [
    ['how much value has Delta realized since March?', 'since March'],
    ['delta roi yesterday', 'yesterday'],
    ['what was the roi last week?', 'last week'],
    ['delta roi this quarter', 'this quarter'],
    ['roi ytd', 'ytd'],
    ['how much value in 2025?', '2025'],
    ['total benefit over 12 months?', '12 months'],
  ] as const) {
    it(`"${said}": no tool called, the phrase named`, async () => {
      const chat = offlineChat('delta-corp.json', NOW);
      const r = await chat.say(said);
      expect(r.toolResults).toEqual([]);
      expect(r.text).toContain(`I can't read "${named}" as the month`);
    });
  }
});
