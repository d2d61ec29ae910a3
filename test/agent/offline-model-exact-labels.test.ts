/**
 * A word in parentheses that is part of an input's label (issue 11, "never a wrong number"):
 * the demo has "Avg. Tickets per Day" (tickets_per_day, the tracked metric) and "Avg. Tickets
 * per Day (baseline)" (avg_tickets_per_day, the constant it is compared with). Right after a
 * name and before the value, "(baseline)" stays part of the name, so the tool resolves the
 * exact label; after the value it may be either the name's or something about the value, so the
 * model asks and proposes nothing. A source in parentheses after the value stays a source.
 * End to end through the real tools and the demo on `:memory:` (clock: December 2026).
 */
import { describe, expect, it } from 'vitest';
import { extractProvenance } from '../../src/agent/offline-model/parse-measurements.ts';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

describe('a parenthesised word between a name and its value is part of the name', () => {
  it('the name keeps "(baseline)": it is not read as the source', () => {
    const read = extractProvenance('record Avg. Tickets per Day (baseline) 120 for nov 2026');
    expect(read.source).toBeUndefined();
    expect(read.rest).toMatch(/Day\s+\(baseline\)\s+120/);
  });

  it('"record Avg. Tickets per Day (baseline) 120 for nov 2026": the baseline input is named, no source "baseline"', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('record Avg. Tickets per Day (baseline) 120 for nov 2026'));
    // The exact label is the baseline's; the tool records a baseline's month on the metric it
    // is measured through (test/tools/baseline-measured-through.test.ts): tickets_per_day,
    // November 2026, 120, and no source (nothing said where the value came from).
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 120 },
    ]);
  });
});

describe('a kind of value in parentheses after the value is asked about', () => {
  it('"record Avg. Tickets per Day 120 for nov 2026 (baseline)": no proposal, a question naming "(baseline)"', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('record Avg. Tickets per Day 120 for nov 2026 (baseline)');
    expect(r.proposals).toEqual([]);
    expect(r.text).toContain('Is "(baseline)" part of the input\'s name');
    expect(chat.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('"log deflection rate 21% for october (target)": a target is no source either: asked, nothing proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('log deflection rate 21% for october (target)');
    expect(r.proposals).toEqual([]);
    expect(r.text).toContain('Is "(target)" part of the input\'s name');
    expect(chat.store.listProposals({ caseId: CASE })).toEqual([]);
  });
});

describe('a source in parentheses after the value stays a source', () => {
  it('"record tickets per day 150 for oct (Zendesk export)": October 2026, 150, source "Zendesk export"', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('record tickets per day 150 for oct (Zendesk export)'));
    // October without a year: the latest October not after the clock's December 2026.
    expect(p.operations).toEqual([
      {
        op: 'recordMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2026-10',
        value: 150,
        source: 'Zendesk export',
      },
    ]);
  });
});
