/**
 * The independent claim check (src/qbr/grounding): every figure traced to the fact its
 * sentence claims. The Delta facts for 2026-Q1 (examples/delta-corp.json, as of 2026-03), as
 * test/qbr/check-grounding.test.ts works them out: realized in the quarter 44,106.67 (measured
 * 34,106.67, of it 17,960 carried forward; assumed 10,000) against 56,600 estimated, variance
 * 44,106.67 / 56,600 - 1 = -22.07%; to date 88,886.67 (measured 58,886.67, assumed 30,000)
 * against 104,710 (-15.11%); investment to date 48,000 + 15,000 = 63,000; ROI to date
 * (88,886.67 - 63,000) / 63,000 = 41.09%; payback 2026-02; over the window the investment is
 * 48,000 x 2 + 15,000 = 111,000 and the projected ROI 326%; tickets per day 115 -> 158 in the
 * quarter (baseline 100); deflection 12% -> 18% (6 points, a 50% relative rise); Automation
 * Macros Live targeted 2026-01, achieved 2026-03 (two months late).
 */
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/qbr/grounding/check-claims.ts';
import { readMentions } from '../../src/qbr/grounding/read-mentions.ts';
import { demoFacts } from './qbr-fixtures.ts';

const facts = demoFacts();
const problems = (text: string) => checkClaims(text, facts).map((p) => p.text);

describe('readMentions', () => {
  it('reads numbers in words, roundings, months, quarters and points apart from percentages', () => {
    const m = readMentions(
      "We invested one hundred and ten thousand dollars, about $1.1 million, $410k and $0.1M; two months late; Feb '26, February 2026, 2026-02, Q3 2026, up 6 points, 22%.",
      'USD',
    );
    expect(m.map((x) => [x.text, x.kind, x.value])).toEqual([
      ['one hundred and ten thousand dollars', 'money', 110000],
      ['$1.1 million', 'money', 1100000],
      ['$410k', 'money', 410000],
      ['$0.1M', 'money', 100000],
      ['two', 'plain', 2],
      ["Feb '26", 'month', 2026 * 12 + 1],
      ['February 2026', 'month', 2026 * 12 + 1],
      ['2026-02', 'month', 2026 * 12 + 1],
      ['Q3 2026', 'quarter', 2026 * 4 + 2],
      ['6 points', 'points', 6],
      ['22%', 'percent', 22],
    ]);
    // "$410k" is a rounding to two significant digits: 405k..415k; "one hundred and ten thousand" 105k..115k.
    expect(m[2]!.tolerance).toBe(5000);
    expect(m[0]!.tolerance).toBe(5000);
    expect(m[1]!.approx).toBe('about');
  });

  it('gives a month of a list the year of the list ("January and February 2026")', () => {
    expect(readMentions('January and February 2026', 'USD').map((x) => x.value)).toEqual([2026 * 12, 2026 * 12 + 1]);
  });
});

describe('checkClaims', () => {
  it('accepts right figures and legitimate roundings of the right fact', () => {
    const text = [
      'In Q1 2026 we realized $44,107, about $44k, 22% below the estimate of $56,600; $34,107 measured and $10,000 resting on assumptions.',
      'The return on investment to date is 41%, and the investment to date of $63,000 paid back in February 2026.',
      'Over the whole window we project $473,117 of benefit for $111,000 of investment, a projected ROI of 326%.',
      'Automation Macros Live was achieved in March 2026, two months late.',
      'Ticket Deflection Rate rose 6 points, from 12% to 18%.',
    ].join('\n');
    expect(checkClaims(text, facts)).toEqual([]);
  });

  it('catches a figure of another fact: ROI stated as the projected ROI, projected as realized, measured and assumed swapped', () => {
    expect(problems('The return on investment to date is 326%.')).toEqual(['326%']);
    expect(problems('Realized value to date is $473,117.')).toEqual(['$473,117']);
    expect(problems('In Q1 2026 we realized $44,107: $10,000 measured and $34,107 resting on assumptions.')).toEqual(['$10,000', '$34,107']);
    const [p] = checkClaims('The return on investment to date is 326%.', facts);
    expect(p).toMatchObject({ line: 1, column: 37, claims: 'ROI to date' });
    expect(p!.problem).toContain('41%');
    expect(p!.problem).toContain('projected ROI');
  });

  it('catches the investment over the window said to have paid back by February 2026, wrong months and wrong words', () => {
    expect(problems('The investment of $111,000 paid back in February 2026.')).toEqual(['$111,000']);
    expect(problems('The investment to date paid back in January 2026.')).toEqual(['January 2026']);
    expect(problems('Automation Macros Live was achieved in March 2026, three months late.')).toEqual(['three']);
    expect(problems('In Q2 2026 we realized $44,107.')).toEqual(['Q2 2026']);
    expect(problems('Realized value to date is eighty thousand dollars.')).toEqual(['eighty thousand dollars']);
  });

  it('catches a percentage said where points are meant, a wrong direction and a swapped status', () => {
    expect(problems('Ticket Deflection Rate rose 6% in the quarter.')).toEqual(['6%']);
    expect(problems('In Q1 2026 we realized $44,107, 22% above the estimate.')).toEqual(['22%']);
    // Deflect Tickets with Self-Service is behind its estimate (-8.1% to date), not ahead.
    expect(problems('Deflect Tickets with Self-Service is ahead.')).toEqual(['ahead']);
    // Retire the Legacy Help Desk rests only on assumptions: never "ahead", never a proof point.
    expect(problems('Retire the Legacy Help Desk is the proof point for the next phase.')).toEqual(['proof point']);
  });

  it('reads fractions in words, a cue spanning a separator and a use case called by its id', () => {
    // Measured share to date 58,886.67 / 88,886.67 = 66%: two thirds; assumed 34%: one third.
    expect(problems('To date, about two thirds of realized value is measured and one third rests on assumptions.')).toEqual([]);
    expect(problems('To date, about one third of realized value is measured.')).toEqual(['one third']);
    // Payback was February 2026, whatever the words ("paid for itself", split by "for").
    expect(problems('The program has paid for itself: cumulative benefits passed the investment in March 2026.')).toEqual(['March 2026']);
    // "self-service" is the id of Deflect Tickets with Self-Service (behind its estimate, -8.1% to date).
    expect(problems('The self-service use case is ahead of its plan.')).toEqual(['ahead']);
  });

  it('takes a cue for the nearest figure of its kind, and the whole a figure is part of for no claim', () => {
    // The target month is January 2026; March 2026 is when it went live.
    expect(problems('Automation Macros Live slipped two months, from a January 2026 target to March 2026.')).toEqual([]);
    // 17,960 is carried forward, a part "of the measured value" (34,106.67).
    expect(problems('In Q1 2026, $17,960 of the measured value was carried forward.')).toEqual([]);
    expect(problems('In Q1 2026, $16,147 of it was carried forward.')).toEqual(['$16,147']);
  });

  it("leaves a day's date alone unless a cue claims it", () => {
    expect(problems('Report date: 2026-04-15. Prepared on 15 April 2026.')).toEqual([]);
    // The payback month is February 2026.
    expect(problems('The investment to date paid back on 15 March 2026.')).toEqual(['15 March 2026']);
  });
});
