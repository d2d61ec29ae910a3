/**
 * A value said "from" a month after the current month is never turned into a measurement of
 * that month (issue 11): `insteadOfRefused` turns a refused `proposeInputValue` on a metric
 * into the month's measurement only when the tool offers one ("propose recording one
 * instead"); from a month after the current month the tool says why not and what to do
 * instead, and the offline model answers with that. End to end through the offline model, the
 * real tools and the demo on `:memory:`; the clock is 2 December 2026, so the current month
 * is 2026-12 and "jan 2027" is 2027-01, one month later.
 */
import { describe, expect, it } from 'vitest';
import { insteadOfRefused } from '../../src/agent/offline-model/instead-of-refused.ts';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

/** The refusal `proposeInputValue` gives for a metric from 2027-01, the current month being 2026-12 (written by hand). */
const deflectionFromJanuary =
  "'Ticket Deflection Rate' is measured (the metric of 'Deflected Ticket Savings'): its monthly values are measurements, and 2027-01 is after the current month (2026-12), so it cannot have been measured yet. Record it once the month is over; a value expected from then on belongs in a future scenario.";

describe('a value from a month after the current month is no measurement', () => {
  for (const said of ['set deflection rate to 12,5% from jan 2027', 'deflection rate 25% from jan 2027']) {
    it(`"${said}": nothing proposed, the reply says 2027-01 is after 2026-12 and what to do instead`, async () => {
      const chat = offlineChat('delta-corp.json', NOW);
      const before = chat.store.getCase(CASE);
      const reply = await chat.say(said);
      expect(reply.proposals).toEqual([]);
      expect(chat.store.listProposals({ caseId: CASE })).toEqual([]);
      expect(reply.text).toContain(deflectionFromJanuary);
      expect(chat.store.getCase(CASE)).toEqual(before);
    });
  }

  it('"set avg tickets per day from jan 2027 to 170": nothing proposed, the same refusal for Avg. Tickets per Day', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('set avg tickets per day from jan 2027 to 170');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toContain(
      "'Avg. Tickets per Day' is measured (the metric of 'Rep Efficiency Gain'): its monthly values are measurements, and 2027-01 is after the current month (2026-12)",
    );
    expect(reply.text).toContain('Record it once the month is over');
  });

  it('from a month already over, the value is still that month’s measurement (November 2026, before December 2026)', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('set avg tickets per day from nov 2026 to 170'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 170 },
    ]);
  });
});

describe('insteadOfRefused reads the refusal', () => {
  const refused = (error: string) => [
    {
      toolCallId: 'c1',
      toolName: 'proposeInputValue',
      input: { input: 'deflection rate', value: 0.125, from: 'jan 2027' },
      output: { error },
      failed: false,
    },
  ];

  it('no measurement when the refusal says the month is after the current month', () => {
    expect(insteadOfRefused(refused(deflectionFromJanuary), 'set deflection rate to 12,5% from jan 2027')).toBeNull();
  });

  it('the measurement of that month when the refusal offers one', () => {
    const offered =
      "'Ticket Deflection Rate' is measured (the metric of 'Deflected Ticket Savings'): its monthly values are measurements; propose recording one instead";
    expect(insteadOfRefused(refused(offered), 'set deflection rate to 12,5% from jan 2027')).toEqual({
      kind: 'tools',
      calls: [{ toolName: 'proposeMeasurements', input: { measurements: [{ input: 'deflection rate', month: 'jan 2027', value: 0.125 }] } }],
    });
  });
});
